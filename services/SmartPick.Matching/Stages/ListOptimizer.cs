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
internal static class ListOptimizer
{
    public const int MaxInterviews = 40;
    public const int CurveStep = 10;
    /// <summary>Below this gain per 10 applications (0.01 point) more applications are not worth their fees whatever P(match) is.</summary>
    public const double NegligibleGainPer10 = 1e-4;
    /// <summary>Probability mass too small to carry into a new cell of K's distribution.</summary>
    private const double NegligibleMass = 1e-15;

    /// <summary>The curve, the recommended N and P(match) at it.</summary>
    public sealed record Plan(IReadOnlyList<CurvePoint> Curve, int RecommendedApplications, double PMatchAtRecommended);

    /// <summary>
    /// Adds programs in the given order (best first; <paramref name="orderedLogits"/> are their logits without the
    /// random effect) and records P(match) at N = 10, 20, … and at the last N. The recommended N follows the rule
    /// in <see cref="Recommend"/>.
    /// </summary>
    public static Plan Optimize(ReadOnlySpan<double> orderedLogits, int budget, ParameterSet parameters, MatchCurve curve) =>
        Optimize(orderedLogits, budget, parameters, curve, null);

    /// <summary>
    /// <see cref="Optimize(ReadOnlySpan{double}, int, ParameterSet, MatchCurve)"/>, and for each curve point the value of
    /// one more interview at each Gauss–Hermite node, Σₖ P(K = k | node)·(m(k + 1) − m(k)), when <paramref name="values"/>
    /// is given: a program's value to the list is then Σ_nodes w·Δp(node)·g(node), to first order (the strategy weighs
    /// signals and regions with it).
    /// </summary>
    internal static Plan Optimize(ReadOnlySpan<double> orderedLogits, int budget, ParameterSet parameters, MatchCurve curve, List<double[]>? values)
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
        Span<double> factors = stackalloc double[q];
        NodeFactors(sd, factors);
        // Each node's highest cell with mass: a weak profile's K rarely passes a handful, so the DP stays short.
        Span<int> tops = stackalloc int[q];
        tops.Clear();
        var top = 0;
        for (var i = 0; i < n; i++)
        {
            // σ(z + σ·x) = 1 / (1 + e^(−z)·e^(−σ·x)): one exponential per program instead of one per node.
            var e = Math.Exp(-orderedLogits[i]);
            for (var j = 0; j < q; j++)
            {
                var d = dist.Slice(j * (MaxInterviews + 1), MaxInterviews + 1);
                var p = 1.0 / (1.0 + e * factors[j]);
                // A new cell opens only when the mass it would receive matters (the rest, below 1e-15 a step, is dropped).
                if (tops[j] < MaxInterviews && d[tops[j]] * p > NegligibleMass) tops[j]++;
                AddProgram(d, p, tops[j]);
                if (tops[j] > top) top = tops[j];
            }
            var count = i + 1;
            if (count % CurveStep == 0 || count == n)
            {
                double pm = 0;
                var g = values is null ? null : new double[q];
                for (var j = 0; j < q; j++)
                {
                    var d = dist.Slice(j * (MaxInterviews + 1), MaxInterviews + 1);
                    double s = 0;
                    for (var k = 1; k <= top; k++) s += d[k] * m[k];
                    pm += weights[j] * s;
                    if (g is not null)
                    {
                        double v = 0;
                        for (var k = 0; k <= top; k++) v += d[k] * (m[Math.Min(k + 1, MaxInterviews)] - m[k]);
                        g[j] = v;
                    }
                }
                points.Add(new CurvePoint(count, Math.Clamp(pm, 0, 1)));
                values?.Add(g!);
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
            var factor = Math.Exp(-sd * nodes[j]);
            for (var i = 0; i < n; i++)
            {
                if (top < MaxInterviews) top++;
                AddProgram(d, 1.0 / (1.0 + Math.Exp(-orderedLogits[i]) * factor), top);
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
        var weights = GaussHermite.Weights;
        Span<double> factors = stackalloc double[weights.Length];
        NodeFactors(sd, factors);
        var e = Math.Exp(-logit);
        double p = 0;
        for (var j = 0; j < weights.Length; j++) p += weights[j] / (1.0 + e * factors[j]);
        return p;
    }

    /// <summary>e^(−σ·x) for each Gauss–Hermite node x: σ(z + σ·x) = 1 / (1 + e^(−z)·factor).</summary>
    internal static void NodeFactors(double sd, Span<double> factors)
    {
        if (sd == LastSd && LastFactors is { } cached) { cached.CopyTo(factors); return; }
        var nodes = GaussHermite.Nodes;
        var computed = new double[nodes.Length];
        for (var j = 0; j < nodes.Length; j++) computed[j] = Math.Exp(-sd * nodes[j]);
        computed.CopyTo(factors);
        (LastSd, LastFactors) = (sd, computed);
    }

    // The last σ's factors: nearly every call uses the one parameter set's σ. A race only recomputes them.
    [ThreadStatic] private static double LastSd;
    [ThreadStatic] private static double[]? LastFactors;

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
