using System.Diagnostics;
using System.Globalization;
using System.Text;
using JasperFx.Events.Projections;
using Marten;
using Npgsql;
using SmartPick.Advising.CandidateFiles;
using SmartPick.Benchmarks.Harness;

namespace SmartPick.Benchmarks.Rebuild;

/// <summary>
/// <c>rebuild</c>: fills a database of its own with candidate-file events through Marten (the host's real store,
/// inline projections and all), then rebuilds every projection the host registers, one after the other, beside
/// a plain sequential read of all of <c>mt_events</c> with Npgsql.
/// Options: --events 1000000 --organizations 4 --writers 2 --database smartpick_rebuild --only Name,Name --parallel 1;
/// --reuse keeps a database filled by an earlier run and only measures; --parallel N rebuilds up to N projections at once.
/// </summary>
public static class RebuildCommand
{
    public static async Task<int> RunAsync(HarnessOptions options)
    {
        var target = options.Int("events", 1_000_000);
        var organizations = options.Int("organizations", 4);
        var writers = Math.Max(1, options.Int("writers", 2));
        var database = options.Text("database", "smartpick_rebuild");
        var reuse = options.Flag("reuse");
        // --only Name,Name rebuilds just those projections (for instance after changing one of them, with --reuse).
        var only = options.Text("only", "") is { Length: > 0 } list ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : null;
        // Marten's opt-in for faster rebuilds (a store setting the host does not set): compare with and without.
        var optimized = options.Flag("optimized-rebuilds");
        // --parallel N: up to N rebuilds at a time on the one daemon (each projection still rebuilds on its own).
        var parallel = Math.Max(1, options.Int("parallel", 1));
        var cs = options.ConnectionTo(database);
        options.RejectUnknown();

        var loadBefore = MachineFacts.LoadAverage();
        Progress($"load average before: {loadBefore}");
        if (!reuse) await BenchDatabase.RecreateAsync(cs);

        await using var host = await InProcessHost.StartAsync(cs, withoutDaemon: true,
            marten: optimized ? o => o.Events.UseOptimizedProjectionRebuilds = true : null);
        var store = host.Store;
        var fill = TimeSpan.Zero;
        if (!reuse)
        {
            var advisors = await host.ProvisionAsync("rebuild", organizations);
            Progress($"filling {target:N0} events over {organizations} organizations with {writers} writers");
            var clock = Stopwatch.StartNew();
            await FillAsync(store, advisors.Select(a => a.Organization).ToArray(), target, writers);
            fill = clock.Elapsed;
        }

        var events = await BenchDatabase.ScalarAsync(cs, "select count(*) from smartpick.mt_events");
        var streams = await BenchDatabase.ScalarAsync(cs, "select count(*) from smartpick.mt_streams");
        var size = await BenchDatabase.ScalarAsync(cs, "select pg_total_relation_size('smartpick.mt_events')");
        Progress($"{events:N0} events in {streams:N0} streams, mt_events {size / 1024 / 1024:N0} MB; reading them all (baseline)");

        var (baseline, bytes) = await ReadAllEventsAsync(cs);
        Progress($"baseline read {baseline.TotalSeconds:F1} s");

        // A live projection stores nothing (each read aggregates the file's events), so there is nothing to rebuild;
        // asked to, the daemon would write its documents anyway, work the product never does.
        var all = ((StoreOptions)store.Options).Projections.All;
        foreach (var live in all.Where(p => p.Lifecycle == ProjectionLifecycle.Live))
            Progress($"{live.Name} is live (aggregated when read, not stored): nothing to rebuild");
        var projections = all.Where(p => p.Lifecycle != ProjectionLifecycle.Live).Select(p => (Name: p.Name, Lifecycle: p.Lifecycle))
            .Where(p => only is null || only.Contains(p.Name, StringComparer.OrdinalIgnoreCase)).ToList();
        var timings = new List<(string Name, ProjectionLifecycle Lifecycle, TimeSpan Time)>();
        var cpu = CpuMeter.Start(Environment.ProcessId);
        var total = Stopwatch.StartNew();
        using (var daemon = await store.BuildProjectionDaemonAsync())
        {
            await Parallel.ForEachAsync(projections, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (p, ct) =>
            {
                Progress($"rebuilding {p.Name} ({p.Lifecycle})");
                var clock = Stopwatch.StartNew();
                await daemon.RebuildProjectionAsync(p.Name, TimeSpan.FromMinutes(60), ct);
                lock (timings) timings.Add((p.Name, p.Lifecycle, clock.Elapsed));
                Progress($"  {p.Name}: {clock.Elapsed.TotalSeconds:F1} s");
            });
        }
        var rebuild = total.Elapsed;
        // The rebuild runs in this process: count its CPU once, as Marten's.
        var rebuildCpu = cpu.Stop() with { Harness = 0 };
        var settings = $"UseOptimizedProjectionRebuilds = {store.Options.Events.UseOptimizedProjectionRebuilds}";

        var loadAfter = MachineFacts.LoadAverage();
        var version = await PostgresVersionAsync(cs);
        Console.WriteLine(Report(events, streams, size, fill, reuse, baseline, bytes, timings, rebuild, rebuildCpu, loadBefore, loadAfter, version, organizations, settings, parallel));
        return 0;
    }

    private static async Task FillAsync(IDocumentStore store, string[] tenants, int target, int writers)
    {
        var streams = new CandidateFileStreams();
        Progress($"stored lists hold {streams.AverageListedPrograms:F0} programs on average");
        var random = new Random(20261125);
        // Files are generated up front in batches of about 2,000 events; writers take batches in turn.
        var batches = new List<(string Tenant, List<(Guid Id, List<object> Events)> Files)>();
        var written = 0;
        var n = 0;
        var batch = new List<(Guid, List<object>)>();
        var batchEvents = 0;
        while (written < target)
        {
            var id = Guid.CreateVersion7();
            var events = streams.For(id, n, random);
            if (written + events.Count > target) events = events.Take(target - written).ToList();
            batch.Add((id, events));
            written += events.Count;
            batchEvents += events.Count;
            n++;
            if (batchEvents >= 2_000 || written >= target)
            {
                batches.Add((tenants[batches.Count % tenants.Length], batch));
                batch = [];
                batchEvents = 0;
            }
        }
        var done = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = writers }, async (b, ct) =>
        {
            await using var session = store.LightweightSession(b.Tenant);
            foreach (var (id, events) in b.Files) session.Events.StartStream<CandidateFile>(id, events);
            await session.SaveChangesAsync(ct);
            var count = Interlocked.Add(ref done, b.Files.Sum(f => f.Events.Count));
            if (count / 100_000 != (count - b.Files.Sum(f => f.Events.Count)) / 100_000)
                Progress($"  {count:N0} events appended ({count / clock.Elapsed.TotalSeconds:F0}/s)");
        });
    }

    /// <summary>The floor: every row and column of mt_events read once, in order, by one connection.</summary>
    private static async Task<(TimeSpan Time, long Bytes)> ReadAllEventsAsync(string cs)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        var clock = Stopwatch.StartNew();
        await using var cmd = new NpgsqlCommand("select seq_id, id, stream_id, version, data::text, type, timestamp, tenant_id, mt_dotnet_type from smartpick.mt_events order by seq_id", conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        long bytes = 0;
        while (await reader.ReadAsync())
        {
            bytes += reader.GetString(4).Length;
            for (var i = 0; i < reader.FieldCount; i++)
            {
                if (i != 4) _ = reader.GetValue(i);
            }
        }
        return (clock.Elapsed, bytes);
    }

    private static async Task<string> PostgresVersionAsync(string cs)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        return conn.PostgreSqlVersion.ToString();
    }

    private static string Report(long events, long streams, long size, TimeSpan fill, bool reused, TimeSpan baseline, long bytes,
        List<(string Name, ProjectionLifecycle Lifecycle, TimeSpan Time)> timings, TimeSpan total, CpuUse cpu,
        string loadBefore, string loadAfter, string postgres, int organizations, string settings, int parallel)
    {
        var inv = CultureInfo.InvariantCulture;
        var s = new StringBuilder();
        s.AppendLine();
        s.AppendLine(inv, $"Machine: {MachineFacts.Describe(postgres)}.");
        s.AppendLine(inv, $"Load average (1/5/15 min) before: {loadBefore}; after: {loadAfter}. Store setting: {settings}.");
        var filled = reused ? " (filled by an earlier run)." : string.Create(inv, $"; filled through Marten (inline projections applied) in {fill.TotalSeconds:F0} s ({events / fill.TotalSeconds:F0} events/s).");
        s.AppendLine(inv, $"Store: {events:N0} events in {streams:N0} streams over {organizations} organizations; mt_events {size / 1024.0 / 1024:N0} MB on disk, {bytes / 1024.0 / 1024:N0} MB of event JSON{filled}");
        s.AppendLine();
        s.AppendLine("| Step | Lifecycle | Time | Events/s |");
        s.AppendLine("|---|---|---:|---:|");
        s.AppendLine(inv, $"| Baseline: read every row of mt_events (Npgsql, one connection) | — | {baseline.TotalSeconds:F1} s | {events / baseline.TotalSeconds:N0} |");
        foreach (var (name, lifecycle, time) in timings)
        {
            s.AppendLine(inv, $"| Rebuild {name} | {lifecycle} | {time.TotalSeconds:F1} s | {events / time.TotalSeconds:N0} |");
        }
        var how = parallel == 1 ? "one after the other" : string.Create(inv, $"{parallel} at a time");
        s.AppendLine(inv, $"| **All projections, {how}** | | **{total.TotalSeconds:F1} s ({total.TotalMinutes:F1} min)** | {events / total.TotalSeconds:N0} |");
        s.AppendLine();
        s.AppendLine(inv, $"Events/s is the store's event count over the time (each rebuild reads the events of the types it handles). CPU during the rebuilds: {cpu.Describe().Replace("host", "this process (Marten)", StringComparison.Ordinal).Replace(", load generator 0.0 s (0 %)", "", StringComparison.Ordinal)}.");
        return s.ToString();
    }

    private static void Progress(string message) => Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");
}
