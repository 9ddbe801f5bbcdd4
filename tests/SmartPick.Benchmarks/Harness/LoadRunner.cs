using System.Diagnostics;
using System.Globalization;

namespace SmartPick.Benchmarks.Harness;

/// <summary>Latency percentiles of one measured series, in milliseconds (nearest rank).</summary>
public sealed record LatencySummary(int Count, double P50, double P95, double P99, double Max, double Mean)
{
    public static LatencySummary Of(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        if (sorted.Length == 0) return new LatencySummary(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        double At(double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new LatencySummary(sorted.Length, At(0.50), At(0.95), At(0.99), sorted[^1], sorted.Average());
    }

    public string Cells() => string.Create(CultureInfo.InvariantCulture, $"{P50:F1} | {P95:F1} | {P99:F1} | {Max:F1}");
}

/// <summary>What one phase measured: completed operations, their latencies and statuses.</summary>
public sealed record PhaseResult(string Name, int Clients, TimeSpan Duration, LatencySummary Latency, IReadOnlyDictionary<int, int> Statuses, CpuUse? Cpu)
{
    public double PerSecond => Latency.Count / Duration.TotalSeconds;

    /// <summary>Answers that are the product refusing a concurrent change on purpose (409, 412), not failures.</summary>
    public int Conflicts => Statuses.Where(s => s.Key is 409 or 412).Sum(s => s.Value);

    /// <summary>Everything that is neither a success nor a concurrency refusal (0 = no answer: a timeout or a broken connection).</summary>
    public int Failures => Statuses.Where(s => s.Key is < 200 or >= 300 && s.Key is not (409 or 412)).Sum(s => s.Value);

    public string StatusText() => string.Join(", ", Statuses.OrderBy(s => s.Key).Select(s => $"{(s.Key == 0 ? "no answer" : s.Key)}: {s.Value}"));
}

/// <summary>
/// Runs a closed loop: <c>clients</c> workers each send one operation, wait for its answer, and send the next,
/// until the duration is over. Every answered operation is timed; throughput is completions per second.
/// </summary>
public static class LoadRunner
{
    /// <summary>The operation runs once for (worker, its turn number) and returns the HTTP status (0 for none).</summary>
    public static async Task<PhaseResult> RunAsync(string name, int clients, TimeSpan duration, Func<int, long, CancellationToken, Task<int>> operation,
        int? hostPid = null)
    {
        var latencies = new List<double>[clients];
        var statuses = new Dictionary<int, int>[clients];
        var meter = hostPid is { } pid ? CpuMeter.Start(pid) : null;
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(duration);
        var workers = Enumerable.Range(0, clients).Select(worker => Task.Run(async () =>
        {
            var mine = latencies[worker] = new List<double>(4096);
            var codes = statuses[worker] = [];
            for (long turn = 0; !stop.IsCancellationRequested; turn++)
            {
                var started = Stopwatch.GetTimestamp();
                int status;
                try
                {
                    status = await operation(worker, turn, CancellationToken.None);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or Npgsql.NpgsqlException)
                {
                    status = 0;
                }
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                codes[status] = codes.GetValueOrDefault(status) + 1;
            }
        })).ToArray();
        await Task.WhenAll(workers);
        var elapsed = clock.Elapsed;
        var cpu = meter?.Stop();

        var merged = new Dictionary<int, int>();
        foreach (var (code, count) in statuses.SelectMany(s => s)) merged[code] = merged.GetValueOrDefault(code) + count;
        return new PhaseResult(name, clients, elapsed, LatencySummary.Of(latencies.SelectMany(l => l)), merged, cpu);
    }
}
