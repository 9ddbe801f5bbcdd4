using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Npgsql;
using SmartPick.Benchmarks.Harness;

namespace SmartPick.Benchmarks.Load;

/// <summary>
/// <c>load</c>: sustained HTTP load on candidate-file commands against the Release host in a child process,
/// beside a raw Npgsql insert baseline in the same database, same concurrency and duration.
/// Options: --organizations 4 --files 250 (per organization) --clients 16 --duration 60 --warmup 15 (seconds)
/// --database smartpick_bench.
/// </summary>
public static class LoadCommand
{
    public static async Task<int> RunAsync(HarnessOptions options)
    {
        var organizations = options.Int("organizations", 4);
        var filesPerOrganization = options.Int("files", 250);
        var clients = options.Int("clients", 16);
        var duration = TimeSpan.FromSeconds(options.Int("duration", 60));
        var warmup = TimeSpan.FromSeconds(options.Int("warmup", 15));
        var database = options.Text("database", "smartpick_bench");
        var cs = options.ConnectionTo(database);
        options.RejectUnknown();

        var loadBefore = MachineFacts.LoadAverage();
        Progress($"load average before: {loadBefore}; recreating database {database}");
        await BenchDatabase.RecreateAsync(cs);

        Progress("provisioning organizations and advisors through the in-process host");
        IReadOnlyList<BenchUser> advisors;
        await using (var provisioning = await InProcessHost.StartAsync(cs))
        {
            advisors = await provisioning.ProvisionAsync("bench", organizations);
        }

        await using var host = await HostProcess.StartAsync(cs);
        Progress($"host ready in {host.StartedIn.TotalSeconds:F1} s at {host.BaseUrl} (pid {host.ProcessId})");
        using var api = ApiClient.For(host.BaseUrl, clients * 2);
        var queue = new ListQueue(cs);
        await queue.CheckAsync();

        var tokens = new string[organizations];
        for (var o = 0; o < organizations; o++) tokens[o] = await api.TokenAsync(advisors[o]);

        Progress($"opening {organizations * filesPerOrganization} candidate files through the API");
        var files = await OpenFilesAsync(api, advisors, tokens, filesPerOrganization, clients);
        var seedDrain = await queue.DrainAsync(TimeSpan.FromMinutes(10));
        Progress($"first lists regenerated {seedDrain.TotalSeconds:F1} s after the last file was opened");

        // Warm-up: each route and handler compiles its code on first use; none of this is reported.
        Progress($"warm-up {warmup.TotalSeconds:F0} s per phase");
        await SimpleCommandsAsync(api, tokens, files, clients, warmup, null);
        await ProfileChangesAsync(api, tokens, files, clients, warmup, null);
        await queue.DrainAsync(TimeSpan.FromMinutes(10));
        await BaselineAsync(cs, clients, TimeSpan.FromSeconds(Math.Min(5, warmup.TotalSeconds)), null);

        Progress($"phase (a) simple commands: {clients} clients for {duration.TotalSeconds:F0} s");
        var simpleActivity = await DatabaseActivity.StartAsync(cs);
        var simple = await SimpleCommandsAsync(api, tokens, files, clients, duration, host.ProcessId);
        var simpleDb = await simpleActivity.PerOperationAsync(simple.Latency.Count);

        Progress($"phase (b) list-regenerating commands: {clients} clients for {duration.TotalSeconds:F0} s");
        var listsBefore = await queue.ListsAppendedAsync();
        var profileActivity = await DatabaseActivity.StartAsync(cs);
        var profile = await ProfileChangesAsync(api, tokens, files, clients, duration, host.ProcessId);
        var pendingAtEnd = await queue.PendingAsync();
        var drainMeter = CpuMeter.Start(host.ProcessId);
        var drain = await queue.DrainAsync(TimeSpan.FromMinutes(15));
        var drainCpu = drainMeter.Stop();
        var listsAppended = await queue.ListsAppendedAsync() - listsBefore;
        var accepted = profile.Statuses.GetValueOrDefault(200);
        // Up to the empty queue, so each command's share includes the regeneration it caused.
        var profileDb = await profileActivity.PerOperationAsync(accepted);
        var regenerations = new RegenerationFigures(accepted, pendingAtEnd, drain, listsAppended, profile.Duration, drainCpu);

        Progress($"baseline: raw Npgsql inserts, {clients} clients for {duration.TotalSeconds:F0} s");
        var baselineActivity = await DatabaseActivity.StartAsync(cs);
        var baseline = await BaselineAsync(cs, clients, duration, host.ProcessId);
        var baselineDb = await baselineActivity.PerOperationAsync(baseline.Latency.Count);

        var loadAfter = MachineFacts.LoadAverage();
        var postgres = await PostgresVersionAsync(cs);
        Console.WriteLine(Report(simple, profile, regenerations, baseline, organizations, filesPerOrganization, clients, duration,
            loadBefore, loadAfter, postgres));
        Console.WriteLine("Database work (pg_stat_database, pg_stat_user_tables):");
        Console.WriteLine($"- baseline insert, {baselineDb}");
        Console.WriteLine($"- (a) advisor note, {simpleDb}");
        Console.WriteLine($"- (b) profile-changing command with its list regeneration, {profileDb}");
        var hostLog = host.Log();
        if (simple.Failures + profile.Failures > 0 && hostLog.Length > 0)
        {
            await Console.Error.WriteLineAsync("Host log (warnings and errors), last lines:\n" + string.Join('\n', hostLog.Split('\n').TakeLast(60)));
        }
        return 0;
    }

    /// <summary>How the list regenerations behind phase (b) kept up.</summary>
    public sealed record RegenerationFigures(int Enqueued, long PendingAtEnd, TimeSpan Drain, long ListsAppended, TimeSpan Phase, CpuUse DrainCpu)
    {
        public double DuringPhasePerSecond => (Enqueued - PendingAtEnd) / Phase.TotalSeconds;
        public double OverallPerSecond => Enqueued / (Phase + Drain).TotalSeconds;
    }

    private static async Task<Guid[][]> OpenFilesAsync(ApiClient api, IReadOnlyList<BenchUser> advisors, string[] tokens, int perOrganization, int clients)
    {
        var files = new Guid[advisors.Count][];
        for (var o = 0; o < advisors.Count; o++)
        {
            var org = o;
            files[o] = new Guid[perOrganization];
            var random = new Random(1000 + o);
            var bodies = Enumerable.Range(0, perOrganization).Select(n => Workload.OpenFile(random, advisors[org].Organization, n)).ToArray();
            await Parallel.ForAsync(0, perOrganization, new ParallelOptions { MaxDegreeOfParallelism = clients },
                async (n, _) => files[org][n] = await api.OpenFileAsync(tokens[org], bodies[n]));
        }
        return files;
    }

    private static Task<PhaseResult> SimpleCommandsAsync(ApiClient api, string[] tokens, Guid[][] files, int clients, TimeSpan duration, int? hostPid)
    {
        var randoms = Enumerable.Range(0, clients).Select(c => new Random(2000 + c)).ToArray();
        return LoadRunner.RunAsync("(a) advisor notes", clients, duration, async (worker, _, ct) =>
        {
            var random = randoms[worker];
            var org = worker % tokens.Length;
            var file = files[org][random.Next(files[org].Length)];
            using var response = await api.SendAsync(HttpMethod.Post, $"/api/candidates/{file}/notes", tokens[org], Workload.Note(random), ct);
            return (int)response.StatusCode;
        }, hostPid);
    }

    private static Task<PhaseResult> ProfileChangesAsync(ApiClient api, string[] tokens, Guid[][] files, int clients, TimeSpan duration, int? hostPid)
    {
        var randoms = Enumerable.Range(0, clients).Select(c => new Random(3000 + c)).ToArray();
        return LoadRunner.RunAsync("(b) exams / USCE / letters", clients, duration, async (worker, turn, ct) =>
        {
            var random = randoms[worker];
            var org = worker % tokens.Length;
            var file = files[org][random.Next(files[org].Length)];
            var (path, body) = Workload.ProfileChange(random, turn + worker);
            using var response = await api.SendAsync(HttpMethod.Post, $"/api/candidates/{file}/{path}", tokens[org], body, ct);
            return (int)response.StatusCode;
        }, hostPid);
    }

    /// <summary>
    /// The floor under any command: one autocommitted insert of a jsonb row per operation (about the size of a
    /// note event), pooled connections, the same number of concurrent clients, into a scratch table.
    /// </summary>
    private static async Task<PhaseResult> BaselineAsync(string cs, int clients, TimeSpan duration, int? hostPid)
    {
        var builder = new NpgsqlDataSourceBuilder(cs);
        builder.ConnectionStringBuilder.MaxPoolSize = Math.Max(clients, 10);
        await using var source = builder.Build();
        await using (var create = source.CreateCommand("create table if not exists public.bench_scratch (id bigserial primary key, tenant_id text not null, body jsonb not null)"))
        {
            await create.ExecuteNonQueryAsync();
        }
        return await LoadRunner.RunAsync("baseline: raw Npgsql insert", clients, duration, async (worker, _, ct) =>
        {
            var body = JsonSerializer.Serialize(new
            {
                candidate_id = Guid.NewGuid(), note_id = Guid.CreateVersion7(), text = "Reminded about the letters; two writers confirmed.",
                recorded_by = new { user_id = "bench", name = "Advisor" }, recorded_at = DateTimeOffset.UtcNow,
            });
            await using var cmd = source.CreateCommand("insert into public.bench_scratch (tenant_id, body) values ($1, $2::jsonb)");
            cmd.Parameters.AddWithValue($"bench-{worker % 4}");
            cmd.Parameters.AddWithValue(body);
            await cmd.ExecuteNonQueryAsync(ct);
            return 200;
        }, hostPid);
    }

    private static async Task<string> PostgresVersionAsync(string cs)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        return conn.PostgreSqlVersion.ToString();
    }

    private static string Report(PhaseResult simple, PhaseResult profile, RegenerationFigures lists, PhaseResult baseline,
        int organizations, int files, int clients, TimeSpan duration, string loadBefore, string loadAfter, string postgres)
    {
        var s = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        s.AppendLine();
        s.AppendLine(inv, $"Machine: {MachineFacts.Describe(postgres)}.");
        s.AppendLine(inv, $"Load average (1/5/15 min) before: {loadBefore}; after: {loadAfter}. {organizations} organizations × {files} files, {clients} concurrent clients, {duration.TotalSeconds:F0} s per phase, closed loop.");
        s.AppendLine();
        s.AppendLine("| Phase | Requests/s | p50 ms | p95 ms | p99 ms | max ms | Answers | 409/412 | Failures |");
        s.AppendLine("|---|---:|---:|---:|---:|---:|---|---:|---:|");
        foreach (var phase in new[] { baseline, simple, profile })
        {
            s.AppendLine(inv, $"| {phase.Name} | {phase.PerSecond:F0} | {phase.Latency.Cells()} | {phase.StatusText()} | {phase.Conflicts} | {phase.Failures} |");
        }
        s.AppendLine();
        s.AppendLine(inv, $"List regenerations behind phase (b): {lists.Enqueued} queued (one per accepted command); {lists.Enqueued - lists.PendingAtEnd} done while the phase ran " +
                          $"({lists.DuringPhasePerSecond:F0}/s), {lists.PendingAtEnd} still queued at its end, drained {lists.Drain.TotalSeconds:F1} s later " +
                          $"(overall {lists.OverallPerSecond:F0} regenerations/s from the first command to the empty queue); {lists.ListsAppended} new lists appended (a regeneration appends only when the list changed).");
        s.AppendLine();
        s.AppendLine("CPU during each phase:");
        foreach (var phase in new[] { baseline, simple, profile })
        {
            if (phase.Cpu is { } cpu) s.AppendLine(inv, $"- {phase.Name}: {cpu.Describe()}");
        }
        s.AppendLine(inv, $"- draining the list queue after (b): {lists.DrainCpu.Describe()}");
        return s.ToString();
    }

    private static void Progress(string message) => Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");
}
