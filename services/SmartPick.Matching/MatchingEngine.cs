using SmartPick.Matching.Model;
using SmartPick.Matching.Parameters;
using SmartPick.Matching.Stages;

namespace SmartPick.Matching;

/// <summary>
/// Options of one ranking run. A null <paramref name="Budget"/> means the profile's own budget, or
/// <see cref="DefaultBudget"/> when the profile has none. <paramref name="DefaultSeason"/> is the Match year
/// used to count years since graduation when the profile has no season (the engine never reads the clock).
/// <paramref name="Parameters"/> defaults to <see cref="DefaultParameters.Current"/>.
/// </summary>
public sealed record RankOptions(int? Budget = null, int? DefaultSeason = null, ParameterSet? Parameters = null)
{
    /// <summary>
    /// Applications considered when neither the options nor the profile give a budget: the top of the guide's
    /// "100–150+" for low-score non-US IMGs in IM/FM, so an unstated budget never recommends more than that.
    /// </summary>
    public const int DefaultBudget = 150;
}

/// <summary>The engine's entry point: pure, deterministic, explainable (see docs/matching.md).</summary>
public static class MatchingEngine
{
    public const string EngineVersion = "2.0.0";

    /// <summary>The "one-year rebuild" the advice weighs: 3 months hands-on USCE and 2 strong US letters in the first target specialty, one more year since graduation.</summary>
    public static IReadOnlyList<ProfileChange> RebuildChanges(CandidateProfile profile) =>
    [
        new ProfileChange.AddHandsOnUsce(3, profile.TargetSpecialties.FirstOrDefault()),
        new ProfileChange.AddUsLetters(2, LetterStrength.Strong),
        new ProfileChange.WaitOneYear(),
    ];

    public static RankResult Rank(CandidateProfile profile, Catalog catalog, RankOptions? options = null)
    {
        options ??= new RankOptions();
        var ps = options.Parameters ?? DefaultParameters.Current;
        var scored = Score(profile, catalog, options, ps, collectExcluded: true);
        var budget = BudgetOf(profile, options);
        var primary = profile.TargetSpecialties.FirstOrDefault() ?? "internal_medicine";
        var curve = ps.MatchCurveFor(primary);
        var plan = ListOptimizer.Optimize(scored.Logits, budget, ps, curve);

        var ranked = new RankedProgram[scored.Programs.Count];
        for (var i = 0; i < ranked.Length; i++)
        {
            var (program, key, reasons, basis) = scored.Programs[i];
            var p = scored.P[i];
            ranked[i] = new RankedProgram(program.ProgramCode, program.ProgramName, program.State, key, p, ListOptimizer.TierOf(p, ps), reasons, basis);
        }

        RebuildOutlook? rebuild = null;
        if (plan.RecommendedApplications > 0)
        {
            var rebuilt = ProfileChange.ApplyAll(profile, RebuildChanges(profile));
            var after = Score(rebuilt, catalog, options, ps, collectExcluded: false, withReasons: false);
            var n = plan.RecommendedApplications;
            // The rebuilt profile can lose programs (one more year may pass a stated limit), so its list can be shorter or empty.
            var afterCurve = ListOptimizer.Optimize(after.Logits, n, ps, curve).Curve;
            rebuild = new RebuildOutlook(n, plan.PMatchAtRecommended, afterCurve.Count == 0 ? 0 : afterCurve[^1].PMatch);
        }

        var (stating, unknown) = VisaCounts(scored.Programs, profile.VisaNeed);
        var (risks, advice) = AdviceRules.Derive(profile, scored.Facts,
            new AdviceContext(primary, plan.RecommendedApplications, plan.PMatchAtRecommended, stating, unknown, rebuild, plan.Curve));

        return new RankResult(ranked, scored.Excluded, plan.Curve, plan.RecommendedApplications, plan.PMatchAtRecommended,
            risks, advice, new EngineVersions(EngineVersion, ps.Version, catalog.Version))
        {
            ExcludedCountsByReason = scored.ExcludedCounts,
        };
    }

    /// <summary>
    /// The stage-aware outlook of a ranked list (<see cref="OutlookRules"/>): what the cohort, the file, the
    /// candidate's own page, the nudges and the API show as the chance to match and the risk level.
    /// </summary>
    public static Outlook OutlookOf(RankResult result, CandidateProfile profile, SeasonPosition position, ParameterSet? parameters = null)
    {
        var ps = parameters ?? DefaultParameters.Current;
        var shown = new double[result.Programs.Count];
        for (var i = 0; i < shown.Length; i++) shown[i] = result.Programs[i].P;
        return OutlookRules.For(position, shown, result.Curve, result.RecommendedApplications, result.PMatchAtRecommended,
            profile.TargetSpecialties.FirstOrDefault(), profile.ImgType == ImgType.UsImg, ps);
    }

    /// <summary>
    /// Ranks the profile as it is and as changed, so "apply now or wait" is answered with numbers. The delta
    /// compares P(match) at the current recommended number of applications, and at each side's own recommendation.
    /// </summary>
    public static WhatIfResult WhatIf(CandidateProfile profile, IReadOnlyList<ProfileChange> changes, Catalog catalog, RankOptions? options = null)
    {
        var before = Rank(profile, catalog, options);
        var changed = ProfileChange.ApplyAll(profile, changes);
        var after = Rank(changed, catalog, options);
        var n = before.RecommendedApplications;
        var afterAtSameN = n == 0 ? 0 : after.Curve.LastOrDefault(c => c.N <= n)?.PMatch ?? 0;
        return new WhatIfResult(before, after, changed, n, before.PMatchAtRecommended, afterAtSameN);
    }

    /// <summary>Programs that need not be known by the caller: the scored list (best first) and exclusions.</summary>
    internal sealed record Scored(
        List<(CatalogProgram Program, string SpecialtyKey, IReadOnlyList<Reason> Reasons, PBasis Basis)> Programs,
        double[] P,
        double[] Logits,
        List<ExcludedProgram> Excluded,
        IReadOnlyDictionary<string, int> ExcludedCounts,
        ProfileFacts Facts);

    internal static int BudgetOf(CandidateProfile profile, RankOptions options) =>
        Math.Max(0, options.Budget ?? profile.Budget?.Applications ?? RankOptions.DefaultBudget);

    /// <summary>
    /// Scores the catalog's eligible programs. <paramref name="effectsCatalog"/> is the catalog whose evidence builds
    /// the program priors when <paramref name="catalog"/> is a part of it (calibration ranks one specialty at a time).
    /// </summary>
    internal static Scored Score(CandidateProfile profile, Catalog catalog, RankOptions options, ParameterSet ps, bool collectExcluded,
        Catalog? effectsCatalog = null, bool withReasons = true)
    {
        var facts = ProfileFacts.From(profile, options.DefaultSeason, (int)ps.DefaultYearsSinceGraduation.Value);
        var effects = ProgramEffects.For(effectsCatalog ?? catalog, ps);
        var model = new InterviewModel(ps, profile, facts, effects);
        var targets = new HashSet<string>(profile.TargetSpecialties, StringComparer.Ordinal);
        var avoided = new HashSet<string>(profile.AvoidedStates, StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var notTargeted = 0;
        var excluded = new List<ExcludedProgram>();
        var eligible = new List<(CatalogProgram Program, string Key, IReadOnlyList<Reason> Reasons, PBasis Basis, double Logit)>();

        // Only the targeted specialties' programs are read; the rest are counted (the list would be thousands of rows
        // saying the same thing). Positions are merged in catalog order, so exclusions are listed in the sheet's order.
        var index = effectsCatalog is null ? effects : ProgramEffects.For(catalog, ps);
        var positions = new List<int>();
        foreach (var target in targets) positions.AddRange(index.ProgramsOf(target));
        if (targets.Count > 1) positions.Sort();
        notTargeted = catalog.Programs.Count - positions.Count;
        foreach (var i in positions)
        {
            var program = catalog.Programs[i];
            var key = index.KeyAt(i)!;
            var reasons = Eligibility.Exclusions(program, key, profile, facts, targets, avoided);
            if (reasons is not null)
            {
                foreach (var r in reasons) counts[r.Code] = counts.GetValueOrDefault(r.Code) + 1;
                if (collectExcluded) excluded.Add(new ExcludedProgram(program.ProgramCode, program.ProgramName, reasons));
                continue;
            }
            var (z, basis, why) = effectsCatalog is null
                ? model.Logit(program, key, effects.At(i, model.ApplicantType), withReasons)
                : model.Logit(program, key, effects.Of(program, model.ApplicantType), withReasons);
            eligible.Add((program, key, why, basis, z));
        }

        // Best first by logit (the shown p is monotone in it); ties broken by program code so the order never depends on row order.
        var order = new int[eligible.Count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, new BestFirst(eligible));
        var programs = new List<(CatalogProgram, string, IReadOnlyList<Reason>, PBasis)>(eligible.Count);
        var ps2 = new double[eligible.Count];
        var logits = new double[eligible.Count];
        for (var i = 0; i < order.Length; i++)
        {
            var e = eligible[order[i]];
            programs.Add((e.Program, e.Key, e.Reasons, e.Basis));
            // The shown p integrates the random effect; passes that only need the curve (the rebuild) skip it.
            ps2[i] = withReasons ? ListOptimizer.MarginalP(e.Logit, ps.RandomEffectSd.Value) : double.NaN;
            logits[i] = e.Logit;
        }
        if (notTargeted > 0) counts["specialty_not_targeted"] = notTargeted;
        return new Scored(programs, ps2, logits, excluded, new SortedDictionary<string, int>(counts, StringComparer.Ordinal), facts);
    }

    private sealed class BestFirst(List<(CatalogProgram Program, string Key, IReadOnlyList<Reason> Reasons, PBasis Basis, double Logit)> eligible) : IComparer<int>
    {
        public int Compare(int a, int b)
        {
            var byLogit = eligible[b].Logit.CompareTo(eligible[a].Logit);
            return byLogit != 0 ? byLogit : string.CompareOrdinal(eligible[a].Program.ProgramCode, eligible[b].Program.ProgramCode);
        }
    }

    private static (int Stating, int Unknown) VisaCounts(List<(CatalogProgram Program, string, IReadOnlyList<Reason>, PBasis)> programs, VisaNeed? need)
    {
        int stating = 0, unknown = 0;
        foreach (var (p, _, _, _) in programs)
        {
            var (j1, h1b) = (p.VisaJ1, p.VisaH1b);
            var states = need switch
            {
                VisaNeed.J1 => j1 == Tristate.Yes,
                VisaNeed.H1b => h1b == Tristate.Yes,
                _ => j1 == Tristate.Yes || h1b == Tristate.Yes,
            };
            var isUnknown = need switch
            {
                VisaNeed.J1 => j1 == Tristate.Unknown,
                VisaNeed.H1b => h1b == Tristate.Unknown,
                _ => !states && (j1 == Tristate.Unknown || h1b == Tristate.Unknown),
            };
            if (states) stating++;
            else if (isUnknown) unknown++;
        }
        return (stating, unknown);
    }
}
