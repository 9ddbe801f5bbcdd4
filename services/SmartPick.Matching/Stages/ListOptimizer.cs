using SmartPick.Matching.Model;
using SmartPick.Matching.Parameters;

namespace SmartPick.Matching.Stages;

/// <summary>
/// Stage 3. Given the candidate's unobserved strength ε, the number of interviews K over a list is
/// Poisson-binomial in pⱼ(ε) = σ(zⱼ + σ·ε); its distribution is computed exactly by dynamic programming for each
/// Gauss–Hermite node of ε and the nodes are mixed by their weights, so K has the spread real applicants show.
/// Every outcome of <see cref="MaxInterviews"/> or more is lumped into the last cell.
/// P(match | list) = Σₖ P(K = k)·m(k) with the specialty's m(k).
/// </summary>
public static class ListOptimizer
{
    public const int MaxInterviews = 40;
    public const int CurveStep = 10;
    /// <summary>Below this gain per 10 applications (0.01 point) more applications are not worth their fees whatever P(match) is.</summary>
    public const double NegligibleGainPer10 = 1e-4;

    /// <summary>The curve, the recommended N and P(match) at it.</summary>
    public sealed record Plan(IReadOnlyList<CurvePoint> Curve, int RecommendedApplications, double PMatchAtRecommended);

    /// <summary>
    /// Adds programs in the given order (best first; <paramref name="orderedLogits"/> are their logits without the
    /// random effect) and records P(match) at N = 10, 20, … and at the last N. The recommended N follows the rule
    /// in <see cref="Recommend"/>.
    /// </summary>
    public static Plan Optimize(ReadOnlySpan<double> orderedLogits, int budget, ParameterSet parameters, MatchCurve curve)
    {
        var n = Math.Min(budget, orderedLogits.Length);
        var points = new List<CurvePoint>(n / CurveStep + 2);
        if (n == 0) return new Plan(points, 0, 0);
        Span<double> m = stackalloc double[MaxInterviews + 1];
        for (var k = 0; k <= MaxInterviews; k++) m[k] = curve.At(k);

        var sd = parameters.RandomEffectSd.Value;
        var nodes = GaussHermite.Nodes;
        var weights = GaussHermite.Weights;
        var q = nodes.Length;
        Span<double> dist = stackalloc double[q * (MaxInterviews + 1)];
        dist.Clear();
        for (var j = 0; j < q; j++) dist[j * (MaxInterviews + 1)] = 1;
        var top = 0;
        for (var i = 0; i < n; i++)
        {
            if (top < MaxInterviews) top++;
            for (var j = 0; j < q; j++)
                AddProgram(dist.Slice(j * (MaxInterviews + 1), MaxInterviews + 1), Sigmoid(orderedLogits[i] + sd * nodes[j]), top);
            var count = i + 1;
            if (count % CurveStep == 0 || count == n)
            {
                double pm = 0;
                for (var j = 0; j < q; j++)
                {
                    var d = dist.Slice(j * (MaxInterviews + 1), MaxInterviews + 1);
                    double s = 0;
                    for (var k = 1; k <= top; k++) s += d[k] * m[k];
                    pm += weights[j] * s;
                }
                points.Add(new CurvePoint(count, Math.Clamp(pm, 0, 1)));
            }
        }
        var chosen = Recommend(points, parameters);
        return new Plan(points, chosen.N, chosen.PMatch);
    }

    /// <summary>
    /// The rule for the recommended number of applications: the first curve point where P(match) reaches
    /// <see cref="ParameterSet.EnoughPMatch"/>, or where the next 10 applications would raise P(match) by less than
    /// <see cref="ParameterSet.RelativeGainPer10"/> of its value (or by less than 0.01 point); else the whole list.
    /// A weak profile's curve climbs nearly in proportion to N, so its relative gain stays high and it applies
    /// broadly; a strong profile's curve flattens and it stops there.
    /// </summary>
    public static CurvePoint Recommend(IReadOnlyList<CurvePoint> curve, ParameterSet parameters)
    {
        var relative = parameters.RelativeGainPer10.Value;
        var enough = parameters.EnoughPMatch.Value;
        for (var i = 0; i < curve.Count - 1; i++)
        {
            var here = curve[i];
            if (here.PMatch >= enough) return here;
            var next = curve[i + 1];
            var gainPer10 = (next.PMatch - here.PMatch) * CurveStep / (next.N - here.N);
            if (gainPer10 < NegligibleGainPer10 || gainPer10 < relative * here.PMatch) return here;
        }
        return curve[^1];
    }

    /// <summary>The distribution of K over the first <paramref name="n"/> programs, the random effect integrated out.</summary>
    public static double[] InterviewDistribution(ReadOnlySpan<double> orderedLogits, int n, double sd)
    {
        n = Math.Min(n, orderedLogits.Length);
        var mixed = new double[MaxInterviews + 1];
        Span<double> d = stackalloc double[MaxInterviews + 1];
        var nodes = GaussHermite.Nodes;
        var weights = GaussHermite.Weights;
        for (var j = 0; j < nodes.Length; j++)
        {
            d.Clear();
            d[0] = 1;
            var top = 0;
            for (var i = 0; i < n; i++)
            {
                if (top < MaxInterviews) top++;
                AddProgram(d, Sigmoid(orderedLogits[i] + sd * nodes[j]), top);
            }
            for (var k = 0; k <= MaxInterviews; k++) mixed[k] += weights[j] * d[k];
        }
        return mixed;
    }

    /// <summary>Expected interviews over the first <paramref name="n"/> programs, the random effect integrated out.</summary>
    public static double ExpectedInterviews(ReadOnlySpan<double> orderedLogits, int n, double sd)
    {
        n = Math.Min(n, orderedLogits.Length);
        double sum = 0;
        for (var i = 0; i < n; i++) sum += MarginalP(orderedLogits[i], sd);
        return sum;
    }

    /// <summary>p = E[σ(z + σ·ε)] over the shared random effect: the interview chance shown for a program.</summary>
    public static double MarginalP(double logit, double sd)
    {
        if (sd == 0) return Sigmoid(logit);
        var nodes = GaussHermite.Nodes;
        var weights = GaussHermite.Weights;
        double p = 0;
        for (var j = 0; j < nodes.Length; j++) p += weights[j] * Sigmoid(logit + sd * nodes[j]);
        return p;
    }

    public static double Sigmoid(double z) => 1.0 / (1.0 + Math.Exp(-z));

    /// <summary>One more program with interview chance p: the last cell keeps "at least MaxInterviews".</summary>
    internal static void AddProgram(Span<double> dist, double p, int top)
    {
        var q = 1 - p;
        dist[MaxInterviews] += p * dist[MaxInterviews - 1];
        for (var k = Math.Min(top, MaxInterviews - 1); k >= 1; k--) dist[k] = dist[k] * q + dist[k - 1] * p;
        dist[0] *= q;
    }

    public static Tier TierOf(double p, ParameterSet parameters) =>
        p >= parameters.TierLikelyAtLeast.Value ? Tier.Likely
        : p >= parameters.TierTargetAtLeast.Value ? Tier.Target
        : Tier.Reach;
}
