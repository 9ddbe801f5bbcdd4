namespace SmartPick.Matching.Stages;

/// <summary>
/// Gauss–Hermite quadrature for a standard normal variable: E[f(ε)] ≈ Σ wᵢ·f(xᵢ), exact for polynomials of degree
/// up to 2n − 1. The nodes are the roots of the Hermite polynomial found by Newton's method (Golub–Welsch would
/// need an eigen-solver for the same numbers), then scaled from the e^(−x²) weight to the normal density.
/// </summary>
internal static class GaussHermite
{
    /// <summary>Nodes used by the engine: 9 integrate the shared random effect to better than 10⁻⁴ in P(match).</summary>
    public const int EngineNodes = 9;

    private static readonly (double[] X, double[] W) Engine = Compute(EngineNodes);

    public static ReadOnlySpan<double> Nodes => Engine.X;
    public static ReadOnlySpan<double> Weights => Engine.W;

    /// <summary>Nodes and weights for E over N(0, 1), n nodes, nodes ascending.</summary>
    public static (double[] X, double[] W) Compute(int n)
    {
        var x = new double[n];
        var w = new double[n];
        var m = (n + 1) / 2;
        double z = 0;
        for (var i = 0; i < m; i++)
        {
            // Initial guesses of the largest roots first (Numerical Recipes, gauher).
            z = i switch
            {
                0 => Math.Sqrt(2 * n + 1) - 1.85575 * Math.Pow(2 * n + 1, -0.16667),
                1 => z - 1.14 * Math.Pow(n, 0.426) / z,
                2 => 1.86 * z - 0.86 * x[0],
                3 => 1.91 * z - 0.91 * x[1],
                _ => 2.0 * z - x[i - 2],
            };
            double pp = 0;
            for (var iteration = 0; iteration < 100; iteration++)
            {
                double p1 = Math.Pow(Math.PI, -0.25), p2 = 0;
                for (var j = 0; j < n; j++)
                {
                    var p3 = p2;
                    p2 = p1;
                    p1 = z * Math.Sqrt(2.0 / (j + 1)) * p2 - Math.Sqrt((double)j / (j + 1)) * p3;
                }
                pp = Math.Sqrt(2.0 * n) * p2;
                var z1 = z;
                z = z1 - p1 / pp;
                if (Math.Abs(z - z1) <= 1e-14) break;
            }
            x[i] = z;
            x[n - 1 - i] = -z;
            w[i] = 2.0 / (pp * pp);
            w[n - 1 - i] = w[i];
        }
        // From ∫e^(−x²) to the standard normal: x·√2, w/√π; ascending order.
        var xs = new double[n];
        var ws = new double[n];
        for (var i = 0; i < n; i++)
        {
            xs[i] = x[n - 1 - i] * Math.Sqrt(2);
            ws[i] = w[n - 1 - i] / Math.Sqrt(Math.PI);
        }
        return (xs, ws);
    }
}
