using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using SmartPick.Benchmarks.Harness;

namespace SmartPick.Benchmarks.Attack;

/// <summary>
/// The size and shape of a chaos run. <c>Hosts</c> 1: the host alone, killed and restarted each round; 2: two hosts on
/// one database behind nginx, each round killing one of them and restarting it while the other carries the load. With
/// two hosts, every <c>OutageEvery</c> kills (0: never) the killed host stays down <c>OutageSeconds</c> before it
/// restarts, long enough for the survivor to take over what it held; with <c>HangfireJobs</c> the product's sweep job
/// is enqueued in Hangfire while a host is dead, and every such job must have run by the end.
/// </summary>
public sealed record ChaosSettings(string ConnectionString, int Kills = 50, int Files = 20, int Clients = 4, int Seed = 1, int Hosts = 1,
    int OutageEvery = 0, int OutageSeconds = 75, bool HangfireJobs = true);

/// <summary>A chaos run's outcome: the ledger, the checks, and with two hosts what each round saw of the handover.</summary>
public sealed record ChaosResult(ChaosSettings Settings, TimeSpan Elapsed, IReadOnlyList<double> HostStarts, Acknowledged Ledger, Figures Figures,
    IReadOnlyList<Handover> Handovers, int HangfireJobsNotSucceeded)
{
    public bool Clean => Figures.Clean(Settings.Kills) && HangfireJobsNotSucceeded == 0;

    public string Describe()
    {
        var lines = new List<string>
        {
            $"{Settings.Kills} SIGKILLs {(Settings.Hosts == 1 ? "of the host" : "of one of two hosts behind nginx")} (and of a nudge sweep worker running beside it) " +
            $"under {Settings.Clients} clients of mixed load, {Elapsed.TotalMinutes:F1} min; host restarts took {HostStarts.DefaultIfEmpty().Average():F1} s on average (max {HostStarts.DefaultIfEmpty().Max():F1} s).",
            $"Acknowledged: {Ledger.Describe()}.",
            Figures.Describe(Settings.Kills),
        };
        if (Handovers.Count > 0) lines.Add(HandoverTable());
        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>What moved to the surviving host, summed over the rounds.</summary>
    public string HandoverTable()
    {
        static string Median(IEnumerable<double?> values)
        {
            var sorted = values.OfType<double>().Order().ToList();
            return sorted.Count == 0 ? "–" : $"{sorted[sorted.Count / 2]:F1} s";
        }
        var h = Handovers;
        var lockKills = h.Where(r => r.VictimHeldLocks).ToList();
        var leaderKills = h.Where(r => r.VictimWasLeader).ToList();
        var agentKills = h.Where(r => r.VictimHadDurabilityAgent).ToList();
        var jobs = h.Where(r => r.Job is not null).ToList();
        return $"""

            | While one host was dead (two hosts) | Count |
            |---|---:|
            | kills; time until the killed host was back | {h.Count}; {Median(h.Select(r => (double?)r.DeadFor))} median, {h.Max(r => r.DeadFor):F1} s max |
            | writes acknowledged through nginx while one host was dead | {h.Sum(r => r.WritesWhileDown)} (in {h.Count(r => r.WritesWhileDown > 0)} of {h.Count} kills) |
            | kills of the host holding the advisory locks (HotCold daemon, Wolverine leadership) / all taken by the survivor before it was back | {lockKills.Count} / {lockKills.Count(r => r.LocksMoved is not null)} (median {Median(lockKills.Select(r => r.LocksMoved))} after the kill) |
            | kills after which the async projections advanced before the killed host was back (of those of the lock holder) | {h.Count(r => r.DaemonProgressed is not null)} of {h.Count} ({lockKills.Count(r => r.DaemonProgressed is not null)} of {lockKills.Count}) |
            | kills of Wolverine's leader / leadership on the survivor before it was back | {leaderKills.Count} / {leaderKills.Count(r => r.LeaderMoved is not null)} (median {Median(leaderKills.Select(r => r.LeaderMoved))}) |
            | kills of the node running the durability agent / agent on the survivor before it was back | {agentKills.Count} / {agentKills.Count(r => r.DurabilityAgentMoved is not null)} (median {Median(agentKills.Select(r => r.DurabilityAgentMoved))}) |
            | durable-inbox messages the killed node owned / handled before it was back | {h.Sum(r => r.InboxOwnedAtKill)} / {h.Sum(r => r.InboxHandledWhileDown)} |
            | Hangfire sweep jobs enqueued while a host was dead / run by the survivor before it was back / not succeeded at the end | {jobs.Count} / {jobs.Count(r => r.JobRanOn == "survivor" && r.JobState == "Succeeded")} / {HangfireJobsNotSucceeded} |
            """;
    }
}

/// <summary>
/// <c>attack chaos</c>: hosts and a nudge sweep worker are killed with SIGKILL, again and again, under mixed load
/// (advisor notes; USCE added, which regenerates the list through the durable queue; new files that make a nudge
/// due), then restarted. With <c>--hosts 2</c>, two hosts run on one database behind nginx and each round kills one of
/// them (every other round the one holding the async daemon's and Wolverine's leadership locks), watching what the survivor takes over until it is
/// back. At the end the queues are drained and one sweep runs to completion, and the event store, the durable
/// inbox, the dead letters and the SMTP sink are counted: acknowledged writes lost, streams with a gap, lists never
/// regenerated after an acknowledged change, messages dead-lettered, nudges lost or received twice.
/// Options: --kills 50 --files 20 --clients 4 --seed 1 --hosts 1 --outage-every 10 --outage-seconds 75
/// --database smartpick_bench_chaos. Exits 1 on any loss or gap, any dead letter, or more duplicate nudges than kills.
/// </summary>
public static class ChaosCommand
{
    private const string AsOf = "2027-02-18T15:00:00Z";

    public static async Task<int> RunAsync(HarnessOptions options)
    {
        var hosts = options.Int("hosts", 1);
        if (hosts is not (1 or 2)) throw new HarnessUsageException("--hosts is 1 or 2.");
        if (hosts == 2 && NginxProxy.Find() is null) throw new HarnessUsageException("--hosts 2 runs the hosts behind nginx: " + NginxProxy.InstallHint);
        var settings = new ChaosSettings(options.ConnectionTo(options.Text("database", "smartpick_bench_chaos")),
            options.Int("kills", 50), options.Int("files", 20), options.Int("clients", 4), options.Int("seed", 1), hosts,
            options.Int("outage-every", hosts == 2 ? 10 : 0), options.Int("outage-seconds", 75));
        options.RejectUnknown();
        var result = await RunAsync(settings, Progress);
        Console.WriteLine();
        Console.WriteLine($"Machine: {MachineFacts.Describe(null)}; load average after: {MachineFacts.LoadAverage()}.");
        Console.WriteLine(result.Describe());
        return result.Clean ? 0 : 1;
    }

    public static async Task<ChaosResult> RunAsync(ChaosSettings run, Action<string> progress)
    {
        var cs = run.ConnectionString;
        progress($"recreating database {new Npgsql.NpgsqlConnectionStringBuilder(cs).Database}");
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
        var keys = Directory.CreateTempSubdirectory("smartpick-chaos-keys-");
        try
        {
            return run.Hosts == 2
                ? await TwoHostsAsync(run, ChaosCluster.Settings(settings, keys.FullName), advisor, smtp, progress)
                : await OneHostAsync(run, settings, advisor, smtp, progress);
        }
        finally
        {
            keys.Delete(recursive: true);
        }
    }

    private static async Task<ChaosResult> OneHostAsync(ChaosSettings run, Dictionary<string, string> settings, BenchUser advisor, SmtpSink smtp, Action<string> progress)
    {
        var cs = run.ConnectionString;
        var ledger = new Acknowledged();
        var random = new Random(run.Seed);
        var clock = Stopwatch.StartNew();
        await using (var first = await HostProcess.StartAsync(cs, settings))
        {
            await OpenFirstFilesAsync(first.BaseUrl, run, advisor, ledger, progress);
        }

        var hostStarts = new List<double>();
        for (var kill = 1; kill <= run.Kills; kill++)
        {
            // The worker needs seconds to start: it starts before the host, so that it is sweeping when the kill comes.
            using var worker = SweepWorker(cs, settings, advisor.Organization);
            var host = await HostProcess.StartAsync(cs, settings);
            hostStarts.Add(host.StartedIn.TotalSeconds);
            await using var load = await Load.StartAsync(host.BaseUrl, run, advisor, ledger, kill);
            await KillMomentAsync(kill, smtp, worker, random);
            await host.KillAsync();
            await KillAsync(worker);
            // The load runs on a moment against the dead host (refused, so not acknowledged), then stops.
            await Task.Delay(200);
            await load.StopAsync();
            await host.DisposeAsync();
            progress($"kill {kill}/{run.Kills}: {ledger.Describe()}; {smtp.Keys.Count} mails received");
        }

        progress("restarting once more: draining the queues and running a sweep to completion");
        // The stale claims of the last killed worker must be older than StaleClaimAfter.
        await Task.Delay(TimeSpan.FromSeconds(3));
        await using var final = await HostProcess.StartAsync(cs, settings);
        await FinishAsync(cs, settings, advisor, progress);
        var figures = Figures.Of(ledger, await Figures.ReadAsync(cs, smtp.Keys, advisor.Organization), advisor.Organization);
        return new ChaosResult(run, clock.Elapsed, hostStarts, ledger, figures, [], 0);
    }

    private static async Task<ChaosResult> TwoHostsAsync(ChaosSettings run, Dictionary<string, string> settings, BenchUser advisor, SmtpSink smtp, Action<string> progress)
    {
        var cs = run.ConnectionString;
        var ledger = new Acknowledged();
        var random = new Random(run.Seed);
        var clock = Stopwatch.StartNew();
        await using var cluster = await ChaosCluster.StartAsync(cs, settings, progress);
        await OpenFirstFilesAsync(cluster.BaseUrl, run, advisor, ledger, progress);
        progress(await cluster.AdvisoryLocksAsync());

        var hostStarts = new List<double>();
        var handovers = new List<Handover>();
        for (var kill = 1; kill <= run.Kills; kill++)
        {
            using var worker = SweepWorker(cs, settings, advisor.Organization);
            // Every other round kills the host running the async daemon (the one holding the advisory locks), otherwise either.
            var holder = await cluster.LockHolderAsync();
            var victim = kill % 2 == 1 && holder >= 0 ? holder : random.Next(2);
            await using var load = await Load.StartAsync(cluster.BaseUrl, run, advisor, ledger, kill);
            await KillMomentAsync(kill, smtp, worker, random);
            var outage = run.OutageEvery > 0 && kill % run.OutageEvery == 0 ? TimeSpan.FromSeconds(run.OutageSeconds) : TimeSpan.Zero;
            var handover = await Handover.WatchAsync(cluster, victim, ledger, advisor.Organization,
                kill: async () =>
                {
                    await cluster.KillAsync(victim);
                    await KillAsync(worker);
                },
                bringBack: async () =>
                {
                    await Task.Delay(outage);
                    return await cluster.RestartAsync(victim);
                },
                enqueueJob: run.HangfireJobs);
            hostStarts.Add(cluster.Host(victim).StartedIn.TotalSeconds);
            handovers.Add(handover);
            await load.StopAsync();
            progress($"kill {kill}/{run.Kills}: {handover.Describe()}");
            progress($"  {ledger.Describe()}; {smtp.Keys.Count} mails received");
        }

        progress("draining the queues and running a sweep to completion");
        await Task.Delay(TimeSpan.FromSeconds(3));
        await FinishAsync(cs, settings, advisor, progress);
        var notSucceeded = 0;
        if (run.HangfireJobs)
        {
            // A job a host fetched before it was killed becomes visible again after the invisibility timeout (4 min).
            var deadline = DateTime.UtcNow.AddMinutes(6);
            var jobs = handovers.Where(h => h.Job is not null).Select(h => h.Job!).ToList();
            while (true)
            {
                var states = new List<string?>();
                foreach (var job in jobs) states.Add((await cluster.JobAsync(job)).State);
                notSucceeded = states.Count(s => s != "Succeeded");
                if (notSucceeded == 0 || DateTime.UtcNow > deadline) break;
                progress($"waiting for {notSucceeded} Hangfire job(s): {string.Join(", ", states.Where(s => s != "Succeeded").Distinct())}");
                await Task.Delay(TimeSpan.FromSeconds(10));
            }
            await new ListQueue(cs).DrainAsync(TimeSpan.FromMinutes(10));
        }
        var figures = Figures.Of(ledger, await Figures.ReadAsync(cs, smtp.Keys, advisor.Organization), advisor.Organization);
        return new ChaosResult(run, clock.Elapsed, hostStarts, ledger, figures, handovers, notSucceeded);
    }

    private static async Task OpenFirstFilesAsync(string baseUrl, ChaosSettings run, BenchUser advisor, Acknowledged ledger, Action<string> progress)
    {
        using var api = ApiClient.For(baseUrl, run.Clients * 2);
        var token = await api.TokenAsync(advisor);
        progress($"opening {run.Files} files with a season and an interview (a rank-list nudge is due as of {AsOf})");
        for (var i = 0; i < run.Files; i++) await NudgeDueFileAsync(api, token, ledger, i);
        if (ledger.NudgeDueFiles.Count != run.Files) throw new InvalidOperationException("Opening the first files failed");
    }

    /// <summary>
    /// Every other kill lands while the sweep is sending: right after a mail arrives (the worker may be killed before it
    /// hears the 250, the way a nudge gets sent twice); the others 1–4 s into the load.
    /// </summary>
    private static async Task KillMomentAsync(int kill, SmtpSink smtp, Process worker, Random random)
    {
        if (kill % 2 == 1)
        {
            var mails = smtp.Keys.Count;
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (smtp.Keys.Count == mails && DateTime.UtcNow < deadline && !worker.HasExited) await Task.Delay(20);
            await Task.Delay(random.Next(150));
        }
        else
        {
            await Task.Delay(TimeSpan.FromMilliseconds(1000 + random.Next(3000)));
        }
    }

    private static async Task KillAsync(Process worker)
    {
        if (!worker.HasExited) worker.Kill(entireProcessTree: true);
        await worker.WaitForExitAsync();
    }

    /// <summary>Drains the durable inbox, runs one sweep to completion, drains again.</summary>
    private static async Task FinishAsync(string cs, IReadOnlyDictionary<string, string> settings, BenchUser advisor, Action<string> progress)
    {
        var queue = new ListQueue(cs);
        await queue.DrainAsync(TimeSpan.FromMinutes(10));
        using (var worker = SweepWorker(cs, settings, advisor.Organization))
        {
            // Every nudge due still unsent goes out now, at the sink's pace (200 ms a mail): a long run leaves thousands.
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(45));
            await worker.WaitForExitAsync(timeout.Token);
            if (worker.ExitCode != 0) throw new InvalidOperationException($"The final sweep exited {worker.ExitCode}: {await worker.StandardError.ReadToEndAsync()}");
        }
        await queue.DrainAsync(TimeSpan.FromMinutes(10));
        progress("queues drained, final sweep done");
    }

    /// <summary>One round's clients: a request of each kind first (each route compiles its code on first use), then mixed load until stopped.</summary>
    private sealed class Load : IAsyncDisposable
    {
        private readonly ApiClient _api;
        private readonly CancellationTokenSource _stop = new();
        private List<Task> _clients = [];

        private Load(ApiClient api) => _api = api;

        public static async Task<Load> StartAsync(string baseUrl, ChaosSettings run, BenchUser advisor, Acknowledged ledger, int kill)
        {
            var load = new Load(ApiClient.For(baseUrl, run.Clients * 2));
            var token = await load._api.TokenAsync(advisor);
            // Each route generates its code on first use (seconds on a busy machine): one of each first, so the
            // kill lands on requests in flight rather than on a host still compiling.
            await LoadAsync(load._api, token, ledger, new Random(run.Seed + kill), CancellationToken.None, once: true);
            load._clients = Enumerable.Range(0, run.Clients)
                .Select(c => LoadAsync(load._api, token, ledger, new Random(run.Seed * 1000 + kill * 10 + c), load._stop.Token)).ToList();
            return load;
        }

        public async Task StopAsync()
        {
            await _stop.CancelAsync();
            await Task.WhenAll(_clients);
        }

        public async ValueTask DisposeAsync()
        {
            await StopAsync();
            _stop.Dispose();
            _api.Dispose();
        }
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
        // A worker of its own: no job server, whatever the hosts run.
        var start = HostProcess.Command(cs, new Dictionary<string, string>(settings) { ["Hangfire__Server"] = "false" }, "sweep",
            [HostProcess.WebDll, "nudges", "sweep", "--org", organization, "--as-of", AsOf]);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the sweep worker");
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        return process;
    }

    private static void Progress(string message) => Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");
}
