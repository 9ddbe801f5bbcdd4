using SmartPick.Matching.Model;
using SmartPick.Matching.Parameters;

namespace SmartPick.Matching.Stages;

/// <summary>
/// Stage 3: the number of interviews over a list is Poisson-binomial in the programs' p; its distribution is
/// computed exactly by dynamic programming, with every outcome of <see cref="MaxInterviews"/> or more lumped
/// into the last cell (m(40) differs from 1 by 10⁻⁴, so the truncation changes P(match) by less than that).
/// P(match | list) = Σₖ P(K = k)·m(k), m(k) = 1 − e^(−k/scale).
/// </summary>
public static class ListOptimizer
{
    public const int MaxInterviews = 40;
    public const int CurveStep = 10;

    /// <summary>The curve, the recommended N and P(match) at it.</summary>
    public sealed record Plan(IReadOnlyList<CurvePoint> Curve, int RecommendedApplications, double PMatchAtRecommended);

    public static double MatchGivenInterviews(int k, double scale) => k <= 0 ? 0 : 1 - Math.Exp(-k / scale);

    /// <summary>
    /// Adds programs in the given order (best p first) and records P(match) at N = 10, 20, … and at the last N.
    /// The recommended N is the first curve point that reaches the "enough" P(match), or after which the next
    /// 10 applications add less than the early-stop threshold; the whole list when neither happens.
    /// </summary>
    public static Plan Optimize(ReadOnlySpan<double> orderedP, int budget, ParameterSet parameters)
    {
        var n = Math.Min(budget, orderedP.Length);
        var scale = parameters.MatchCurveScale.Value;
        Span<double> m = stackalloc double[MaxInterviews + 1];
        for (var k = 0; k <= MaxInterviews; k++) m[k] = MatchGivenInterviews(k, scale);

        Span<double> dist = stackalloc double[MaxInterviews + 1];
        dist.Clear();
        dist[0] = 1;
        var top = 0; // highest k with non-zero mass so far
        var curve = new List<CurvePoint>(n / CurveStep + 2);
        for (var i = 0; i < n; i++)
        {
            var p = orderedP[i];
            var q = 1 - p;
            if (top < MaxInterviews) top++;
            // The last cell absorbs "at least MaxInterviews": mass already there stays whatever happens.
            dist[MaxInterviews] += p * dist[MaxInterviews - 1];
            for (var k = MaxInterviews - 1; k >= 1; k--) dist[k] = dist[k] * q + dist[k - 1] * p;
            dist[0] *= q;
            var count = i + 1;
            if (count % CurveStep == 0 || count == n)
            {
                double pm = 0;
                for (var k = 1; k <= top; k++) pm += dist[k] * m[k];
                curve.Add(new CurvePoint(count, pm));
            }
        }
        if (curve.Count == 0) return new Plan(curve, 0, 0);

        var threshold = parameters.EarlyStopGainPer10.Value;
        var enough = parameters.EnoughPMatch.Value;
        var chosen = curve[^1];
        for (var i = 0; i < curve.Count - 1; i++)
        {
            if (curve[i].PMatch >= enough) { chosen = curve[i]; break; }
            var next = curve[i + 1];
            // Gain per 10 applications, so a short last step is judged fairly.
            var gainPer10 = (next.PMatch - curve[i].PMatch) * CurveStep / (next.N - curve[i].N);
            if (gainPer10 < threshold) { chosen = curve[i]; break; }
        }
        return new Plan(curve, chosen.N, chosen.PMatch);
    }

    public static Tier TierOf(double p, ParameterSet parameters) =>
        p >= parameters.TierLikelyAtLeast.Value ? Tier.Likely
        : p >= parameters.TierTargetAtLeast.Value ? Tier.Target
        : Tier.Reach;
}
