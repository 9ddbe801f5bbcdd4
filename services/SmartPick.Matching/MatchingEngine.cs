using SmartPick.Matching.Model;
using SmartPick.Matching.Parameters;
using SmartPick.Matching.Stages;
using SmartPick.Matching.Strategy;

namespace SmartPick.Matching;

/// <summary>
/// Options of one ranking run. A null <paramref name="Budget"/> means the profile's own budget, or
/// <see cref="DefaultBudget"/> when the profile has none. <paramref name="DefaultSeason"/> is the Match year
/// used to count years since graduation when the profile has no season (the engine never reads the clock).
/// <paramref name="Parameters"/> defaults to <see cref="DefaultParameters.Current"/>. <paramref name="BudgetDollars"/>
/// overrides the profile's money budget; <paramref name="Seasons"/> is the organization's table of season facts (fees
/// and signal counts; <see cref="SeasonFactsTable.Defaults"/> when null).
/// </summary>
public sealed record RankOptions(int? Budget = null, int? DefaultSeason = null, ParameterSet? Parameters = null,
    decimal? BudgetDollars = null, IReadOnlyList<SeasonFacts>? Seasons = null)
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
        var primary = profile.TargetSpecialties.FirstOrDefault() ?? "internal_medicine";
        var curve = ps.MatchCurveFor(primary);
        var facts = SeasonOf(profile, options);
        var strategy = StrategyPlanner.Plan(scored, catalog, profile, ps, facts, curve, BudgetOf(profile, options), DollarsOf(profile, options), profile.Strategy);
        var plan = strategy.Optimized;

        var ranked = new RankedProgram[strategy.Order.Length];
        var regionReasons = new Reason?[CensusDivisions.All.Count];
        for (var r = 0; r < ranked.Length; r++)
        {
            var i = strategy.Order[r];
            var (program, key, reasons, basis) = scored.Programs[i];
            var p = strategy.MarginalP[i];
            var signal = strategy.Signal[i];
            if (signal is not null || strategy.InRegion[i]) reasons = WithStrategyReasons(reasons, program, key, signal, strategy.InRegion[i], facts, ps, catalog, regionReasons);
            ranked[r] = new RankedProgram(program.ProgramCode, program.ProgramName, program.State, key, p, ListOptimizer.TierOf(p, ps), reasons, basis)
            {
                Signal = signal,
                InNamedRegion = strategy.InRegion[i],
            };
        }

        RebuildOutlook? rebuild = null;
        if (plan.RecommendedApplications > 0)
        {
            var rebuilt = ProfileChange.ApplyAll(profile, RebuildChanges(profile));
            var (logits, positions, keys) = EligibleLogits(rebuilt, catalog, options, ps);
            var n = plan.RecommendedApplications;
            // The rebuilt profile can lose programs (one more year may pass a stated limit), so its list can be shorter or empty.
            var afterP = StrategyPlanner.PMatchLike(logits, positions, keys, catalog, ps, SeasonOf(rebuilt, options), curve, n, strategy.Plan);
            rebuild = new RebuildOutlook(n, plan.PMatchAtRecommended, afterP);
        }

        var (stating, unknown) = VisaCounts(scored.Programs, profile.VisaNeed);
        var (risks, advice) = AdviceRules.Derive(profile, scored.Facts,
            new AdviceContext(primary, plan.RecommendedApplications, plan.PMatchAtRecommended, stating, unknown, rebuild, plan.Curve));

        return new RankResult(ranked, scored.Excluded, plan.Curve, plan.RecommendedApplications, plan.PMatchAtRecommended,
            risks, advice, new EngineVersions(EngineVersion, ps.Version, catalog.Version))
        {
            ExcludedCountsByReason = scored.ExcludedCounts,
            Plan = strategy.Plan,
        };
    }

    /// <summary>The season facts (fees, signals) of the profile's season, or of the caller's default season.</summary>
    internal static SeasonFacts SeasonOf(CandidateProfile profile, RankOptions options) =>
        SeasonFactsTable.For(profile.Season ?? options.DefaultSeason, options.Seasons);

    internal static decimal? DollarsOf(CandidateProfile profile, RankOptions options) => options.BudgetDollars ?? profile.Budget?.Dollars;

    private static IReadOnlyList<Reason> WithStrategyReasons(IReadOnlyList<Reason> reasons, CatalogProgram program, string key,
        SignalKind? signal, bool inRegion, SeasonFacts facts, ParameterSet ps, Catalog catalog, Reason?[] regionReasons)
    {
        var prefix = new Reason[(signal is null ? 0 : 1) + (inRegion ? 1 : 0)];
        var at = 0;
        if (signal is { } kind)
        {
            var effects = SignalEffects.For(catalog, ps);
            var position = ProgramEffects.For(catalog, ps).PositionOf(program);
            var lor = effects.LogOdds[position] * (kind == SignalKind.Gold ? ps.GoldSignalLogOddsMultiple.Value : 1);
            var name = facts.SignalsFor(key).Gold > 0 ? (kind == SignalKind.Gold ? "A gold signal" : "A silver signal") : "A signal";
            var basis = effects.Observed[position]
                ? $"this program invited {ProgramEffects.Percent((double)program.SignalInterviewRate!.Value)} of applicants who signalled it and {ProgramEffects.Percent((double)program.NoSignalInterviewRate!.Value)} of those who did not"
                : effects.SpecialtyPrior.TryGetValue(key, out var sp)
                    ? $"the median of {sp.EvidencePrograms} {Specialties.ByKey(key)?.Name ?? key} programs that published rates with and without a signal"
                    : "the published 2.7–9.1× across specialties; no evidence for this program";
            prefix[at++] = new Reason(kind == SignalKind.Gold ? "signal_gold" : "signal_silver",
                $"{name} here raises the interview odds about {Math.Exp(lor).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)}× ({basis}).", lor);
        }
        if (inRegion)
        {
            var index = CensusDivisions.IndexOf(program.State);
            prefix[at] = regionReasons[index] ??= new Reason("geographic_preference",
                $"In {CensusDivisions.All[index].Name}, a division named as a geographic preference: interview odds about {ps.GeographicPreferenceOddsRatio.Value.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)}× (published 1.8–2.8×).",
                Math.Log(ps.GeographicPreferenceOddsRatio.Value));
        }
        return new PrefixedReasons(prefix, reasons);
    }

    /// <summary>
    /// The program's evidence (the model's first reason) first, then the strategy's reasons, then the model's others,
    /// without reading the model's (often lazy) reasons until asked.
    /// </summary>
    private sealed class PrefixedReasons(Reason[] strategy, IReadOnlyList<Reason> model) : IReadOnlyList<Reason>
    {
        public Reason this[int index] =>
            model.Count == 0 ? strategy[index]
            : index == 0 ? model[0]
            : index <= strategy.Length ? strategy[index - 1]
            : model[index - strategy.Length];
        public int Count => strategy.Length + model.Count;
        public IEnumerator<Reason> GetEnumerator()
        {
            for (var i = 0; i < Count; i++) yield return this[i];
        }
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>
    /// The changes that would open programs the candidate is excluded from or nearly never interviewed at, largest
    /// first (<see cref="Unlocks"/>). Each change re-scores the catalog, so it is asked for apart from <see cref="Rank"/>.
    /// </summary>
    public static IReadOnlyList<UnlockItem> Unlock(CandidateProfile profile, Catalog catalog, RankOptions? options = null)
    {
        options ??= new RankOptions();
        return Unlocks.Compute(profile, catalog, options, options.Parameters ?? DefaultParameters.Current);
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
        => WhatIf(Rank(profile, catalog, options), profile, changes, catalog, options);

    /// <summary>The same, from the profile's ranking already made (<paramref name="before"/>), so several changes to one profile rank it once.</summary>
    public static WhatIfResult WhatIf(RankResult before, CandidateProfile profile, IReadOnlyList<ProfileChange> changes, Catalog catalog, RankOptions? options = null)
    {
        var changed = ProfileChange.ApplyAll(profile, changes);
        var after = Rank(changed, catalog, options);
        var n = before.RecommendedApplications;
        var afterAtSameN = n == 0 ? 0 : after.Curve.LastOrDefault(c => c.N <= n)?.PMatch ?? 0;
        return new WhatIfResult(before, after, changed, n, before.PMatchAtRecommended, afterAtSameN);
    }

    /// <summary>Programs that need not be known by the caller: the scored list (best first) and exclusions.</summary>
    internal sealed record Scored(
        List<(CatalogProgram Program, string SpecialtyKey, IReadOnlyList<Reason> Reasons, PBasis Basis)> Programs,
        double[] Logits,
        int[] Positions,
        List<ExcludedProgram> Excluded,
        IReadOnlyDictionary<string, int> ExcludedCounts,
        ProfileFacts Facts);

    /// <summary>
    /// Applications considered: the options', else the profile's; with a money budget alone, as many as the money
    /// pays for (up to <see cref="StrategyPlanner.MaxApplicationsForDollars"/>); else <see cref="RankOptions.DefaultBudget"/>.
    /// </summary>
    internal static int BudgetOf(CandidateProfile profile, RankOptions options) =>
        Math.Max(0, options.Budget ?? profile.Budget?.Applications
            ?? (DollarsOf(profile, options) is null ? RankOptions.DefaultBudget : StrategyPlanner.MaxApplicationsForDollars));

    /// <summary>
    /// The eligible programs' logits only (no reasons, no exclusions kept), best first, with their catalog positions
    /// and specialty keys: what the rebuild outlook needs of a changed profile, at a fraction of <see cref="Score"/>'s
    /// allocations.
    /// </summary>
    internal static (double[] Logits, int[] Positions, string[] Keys) EligibleLogits(CandidateProfile profile, Catalog catalog,
        RankOptions options, ParameterSet ps)
    {
        var facts = ProfileFacts.From(profile, options.DefaultSeason, (int)ps.DefaultYearsSinceGraduation.Value);
        var effects = ProgramEffects.For(catalog, ps);
        var model = new InterviewModel(ps, profile, facts, effects);
        var targets = new HashSet<string>(profile.TargetSpecialties, StringComparer.Ordinal);
        var avoided = new HashSet<string>(profile.AvoidedStates, StringComparer.Ordinal);
        var total = 0;
        foreach (var target in targets) total += effects.ProgramsOf(target).Count;
        var sortKeys = new double[total];
        var positions = new int[total];
        var n = 0;
        foreach (var target in targets)
            foreach (var i in effects.ProgramsOf(target))
            {
                var program = catalog.Programs[i];
                if (Eligibility.Exclusions(program, target, profile, facts, targets, avoided) is not null) continue;
                sortKeys[n] = -model.Logit(program, target, effects.At(i, model.ApplicantType), false).Logit;
                positions[n++] = i;
            }
        Array.Sort(sortKeys, positions, 0, n);
        var logits = new double[n];
        var keys = new string[n];
        for (var r = 0; r < n; r++)
        {
            logits[r] = -sortKeys[r];
            keys[r] = effects.KeyAt(positions[r])!;
        }
        return (logits, positions.Length == n ? positions : positions[..n], keys);
    }

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
        var eligible = new List<(CatalogProgram Program, string Key, IReadOnlyList<Reason> Reasons, PBasis Basis, double Logit, int Position)>();

        // Only the targeted specialties' programs are read; the rest are counted (the list would be thousands of rows
        // saying the same thing). Positions are merged in catalog order, so exclusions are listed in the sheet's order.
        var index = effectsCatalog is null ? effects : ProgramEffects.For(catalog, ps);
        var positions = new List<int>();
        foreach (var target in targets) positions.AddRange(index.ProgramsOf(target));
        if (targets.Count > 1) positions.Sort();
        notTargeted = catalog.Programs.Count - positions.Count;
        eligible.Capacity = positions.Count;
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
            eligible.Add((program, key, why, basis, z, i));
        }

        // Best first by logit (the shown p is monotone in it); ties broken by program code so the order never depends on row order.
        var order = new int[eligible.Count];
        var keys = new double[eligible.Count];
        for (var i = 0; i < order.Length; i++) { order[i] = i; keys[i] = -eligible[i].Logit; }
        Array.Sort(keys, order);
        // Runs of equal logits (programs alike in everything the model reads) are put in program-code order.
        for (var start = 0; start < order.Length;)
        {
            var end = start + 1;
            while (end < order.Length && keys[end] == keys[start]) end++;
            if (end - start > 1) Array.Sort(order, start, end - start, new BestFirst(eligible));
            start = end;
        }
        var programs = new List<(CatalogProgram, string, IReadOnlyList<Reason>, PBasis)>(eligible.Count);
        var logits = new double[eligible.Count];
        var at = new int[eligible.Count];
        for (var i = 0; i < order.Length; i++)
        {
            var e = eligible[order[i]];
            programs.Add((e.Program, e.Key, e.Reasons, e.Basis));
            at[i] = e.Position;
            logits[i] = e.Logit;
        }
        if (notTargeted > 0) counts["specialty_not_targeted"] = notTargeted;
        return new Scored(programs, logits, at, excluded, new SortedDictionary<string, int>(counts, StringComparer.Ordinal), facts);
    }

    private sealed class BestFirst(List<(CatalogProgram Program, string Key, IReadOnlyList<Reason> Reasons, PBasis Basis, double Logit, int Position)> eligible) : IComparer<int>
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
