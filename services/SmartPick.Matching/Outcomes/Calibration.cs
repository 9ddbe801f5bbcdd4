using SmartPick.Matching.Model;
using SmartPick.Matching.Parameters;

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
    IReadOnlyList<CalibrationRow> Rows);

/// <summary>Leave-one-out figures: each applicant predicted with the intercept (and pooled yield) fitted on the others.</summary>
public sealed record LeaveOneOutReport(int N, double Spearman, double Mae, double MeanSignedError, double NaiveMae);

/// <summary>
/// The calibration procedure of MATCHING.md: rank each applicant against the catalog (their specialty only),
/// take the top N programs where N is their number of applications, and sum p over them as the expected
/// number of interviews.
/// </summary>
public static class Calibration
{
    public static CalibrationReport Evaluate(IReadOnlyList<ApplicantOutcome> applicants, Catalog catalog, ParameterSet parameters)
    {
        var tops = TopLogits(applicants, catalog, parameters);
        var yield = PooledYield(applicants);
        var rows = new List<CalibrationRow>(applicants.Count);
        for (var i = 0; i < applicants.Count; i++)
        {
            var a = applicants[i];
            rows.Add(new CalibrationRow(a.Row, a.Applications, a.Interviews, Expected(tops[i], 0), a.Applications * yield));
        }
        return Report(rows, yield);
    }

    /// <summary>
    /// The intercept that makes total expected interviews equal total actual ones ("calibration in the large"),
    /// found by bisection; every other coefficient is left as it is.
    /// </summary>
    public static ParameterSet FitIntercept(IReadOnlyList<ApplicantOutcome> applicants, Catalog catalog, ParameterSet parameters)
    {
        var tops = TopLogits(applicants, catalog, parameters);
        var shift = FitShift(tops, applicants.Sum(a => a.Interviews));
        return parameters with { Intercept = parameters.Intercept with { Value = Math.Round(parameters.Intercept.Value + shift, 2) } };
    }

    /// <summary>Each applicant predicted with the intercept and the naive pooled yield fitted on the other applicants only.</summary>
    public static LeaveOneOutReport LeaveOneOut(IReadOnlyList<ApplicantOutcome> applicants, Catalog catalog, ParameterSet parameters)
    {
        var tops = TopLogits(applicants, catalog, parameters);
        var totalInterviews = applicants.Sum(a => a.Interviews);
        var totalApplications = applicants.Sum(a => a.Applications);
        var rows = new List<CalibrationRow>(applicants.Count);
        for (var i = 0; i < applicants.Count; i++)
        {
            var others = tops.Where((_, j) => j != i).ToList();
            var shift = FitShift(others, totalInterviews - applicants[i].Interviews);
            var yield = (double)(totalInterviews - applicants[i].Interviews) / (totalApplications - applicants[i].Applications);
            var a = applicants[i];
            rows.Add(new CalibrationRow(a.Row, a.Applications, a.Interviews, Expected(tops[i], shift), a.Applications * yield));
        }
        var report = Report(rows, 0);
        return new LeaveOneOutReport(report.N, report.Spearman, report.Mae, report.MeanSignedError, report.NaiveMae);
    }

    public static double PooledYield(IReadOnlyList<ApplicantOutcome> applicants)
    {
        var applications = applicants.Sum(a => a.Applications);
        return applications == 0 ? 0 : (double)applicants.Sum(a => a.Interviews) / applications;
    }

    /// <summary>Logits of each applicant's top-N programs; shifting the intercept shifts them all and keeps their order.</summary>
    private static List<double[]> TopLogits(IReadOnlyList<ApplicantOutcome> applicants, Catalog catalog, ParameterSet parameters)
    {
        var bySpecialty = new Dictionary<string, Catalog>(StringComparer.Ordinal);
        var result = new List<double[]>(applicants.Count);
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
            var scored = MatchingEngine.Score(profile, restricted, new RankOptions(Parameters: parameters), parameters, collectExcluded: false);
            var n = Math.Min(a.Applications, scored.P.Length);
            var logits = new double[n];
            for (var i = 0; i < n; i++)
            {
                var p = Math.Clamp(scored.P[i], 1e-12, 1 - 1e-12);
                logits[i] = Math.Log(p / (1 - p));
            }
            result.Add(logits);
        }
        return result;
    }

    private static double Expected(double[] logits, double shift)
    {
        double sum = 0;
        foreach (var z in logits) sum += 1.0 / (1.0 + Math.Exp(-(z + shift)));
        return sum;
    }

    private static double FitShift(IReadOnlyList<double[]> tops, double target)
    {
        double lo = -10, hi = 10;
        for (var iteration = 0; iteration < 60; iteration++)
        {
            var mid = (lo + hi) / 2;
            var total = tops.Sum(t => Expected(t, mid));
            if (total < target) lo = mid; else hi = mid;
        }
        return (lo + hi) / 2;
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
