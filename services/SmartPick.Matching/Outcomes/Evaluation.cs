using SmartPick.Matching.Model;
using SmartPick.Matching.Parameters;
using SmartPick.Matching.Stages;

namespace SmartPick.Matching.Outcomes;

/// <summary>Program level of the evaluation for one specialty: how well the prior orders programs whose evidence it did not see.</summary>
public sealed record ProgramLevel(string Specialty, int Programs, double Spearman, double TopShareOfBest);

/// <summary>
/// Program-level figures, by k-fold over the programs with evidence: each fold's evidence is hidden, the prior is built
/// from the rest, and the prior rate of the hidden programs (the p of an average profile) is compared with their
/// observed rate. <see cref="ProgramLevel.TopShareOfBest"/>: the observed non-US IMG rate of the top 150 programs (a quarter of the specialty where it has fewer than 600) by
/// that p, as a share of the observed rate of the best as many (1 = as good as knowing the evidence).
/// </summary>
public sealed record ProgramReport(IReadOnlyList<ProgramLevel> BySpecialty, double Spearman, int Programs);

/// <summary>Population level: mean P(match) of a documented synthetic population against the published match rate.</summary>
/// <remarks>
/// The published rate counts only applicants who submitted a rank list, that is who had at least one interview;
/// <see cref="PMatchAmongInterviewed"/> is the population's comparable figure, Σ P(match) / Σ P(K ≥ 1), both taken
/// from the calibrated rates as they are (the average applicant's signals and preferences, which is how the published
/// population applied). <see cref="MeanPMatchWithPlan"/> is the same applicants following the product's plan (its
/// signals and divisions placed where they add most): what the plan claims over applying as everyone does.
/// </remarks>
public sealed record PopulationReport(string Specialty, int Applicants, int Applications, double MeanPMatch, double PublishedMatchRate,
    double MeanPMatchAtRecommended, double MeanRecommended, double ShareWithoutInterview, double PMatchAmongInterviewed,
    double MeanPMatchWithPlan);

public static class Evaluation
{
    public const int TopPrograms = 150;

    public static ProgramReport Programs(Catalog catalog, ParameterSet ps, int folds = 5)
    {
        var withEvidence = catalog.Programs.Where(p => p.NonUsImgInterviewRate is not null && Specialties.ByCode(p.SpecialtyCode) is not null).ToList();
        // Folds by position in program-code order: deterministic, and institutions spread across folds.
        var ordered = withEvidence.OrderBy(p => p.ProgramCode, StringComparer.Ordinal).ToList();
        var prior = new Dictionary<CatalogProgram, double>(ReferenceEqualityComparer.Instance);
        for (var f = 0; f < folds; f++)
        {
            var hidden = new HashSet<string>(ordered.Where((_, i) => i % folds == f).Select(p => p.ProgramCode), StringComparer.Ordinal);
            var effects = ProgramEffects.WithHeldOut(catalog.Programs, ps, hidden);
            foreach (var p in ordered.Where(p => hidden.Contains(p.ProgramCode)))
                prior[p] = effects.Of(p, ImgType.NonUsImg).Rate;
        }

        var levels = new List<ProgramLevel>();
        double weighted = 0;
        var total = 0;
        foreach (var group in ordered.GroupBy(p => Specialties.ByCode(p.SpecialtyCode)!.Key).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var list = group.ToList();
            if (list.Count < 10) continue;
            var observed = list.Select(p => (double)p.NonUsImgInterviewRate!.Value).ToArray();
            var predicted = list.Select(p => prior[p]).ToArray();
            var rho = Calibration.Spearman(predicted, observed);
            var top = Math.Min(TopPrograms, Math.Max(1, list.Count / 4));
            // Ties in the prior are broken by program code, as the engine breaks them.
            var chosen = list.Select((p, i) => (p, i)).OrderByDescending(x => predicted[x.i]).ThenBy(x => x.p.ProgramCode, StringComparer.Ordinal)
                .Take(top).Sum(x => observed[x.i]);
            var best = observed.OrderByDescending(x => x).Take(top).Sum();
            levels.Add(new ProgramLevel(group.Key, list.Count, rho, best == 0 ? 1 : chosen / best));
            weighted += rho * list.Count;
            total += list.Count;
        }
        return new ProgramReport(levels, total == 0 ? 0 : weighted / total, total);
    }

    /// <summary>
    /// A synthetic population of non-US IMG applicants in one specialty, deterministic (a Kronecker low-discrepancy
    /// sequence, no randomness): Step 2 CK normal around the specialty's average applicant with SD 14 (the published
    /// SD of matched and unmatched IM applicants), hands-on USCE 0–8 months (8·u^1.4: median 3, 14% none), 1–8 years since graduation,
    /// 60% needing a J-1, two standard US letters for two thirds and none for the rest. Each applies to
    /// <paramref name="applications"/> programs (129: the 2025 IMG average), the best by p.
    /// </summary>
    public static PopulationReport Population(Catalog catalog, ParameterSet ps, string specialtyKey = "internal_medicine", int applicants = 200,
        int applications = 129, int season = 2026)
    {
        var typical = ps.TypicalStep2Ck.GetValueOrDefault(specialtyKey, ps.TypicalStep2CkOther);
        double sum = 0, sumWithPlan = 0, sumRecommended = 0, sumN = 0, sumAnyInterview = 0;
        for (var i = 0; i < applicants; i++)
        {
            double U(double alpha) => ((i + 1) * alpha) % 1.0;
            var step2 = (int)Math.Round(Math.Clamp(typical + 14 * InverseNormal(U(0.6180339887)), 200, 280));
            var usce = Math.Round(8 * Math.Pow(U(0.4142135624), 1.4));
            var years = 1 + (int)(8 * U(0.7320508076));
            var visa = U(0.2360679775) < 0.6;
            var letters = U(0.1622776602) < 2.0 / 3 ? 2 : 0;
            var profile = new CandidateProfile
            {
                ImgType = ImgType.NonUsImg,
                VisaNeed = visa ? VisaNeed.J1 : VisaNeed.None,
                YearOfGraduation = season - years,
                Season = season,
                Exams = [new ExamResult(ExamKind.Step1, null, true), new ExamResult(ExamKind.Step2Ck, step2, true)],
                Usce = usce > 0 ? [new UsceItem(UsceKind.HandsOn, specialtyKey, (decimal)usce, null)] : [],
                Letters = [.. Enumerable.Repeat(new LetterItem(true, specialtyKey, "attending", LetterStrength.Standard), letters)],
                TargetSpecialties = [specialtyKey],
            };
            var options = new RankOptions(Budget: applications, Parameters: ps);
            var result = MatchingEngine.Rank(profile, catalog, options);
            sumWithPlan += result.Curve.Count == 0 ? 0 : result.Curve[^1].PMatch;
            // As the published population applied: the calibrated rates, best first, no plan of ours on top.
            var scored = MatchingEngine.Score(profile, catalog, options, ps, collectExcluded: false, withReasons: false);
            var asEveryone = ListOptimizer.Optimize(scored.Logits, applications, ps, ps.MatchCurveFor(specialtyKey));
            sum += asEveryone.Curve.Count == 0 ? 0 : asEveryone.Curve[^1].PMatch;
            sumAnyInterview += 1 - ListOptimizer.InterviewDistribution(scored.Logits, applications, ps.RandomEffectSd.Value)[0];
            sumRecommended += result.PMatchAtRecommended;
            sumN += result.RecommendedApplications;
        }
        return new PopulationReport(specialtyKey, applicants, applications, sum / applicants,
            ps.PublishedMatchRates.GetValueOrDefault(specialtyKey, ps.PublishedMatchRateNonUsImg), sumRecommended / applicants, sumN / applicants,
            1 - sumAnyInterview / applicants, sumAnyInterview == 0 ? 0 : sum / sumAnyInterview, sumWithPlan / applicants);
    }

    /// <summary>Acklam's rational approximation of the standard normal quantile (relative error below 1.2·10⁻⁹).</summary>
    public static double InverseNormal(double p)
    {
        p = Math.Clamp(p, 1e-12, 1 - 1e-12);
        double[] a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
        double[] b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
        double[] c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
        double[] d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
        const double low = 0.02425;
        if (p < low)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - low)
        {
            var q = Math.Sqrt(-2 * Math.Log(1 - p));
            return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        var r = p - 0.5;
        var s = r * r;
        return (((((a[0] * s + a[1]) * s + a[2]) * s + a[3]) * s + a[4]) * s + a[5]) * r / (((((b[0] * s + b[1]) * s + b[2]) * s + b[3]) * s + b[4]) * s + 1);
    }
}
