using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;
using SmartPick.Matching.Model;
using SmartPick.Matching.Parameters;
using SmartPick.Matching.Stages;

namespace SmartPick.Matching.Outcomes;

/// <summary>One applicant's predicted and actual interviews.</summary>
public sealed record CalibrationRow(string Row, int Applications, int Actual, double Expected, double Naive);

/// <summary>
/// How well the interview model predicts real interview counts: Spearman correlation and errors of the
/// expected interviews, against the naive "applications × pooled yield" model.
/// </summary>
public sealed record CalibrationReport(
    int N,
    double Spearman,
    double Mae,
    double MeanSignedError,
    double NaiveMae,
    double PooledYield,
    IReadOnlyList<CalibrationRow> Rows)
{
    public double NaiveSpearman => Calibration.Spearman(Rows.Select(r => r.Naive).ToArray(), Rows.Select(r => (double)r.Actual).ToArray());
    public double NaiveMeanSignedError => Rows.Count == 0 ? 0 : Rows.Average(r => r.Naive - r.Actual);
}

/// <summary>Cross-validated figures: each applicant predicted by parameters fitted without them.</summary>
public sealed record LeaveOneOutReport(int N, double Spearman, double Mae, double MeanSignedError, double NaiveMae);

/// <summary>The candidate coefficients <see cref="Calibration.Fit"/> estimates, and the penalty's centre and scale for each.</summary>
public static class FittedCoefficients
{
    public static readonly IReadOnlyList<(string Name, double PriorMean, double PriorSd)> Priors =
    [
        ("candidate_offset", 0.0, 1.0),
        ("step2ck_per_10_points", 0.35, 0.15),
        ("hands_on_usce_month", 0.12, 0.08),
        ("year_since_graduation_past_3", -0.15, 0.1),
        ("visa_needed", -0.5, 0.3),
        ("random_effect_sd", 1.0, 0.5),
    ];

    public static double[] Of(ParameterSet ps) =>
        [ps.Intercept.Value, ps.Step2CkPer10Points.Value, ps.HandsOnUsceMonth.Value, ps.YearPastThree.Value, ps.VisaNeeded.Value, ps.RandomEffectSd.Value];

    public static ParameterSet With(ParameterSet ps, IReadOnlyList<double> v) => ps with
    {
        Intercept = ps.Intercept with { Value = v[0] },
        Step2CkPer10Points = ps.Step2CkPer10Points with { Value = v[1] },
        HandsOnUsceMonth = ps.HandsOnUsceMonth with { Value = v[2] },
        YearPastThree = ps.YearPastThree with { Value = v[3] },
        VisaNeeded = ps.VisaNeeded with { Value = v[4] },
        RandomEffectSd = ps.RandomEffectSd with { Value = Math.Abs(v[5]) },
    };
}

/// <summary>
/// Calibration of the candidate effect on real outcomes (MATCHING.md): each applicant is ranked against the catalog
/// (their specialty only); their expected interviews are the sum of the shown p over the top N programs, N their
/// number of applications. <see cref="Fit"/> estimates a few candidate coefficients and the random effect's spread by
/// penalized maximum likelihood of the interview counts; <see cref="CrossValidate"/> judges them by k-fold.
/// </summary>
public static class Calibration
{
    /// <summary>One applicant made ready for fitting: the program part of each top-N logit (it does not move with the fitted coefficients).</summary>
    private sealed record Prepared(ApplicantOutcome Applicant, CandidateProfile Profile, ProfileFacts Facts, string Specialty, double[] ProgramLogits);

    public static CalibrationReport Evaluate(IReadOnlyList<ApplicantOutcome> applicants, Catalog catalog, ParameterSet parameters)
    {
        var prepared = Prepare(applicants, catalog, parameters);
        var yield = PooledYield(applicants);
        var rows = prepared.Select(a => Row(a, parameters, catalog, a.Applicant.Applications * yield)).ToList();
        return Report(rows, yield);
    }

    /// <summary>
    /// Fits the candidate coefficients of <see cref="FittedCoefficients"/> by penalized maximum likelihood: each
    /// applicant's interview count has the Poisson-binomial distribution of their top-N programs mixed over the random
    /// effect (Gauss–Hermite), and each coefficient has a normal penalty centred on the guide's value.
    /// </summary>
    public static ParameterSet Fit(IReadOnlyList<ApplicantOutcome> applicants, Catalog catalog, ParameterSet start)
    {
        var prepared = Prepare(applicants, catalog, start);
        return FitPrepared(prepared, catalog, start);
    }

    /// <summary>k-fold cross-validation: each fold predicted with coefficients (and the naive pooled yield) fitted on the other folds.</summary>
    public static CalibrationReport CrossValidate(IReadOnlyList<ApplicantOutcome> applicants, Catalog catalog, ParameterSet start, int folds = 5)
    {
        var prepared = Prepare(applicants, catalog, start);
        var rows = new CalibrationRow[prepared.Count];
        for (var f = 0; f < folds; f++)
        {
            var train = prepared.Where((_, i) => i % folds != f).ToList();
            if (train.Count == 0) continue;
            var fitted = FitPrepared(train, catalog, start);
            var yield = PooledYield(train.Select(t => t.Applicant).ToList());
            for (var i = f; i < prepared.Count; i += folds)
                rows[i] = Row(prepared[i], fitted, catalog, prepared[i].Applicant.Applications * yield);
        }
        return Report([.. rows], 0);
    }

    /// <summary>Leave-one-out is k-fold with one applicant per fold.</summary>
    public static LeaveOneOutReport LeaveOneOut(IReadOnlyList<ApplicantOutcome> applicants, Catalog catalog, ParameterSet parameters)
    {
        var r = CrossValidate(applicants, catalog, parameters, applicants.Count);
        return new LeaveOneOutReport(r.N, r.Spearman, r.Mae, r.MeanSignedError, r.NaiveMae);
    }

    public static double PooledYield(IReadOnlyList<ApplicantOutcome> applicants)
    {
        var applications = applicants.Sum(a => a.Applications);
        return applications == 0 ? 0 : (double)applicants.Sum(a => a.Interviews) / applications;
    }

    /// <summary>Expected interviews by decile of expected (deciles of the rows as ordered by expected): the calibration plot's points.</summary>
    public static IReadOnlyList<(double Expected, double Observed, int Count)> Deciles(IReadOnlyList<CalibrationRow> rows, int groups = 10)
    {
        var ordered = rows.OrderBy(r => r.Expected).ToList();
        var result = new List<(double, double, int)>();
        for (var g = 0; g < groups; g++)
        {
            var from = g * ordered.Count / groups;
            var to = (g + 1) * ordered.Count / groups;
            if (to <= from) continue;
            var slice = ordered.GetRange(from, to - from);
            result.Add((slice.Average(r => r.Expected), slice.Average(r => (double)r.Actual), slice.Count));
        }
        return result;
    }

    private static List<Prepared> Prepare(IReadOnlyList<ApplicantOutcome> applicants, Catalog catalog, ParameterSet parameters)
    {
        var bySpecialty = new Dictionary<string, Catalog>(StringComparer.Ordinal);
        var result = new List<Prepared>(applicants.Count);
        foreach (var a in applicants)
        {
            var profile = a.ToProfile();
            var key = profile.TargetSpecialties[0];
            if (!bySpecialty.TryGetValue(key, out var restricted))
            {
                var code = Specialties.ByKey(key)!.Code;
                restricted = new Catalog([.. catalog.Programs.Where(p => p.SpecialtyCode == code)]);
                bySpecialty[key] = restricted;
            }
            var scored = MatchingEngine.Score(profile, restricted, new RankOptions(Parameters: parameters), parameters, collectExcluded: false, effectsCatalog: catalog);
            var n = Math.Min(a.Applications, scored.Logits.Length);
            var model = new InterviewModel(parameters, profile, scored.Facts, ProgramEffects.For(catalog, parameters));
            var candidate = model.CandidateEffect(key);
            var logits = new double[n];
            for (var i = 0; i < n; i++) logits[i] = scored.Logits[i] - candidate;
            result.Add(new Prepared(a, profile, scored.Facts, key, logits));
        }
        return result;
    }

    private static double CandidateEffect(Prepared a, ParameterSet ps, Catalog catalog) =>
        new InterviewModel(ps, a.Profile, a.Facts, ProgramEffects.For(catalog, ps)).CandidateEffect(a.Specialty);

    private static CalibrationRow Row(Prepared a, ParameterSet ps, Catalog catalog, double naive)
    {
        var c = CandidateEffect(a, ps, catalog);
        double expected = 0;
        foreach (var z in a.ProgramLogits) expected += ListOptimizer.MarginalP(z + c, ps.RandomEffectSd.Value);
        return new CalibrationRow(a.Applicant.Row, a.Applicant.Applications, a.Applicant.Interviews, expected, naive);
    }

    private static ParameterSet FitPrepared(IReadOnlyList<Prepared> prepared, Catalog catalog, ParameterSet start)
    {
        var priors = FittedCoefficients.Priors;
        var effects = ProgramEffects.For(catalog, start);
        double Objective(Vector<double> v)
        {
            var ps = FittedCoefficients.With(start, [.. v]);
            double nll = 0;
            foreach (var a in prepared)
            {
                var c = new InterviewModel(ps, a.Profile, a.Facts, effects).CandidateEffect(a.Specialty);
                nll -= Math.Log(Math.Max(1e-300, CountProbability(a.ProgramLogits, c, ps.RandomEffectSd.Value, a.Applicant.Interviews)));
            }
            for (var k = 0; k < priors.Count; k++)
            {
                var d = (v[k] - priors[k].PriorMean) / priors[k].PriorSd;
                nll += 0.5 * d * d;
            }
            return nll;
        }
        // Start from the penalty's centres (not from the given set), and restart the simplex until it stops improving,
        // so the fit does not depend on where a previous fit ended.
        var point = Vector<double>.Build.DenseOfArray([.. priors.Select(p => p.PriorMean)]);
        var best = double.PositiveInfinity;
        for (var restart = 0; restart < 8; restart++)
        {
            var result = NelderMeadSimplex.Minimum(ObjectiveFunction.Value(Objective), point, 1e-10, 6000);
            point = result.MinimizingPoint;
            var value = result.FunctionInfoAtMinimum.Value;
            if (best - value < 1e-6) { best = Math.Min(best, value); break; }
            best = value;
        }
        var fitted = point.Select(x => Math.Round(x, 3)).ToArray();
        return FittedCoefficients.With(start, fitted);
    }

    /// <summary>P(K = k) over the programs, mixed over the random effect.</summary>
    private static double CountProbability(double[] programLogits, double candidate, double sd, int k)
    {
        var nodes = GaussHermite.Nodes;
        var weights = GaussHermite.Weights;
        var cap = Math.Min(k + 1, ListOptimizer.MaxInterviews);
        Span<double> d = stackalloc double[cap + 1];
        double total = 0;
        for (var j = 0; j < nodes.Length; j++)
        {
            d.Clear();
            d[0] = 1;
            foreach (var z in programLogits)
            {
                var p = ListOptimizer.Sigmoid(z + candidate + sd * nodes[j]);
                var q = 1 - p;
                d[cap] += p * d[cap - 1];
                for (var m = cap - 1; m >= 1; m--) d[m] = d[m] * q + d[m - 1] * p;
                d[0] *= q;
            }
            total += weights[j] * d[Math.Min(k, cap)];
        }
        return total;
    }

    private static CalibrationReport Report(List<CalibrationRow> rows, double yield)
    {
        var n = rows.Count;
        if (n == 0) return new CalibrationReport(0, 0, 0, 0, 0, yield, rows);
        return new CalibrationReport(
            n,
            Spearman(rows.Select(r => r.Expected).ToArray(), rows.Select(r => (double)r.Actual).ToArray()),
            rows.Average(r => Math.Abs(r.Expected - r.Actual)),
            rows.Average(r => r.Expected - r.Actual),
            rows.Average(r => Math.Abs(r.Naive - r.Actual)),
            yield,
            rows);
    }

    /// <summary>Spearman's rank correlation: Pearson correlation of the ranks, ties given their average rank.</summary>
    public static double Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var rx = Ranks(x);
        var ry = Ranks(y);
        var mx = rx.Average();
        var my = ry.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < rx.Length; i++)
        {
            sxy += (rx[i] - mx) * (ry[i] - my);
            sxx += (rx[i] - mx) * (rx[i] - mx);
            syy += (ry[i] - my) * (ry[i] - my);
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.Sqrt(sxx * syy);
    }

    private static double[] Ranks(IReadOnlyList<double> values)
    {
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            while (j + 1 < order.Length && values[order[j + 1]] == values[order[i]]) j++;
            var average = (i + j) / 2.0 + 1;
            for (var k = i; k <= j; k++) ranks[order[k]] = average;
            i = j + 1;
        }
        return ranks;
    }
}
