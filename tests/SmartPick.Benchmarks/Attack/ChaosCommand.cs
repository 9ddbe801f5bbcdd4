using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using SmartPick.Benchmarks.Harness;

namespace SmartPick.Benchmarks.Attack;

/// <summary>
/// <c>attack chaos</c>: the host and a nudge sweep worker are killed with SIGKILL, again and again, under mixed load
/// (advisor notes; USCE added, which regenerates the list through the durable queue; new files that make a nudge
/// due), then restarted. At the end one more host and one sweep run to completion, and the event store, the durable
/// inbox, the dead letters and the SMTP sink are counted: acknowledged writes lost, streams with a gap, lists never
/// regenerated after an acknowledged change, messages dead-lettered, nudges lost or received twice.
/// Options: --kills 50 --files 20 --clients 4 --seed 1 --database smartpick_bench_chaos. Exits 1 on any loss or gap,
/// any dead letter, or more duplicate nudges than kills.
/// </summary>
public static class ChaosCommand
{
    private const string AsOf = "2027-02-18T15:00:00Z";

    public static async Task<int> RunAsync(HarnessOptions options)
    {
        var kills = options.Int("kills", 50);
        var files = options.Int("files", 20);
        var clients = options.Int("clients", 4);
        var seed = options.Int("seed", 1);
        var database = options.Text("database", "smartpick_bench_chaos");
        var cs = options.ConnectionTo(database);
        options.RejectUnknown();

        Progress($"recreating database {database}");
        await BenchDatabase.RecreateAsync(cs);
        BenchUser advisor;
        await using (var provisioning = await InProcessHost.StartAsync(cs))
        {
            advisor = (await provisioning.ProvisionAsync("chaos", 1))[0];
        }
        await using var smtp = new SmtpSink();
        var settings = new Dictionary<string, string>
        {
            ["Smtp__Host"] = "127.0.0.1",
            ["Smtp__Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Smtp__UseStartTls"] = "false",
            // A killed worker's claim is stale after 2 s, so the next sweep takes it over.
            ["Nudges__StaleClaimAfter"] = "00:00:02",
            ["AuthThrottle__AttemptsPerMinutePerClient"] = "1000000",
        };
        var ledger = new Acknowledged();
        var random = new Random(seed);
        var clock = Stopwatch.StartNew();

        await using (var first = await HostProcess.StartAsync(cs, settings))
        {
            using var api = ApiClient.For(first.BaseUrl, clients * 2);
            var token = await api.TokenAsync(advisor);
            Progress($"opening {files} files with a season and an interview (a rank-list nudge is due as of {AsOf})");
            for (var i = 0; i < files; i++) await NudgeDueFileAsync(api, token, ledger, i);
            if (ledger.NudgeDueFiles.Count != files) throw new InvalidOperationException("Opening the first files failed");
        }

        var hostStarts = new List<double>();
        for (var kill = 1; kill <= kills; kill++)
        {
            // The worker needs seconds to start: it starts before the host, so that it is sweeping when the kill comes.
            using var worker = SweepWorker(cs, settings, advisor.Organization);
            var host = await HostProcess.StartAsync(cs, settings);
            hostStarts.Add(host.StartedIn.TotalSeconds);
            using var api = ApiClient.For(host.BaseUrl, clients * 2);
            var token = await api.TokenAsync(advisor);
            // Each route generates its code on first use (seconds on a busy machine): one of each first, so the
            // kill lands on requests in flight rather than on a host still compiling.
            await LoadAsync(api, token, ledger, new Random(seed + kill), CancellationToken.None, once: true);
            using var stop = new CancellationTokenSource();
            var load = Enumerable.Range(0, clients).Select(c => LoadAsync(api, token, ledger, new Random(seed * 1000 + kill * 10 + c), stop.Token)).ToList();
            if (kill % 2 == 1)
            {
                // Every other kill lands while the sweep is sending: right after a mail arrives (the worker may
                // be killed before it hears the 250, the way a nudge gets sent twice).
                var mails = smtp.Keys.Count;
                var deadline = DateTime.UtcNow.AddSeconds(20);
                while (smtp.Keys.Count == mails && DateTime.UtcNow < deadline && !worker.HasExited) await Task.Delay(20);
                await Task.Delay(random.Next(150));
            }
            else
            {
                await Task.Delay(TimeSpan.FromMilliseconds(1000 + random.Next(3000)));
            }
            await host.KillAsync();
            if (!worker.HasExited) worker.Kill(entireProcessTree: true);
            await worker.WaitForExitAsync();
            // The load runs on a moment against the dead host (refused, so not acknowledged), then stops.
            await Task.Delay(200);
            await stop.CancelAsync();
            await Task.WhenAll(load);
            await host.DisposeAsync();
            Progress($"kill {kill}/{kills}: {ledger.Describe()}; {smtp.Keys.Count} mails received");
        }

        Progress("restarting once more: draining the queues and running a sweep to completion");
        // The stale claims of the last killed worker must be older than StaleClaimAfter.
        await Task.Delay(TimeSpan.FromSeconds(3));
        await using var final = await HostProcess.StartAsync(cs, settings);
        var queue = new ListQueue(cs);
        await queue.DrainAsync(TimeSpan.FromMinutes(10));
        using (var worker = SweepWorker(cs, settings, advisor.Organization))
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            await worker.WaitForExitAsync(timeout.Token);
            if (worker.ExitCode != 0) throw new InvalidOperationException($"The final sweep exited {worker.ExitCode}: {await worker.StandardError.ReadToEndAsync()}");
        }
        await queue.DrainAsync(TimeSpan.FromMinutes(10));

        var figures = await CountAsync(cs, ledger, smtp, advisor.Organization);
        Console.WriteLine();
        Console.WriteLine($"Machine: {MachineFacts.Describe(null)}; load average after: {MachineFacts.LoadAverage()}.");
        Console.WriteLine($"{kills} SIGKILLs of the host (and of a nudge sweep worker running beside it) under {clients} clients of mixed load, " +
                          $"{clock.Elapsed.TotalMinutes:F1} min; host restarts took {hostStarts.DefaultIfEmpty().Average():F1} s on average (max {hostStarts.DefaultIfEmpty().Max():F1} s).");
        Console.WriteLine($"Acknowledged: {ledger.Describe()}.");
        Console.WriteLine(figures.Describe(kills));
        return figures.Clean(kills) ? 0 : 1;
    }

    /// <summary>One client's mixed load until stopped: notes, USCE (list regeneration through the durable queue) and nudge-due files.</summary>
    private static async Task LoadAsync(ApiClient api, string token, Acknowledged ledger, Random random, CancellationToken stop, bool once = false)
    {
        for (var turn = 0; once ? turn < 3 : !stop.IsCancellationRequested; turn++)
        {
            try
            {
                var files = ledger.Files.Keys.ToList();
                var file = files[random.Next(files.Count)];
                var roll = once ? turn * 4 : random.Next(10);
                if (roll < 5)
                {
                    var text = $"chaos note {Guid.NewGuid():N}";
                    using var r = await api.SendAsync(HttpMethod.Post, $"/api/candidates/{file}/notes", token, new { text }, stop);
                    if (r.IsSuccessStatusCode) ledger.Notes[text] = file;
                    else ledger.Refused(r);
                }
                else if (roll < 8)
                {
                    var institution = $"Chaos Hospital {Guid.NewGuid():N}";
                    using var r = await api.SendAsync(HttpMethod.Post, $"/api/candidates/{file}/usce", token,
                        new { usce = new { kind = "hands_on", specialty = "internal_medicine", months = 1 + random.Next(3), state = "NY" }, institution }, stop);
                    if (r.IsSuccessStatusCode) ledger.Usce[institution] = file;
                    else ledger.Refused(r);
                }
                else
                {
                    await NudgeDueFileAsync(api, token, ledger, random.Next(1_000_000), stop);
                }
            }
            catch (Exception e) when (e is HttpRequestException or IOException || (e is TaskCanceledException && !stop.IsCancellationRequested))
            {
                // The host is gone: nothing was acknowledged.
                await Task.Delay(50, CancellationToken.None);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static string[]? _codes;

    private static async Task NudgeDueFileAsync(ApiClient api, string token, Acknowledged ledger, int n, CancellationToken ct = default)
    {
        using var open = await api.SendAsync(HttpMethod.Post, "/api/candidates", token, new
        {
            name = $"Chaos Candidate {n}", email = $"chaos{n}.{Guid.NewGuid():N}@example.org", medical_school_country = "India", img_type = "non_us_img",
            visa_need = "j1", year_of_graduation = 2019, target_specialties = new[] { "internal_medicine" }, preferred_states = new[] { "NY" },
            avoided_states = Array.Empty<string>(), budget = new { applications = 80 },
        }, ct);
        if (!open.IsSuccessStatusCode) return;
        var id = (await open.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
        ledger.Files[id] = true;
        using var cycle = await api.SendAsync(HttpMethod.Post, $"/api/candidates/{id}/cycles", token, new { season = 2027 }, ct);
        if (!cycle.IsSuccessStatusCode) return;
        // An interview names a program of the organization's catalog.
        _codes ??= (await api.GetJsonAsync("/api/catalog/programs?specialty=140&page_size=200", token))
            .GetProperty("items").EnumerateArray().Select(p => p.GetProperty("program_code").GetString()!).ToArray();
        using var interview = await api.SendAsync(HttpMethod.Post, $"/api/candidates/{id}/cycles/2027/interviews", token,
            new { program_code = _codes[n % _codes.Length], invited_on = "2026-11-01" }, ct);
        if (interview.IsSuccessStatusCode) ledger.NudgeDueFiles[id] = true;
    }

    private static Process SweepWorker(string cs, IReadOnlyDictionary<string, string> settings, string organization)
    {
        var project = Path.Combine(Repository.Root, "web", "SmartPick.Web");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = project, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(project, "bin", "Release", "net10.0", "SmartPick.Web.dll"), "nudges", "sweep", "--org", organization, "--as-of", AsOf })
            start.ArgumentList.Add(argument);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Benchmark";
        start.Environment["DOTNET_ENVIRONMENT"] = "Benchmark";
        start.Environment["ConnectionStrings__postgres"] = cs;
        start.Environment["Hangfire__Server"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in settings) start.Environment[name] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the sweep worker");
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        return process;
    }

    /// <summary>Writes the host acknowledged (a 2xx reached the client), by what makes each findable in the event store.</summary>
    private sealed class Acknowledged
    {
        public ConcurrentDictionary<Guid, bool> Files { get; } = new();
        public ConcurrentDictionary<Guid, bool> NudgeDueFiles { get; } = new();
        public ConcurrentDictionary<string, Guid> Notes { get; } = new(StringComparer.Ordinal);
        public ConcurrentDictionary<string, Guid> Usce { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<int, int> RefusedByStatus { get; } = new();

        /// <summary>A refusal (a 409 on a stale version, say) is no loss: it was never acknowledged. Counted for the report.</summary>
        public void Refused(HttpResponseMessage response) => RefusedByStatus.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);

        public string Describe() => $"{Files.Count} files ({NudgeDueFiles.Count} with a nudge due), {Notes.Count} notes, {Usce.Count} USCE" +
            (RefusedByStatus.IsEmpty ? "" : "; refused: " + string.Join(", ", RefusedByStatus.OrderBy(r => r.Key).Select(r => $"{r.Key} × {r.Value}")));
    }

    private sealed record Figures(int FilesLost, int NotesLost, int UsceLost, int StreamsWithGaps, int ListsNotRegenerated, long DeadLetters,
        long InboxNotHandled, int NudgesLost, int DuplicateNudges, int MailsReceived, int NudgesExpected)
    {
        public bool Clean(int kills) => FilesLost + NotesLost + UsceLost + StreamsWithGaps + ListsNotRegenerated + NudgesLost == 0
                                        && DeadLetters == 0 && InboxNotHandled == 0 && DuplicateNudges <= kills;

        public string Describe(int kills) =>
            $"""
             | Check | Count |
             |---|---:|
             | acknowledged files lost | {FilesLost} |
             | acknowledged notes lost | {NotesLost} |
             | acknowledged USCE lost | {UsceLost} |
             | streams with a gap or a version mismatch | {StreamsWithGaps} |
             | files whose list regeneration never considered their last acknowledged USCE | {ListsNotRegenerated} |
             | messages dead-lettered | {DeadLetters} |
             | inbox messages not handled after the drain | {InboxNotHandled} |
             | nudges due (files acknowledged with a season and an interview) | {NudgesExpected} |
             | nudges lost | {NudgesLost} |
             | nudges received twice or more (extra copies; allowed: ≤ 1 per kill = {kills}) | {DuplicateNudges} |
             | mails received | {MailsReceived} |
             """;
    }

    private static async Task<Figures> CountAsync(string cs, Acknowledged ack, SmtpSink smtp, string organization)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        var streams = new HashSet<Guid>();
        await using (var cmd = new NpgsqlCommand("select id from smartpick.mt_streams where tenant_id = $1", conn))
        {
            cmd.Parameters.AddWithValue(organization);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) streams.Add(reader.GetGuid(0));
        }
        var notes = await TextsAsync(conn, "advisor_note_added", "Text", organization);
        var usce = await TextsAsync(conn, "usce_added", "Institution", organization);
        var gaps = (int)await ScalarAsync(conn, """
            select count(*) from (
              select s.id from smartpick.mt_streams s left join smartpick.mt_events e on e.stream_id = s.id and e.tenant_id = s.tenant_id
              where s.tenant_id = $1 group by s.id, s.version
              having count(e.seq_id) <> s.version or coalesce(max(e.version), 0) <> s.version or coalesce(min(e.version), 1) <> 1) broken
            """, organization);
        // A file whose last USCE is newer than what its list regeneration last considered (its mark's version; a
        // regeneration that finds the list unchanged appends nothing but still moves the mark): a regeneration lost.
        var stale = (int)await ScalarAsync(conn, """
            select count(*) from (
              select e.stream_id, max(e.version) filter (where e.type = 'usce_added') as last_usce, (m.data->>'UpToVersion')::bigint as mark
              from smartpick.mt_events e
              left join smartpick.mt_doc_listregenerationmark m on m.id = e.stream_id and m.tenant_id = e.tenant_id
              where e.tenant_id = $1 group by e.stream_id, m.data) files
            where last_usce is not null and (mark is null or mark < last_usce)
            """, organization);
        var deadLetters = await ScalarAsync(conn, "select count(*) from smartpick.wolverine_dead_letters", null);
        var notHandled = await ScalarAsync(conn, "select count(*) from smartpick.wolverine_incoming_envelopes where status <> 'Handled'", null);

        var received = smtp.Keys.ToList();
        var expected = ack.NudgeDueFiles.Keys.Select(id => $"nudge:{organization}:{id:N}:rank-list:2027:14d").ToHashSet(StringComparer.Ordinal);
        var lost = expected.Count(k => !received.Contains(k));
        var duplicates = received.GroupBy(k => k).Sum(g => g.Count() - 1);
        return new Figures(ack.Files.Keys.Count(f => !streams.Contains(f)), ack.Notes.Keys.Count(n => !notes.Contains(n)),
            ack.Usce.Keys.Count(u => !usce.Contains(u)), gaps, stale, deadLetters, notHandled, lost, duplicates, received.Count, expected.Count);
    }

    private static async Task<HashSet<string>> TextsAsync(NpgsqlConnection conn, string type, string field, string tenant)
    {
        var texts = new HashSet<string>(StringComparer.Ordinal);
        await using var cmd = new NpgsqlCommand($"select data->>'{field}' from smartpick.mt_events where type = $1 and tenant_id = $2", conn);
        cmd.Parameters.AddWithValue(type);
        cmd.Parameters.AddWithValue(tenant);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) if (!reader.IsDBNull(0)) texts.Add(reader.GetString(0));
        return texts;
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection conn, string sql, string? parameter)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        if (parameter is not null) cmd.Parameters.AddWithValue(parameter);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static void Progress(string message) => Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");
}
