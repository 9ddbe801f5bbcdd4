using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Npgsql;
using SmartPick.Benchmarks.Harness;

namespace SmartPick.Benchmarks.Cohort;

/// <summary>
/// <c>cohort</c>: one organization with 1,000 varied candidate files (built through the API), then the staff
/// page <c>/cohort</c> (cookie sign-in, as a browser) and <c>GET /api/cohort</c> (bearer) requested repeatedly,
/// sequentially and under modest concurrency, beside <c>/health/live</c>, the host's cheapest route.
/// Options: --files 1000 --requests 200 --clients 4 --database smartpick_bench_cohort.
/// </summary>
public static class CohortCommand
{
    public static async Task<int> RunAsync(HarnessOptions options)
    {
        var files = options.Int("files", 1000);
        var requests = options.Int("requests", 200);
        var clients = Math.Max(2, options.Int("clients", 4));
        var database = options.Text("database", "smartpick_bench_cohort");
        var cs = options.ConnectionTo(database);
        options.RejectUnknown();

        var loadBefore = MachineFacts.LoadAverage();
        Progress($"load average before: {loadBefore}; recreating database {database}");
        await BenchDatabase.RecreateAsync(cs);
        BenchUser advisor;
        await using (var provisioning = await InProcessHost.StartAsync(cs))
        {
            advisor = (await provisioning.ProvisionAsync("cohort", 1))[0];
        }

        await using var host = await HostProcess.StartAsync(cs);
        Progress($"host ready in {host.StartedIn.TotalSeconds:F1} s (pid {host.ProcessId})");
        using var api = ApiClient.For(host.BaseUrl, 16);
        var token = await api.TokenAsync(advisor);
        using var browser = ApiClient.For(host.BaseUrl, clients, new CookieContainer());
        await browser.CookieSignInAsync(advisor, "/cohort");

        Progress($"building a cohort of {files} files through the API");
        var clock = Stopwatch.StartNew();
        var shape = await BuildCohortAsync(api, token, advisor.Organization, files);
        Progress($"built in {clock.Elapsed.TotalSeconds:F0} s ({shape}); waiting for lists and the dashboard to catch up");
        await new ListQueue(cs).DrainAsync(TimeSpan.FromMinutes(15));
        await WaitForDashboardAsync(api, token, files);

        // Warm-up: the page and the API compile on first use.
        for (var i = 0; i < 20; i++)
        {
            await TimedGetAsync(browser, "/cohort", null);
            await TimedGetAsync(api, "/api/cohort", token);
            await TimedGetAsync(api, "/health/live", null);
        }
        var (pageBytes, apiBytes) = (await BodyLengthAsync(browser, "/cohort", null), await BodyLengthAsync(api, "/api/cohort", token));

        var rows = new List<(string Name, string Mode, PhaseResult Result)>();
        foreach (var (name, client, path, bearer) in new[]
                 {
                     ("/health/live (baseline)", api, "/health/live", (string?)null),
                     ("/cohort page (cookie)", browser, "/cohort", null),
                     ("/cohort?sort=name&p=20 (cookie)", browser, "/cohort?sort=name&p=20", null),
                     ("GET /api/cohort (bearer)", api, "/api/cohort", token),
                 })
        {
            foreach (var concurrency in new[] { 1, clients })
            {
                Progress($"{name}: {requests} requests, {concurrency} at a time");
                rows.Add((name, concurrency == 1 ? "sequential" : $"{concurrency} concurrent", await FixedCountAsync(name, client, path, bearer, requests, concurrency, host.ProcessId)));
            }
        }

        var profile = await ProfileAsync(cs);
        var loadAfter = MachineFacts.LoadAverage();
        var version = await PostgresVersionAsync(cs);
        Console.WriteLine(Report(rows, files, shape, pageBytes, apiBytes, profile, loadBefore, loadAfter, version));
        return 0;
    }

    /// <summary>Opens the files and records varied evidence and season progress, so status, risk and attention differ.</summary>
    private static async Task<string> BuildCohortAsync(ApiClient api, string token, string organization, int files)
    {
        var random = new Random(5000);
        var bodies = Enumerable.Range(0, files).Select(n => Workload.OpenFile(random, organization, n)).ToArray();
        var ids = new Guid[files];
        await Parallel.ForAsync(0, files, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (n, _) => ids[n] = await api.OpenFileAsync(token, bodies[n]));

        var commands = 0;
        var inSeason = 0;
        var concluded = 0;
        var steps = ids.Select((id, n) =>
        {
            var r = new Random(6000 + n);
            var list = new List<(string Path, object Body)>();
            for (var k = 0; k < r.Next(5); k++)
            {
                var (path, body) = Workload.ProfileChange(r, r.Next(3));
                list.Add(($"/api/candidates/{id}/{path}", body));
            }
            for (var k = 0; k < r.Next(3); k++) list.Add(($"/api/candidates/{id}/notes", Workload.Note(r)));
            var season = r.Next(10);
            if (season >= 4)
            {
                list.Add(($"/api/candidates/{id}/cycles", new { season = 2026 }));
                if (season >= 6) list.Add(($"/api/candidates/{id}/cycles/2026/applications", new { count = 40 + r.Next(120), submitted_on = "2025-09-24" }));
                if (season >= 8) list.Add(($"/api/candidates/{id}/cycles/2026/outcome", new { outcome = "unmatched" }));
            }
            return list;
        }).ToArray();
        await Parallel.ForAsync(0, files, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (n, _) =>
        {
            foreach (var (path, body) in steps[n])
            {
                using var response = await api.SendAsync(HttpMethod.Post, path, token, body);
                if (!response.IsSuccessStatusCode)
                    throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                Interlocked.Increment(ref commands);
                if (path.EndsWith("/cycles", StringComparison.Ordinal)) Interlocked.Increment(ref inSeason);
                if (path.EndsWith("/outcome", StringComparison.Ordinal)) Interlocked.Increment(ref concluded);
            }
        });
        return $"{commands} commands after opening; {inSeason} started a season, {concluded} of them unmatched";
    }

    /// <summary>The dashboard is kept by the async daemon: wait until it counts every file.</summary>
    private static async Task WaitForDashboardAsync(ApiClient api, string token, int files)
    {
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (true)
        {
            var total = (await api.GetJsonAsync("/api/cohort", token)).GetProperty("total").GetInt32();
            if (total >= files) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The cohort dashboard counts {total} of {files} files after 10 minutes");
            await Task.Delay(500);
        }
    }

    private static async Task<PhaseResult> FixedCountAsync(string name, ApiClient client, string path, string? token, int requests, int concurrency, int hostPid)
    {
        var latencies = new double[requests];
        var statuses = new int[requests];
        var next = -1;
        var meter = CpuMeter.Start(hostPid);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests)
            {
                (latencies[i], statuses[i]) = await TimedGetAsync(client, path, token);
            }
        })));
        var elapsed = clock.Elapsed;
        return new PhaseResult(name, concurrency, elapsed, LatencySummary.Of(latencies),
            statuses.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count()), meter.Stop());
    }

    private static async Task<(double Ms, int Status)> TimedGetAsync(ApiClient client, string path, string? token)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await client.SendAsync(HttpMethod.Get, path, token);
        // The whole body is read (ResponseContentRead) before the clock stops.
        var status = (int)response.StatusCode;
        if (response.StatusCode is HttpStatusCode.Found or HttpStatusCode.Redirect) status = 302;
        return (Stopwatch.GetElapsedTime(started).TotalMilliseconds, status);
    }

    private static async Task<int> BodyLengthAsync(ApiClient client, string path, string? token)
    {
        using var response = await client.SendAsync(HttpMethod.Get, path, token);
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }

    /// <summary>Sizes that explain the page's cost: the dashboard document and the summary rows it pages over.</summary>
    private static async Task<string> ProfileAsync(string cs)
    {
        var dashboard = await BenchDatabase.ScalarAsync(cs, "select coalesce(max(length(data::text)), 0) from smartpick.mt_doc_cohortdashboard");
        var summaries = await BenchDatabase.ScalarAsync(cs, "select count(*) from smartpick.mt_doc_candidatesummary");
        return string.Create(CultureInfo.InvariantCulture, $"the dashboard document is {dashboard / 1024.0:F0} KB of JSON (every member's summary); {summaries} summary rows");
    }

    private static async Task<string> PostgresVersionAsync(string cs)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        return conn.PostgreSqlVersion.ToString();
    }

    private static string Report(List<(string Name, string Mode, PhaseResult Result)> rows, int files, string shape, int pageBytes, int apiBytes,
        string profile, string loadBefore, string loadAfter, string postgres)
    {
        var inv = CultureInfo.InvariantCulture;
        var s = new StringBuilder();
        s.AppendLine();
        s.AppendLine(inv, $"Machine: {MachineFacts.Describe(postgres)}.");
        s.AppendLine(inv, $"Load average (1/5/15 min) before: {loadBefore}; after: {loadAfter}. One organization, {files} files ({shape}).");
        s.AppendLine(inv, $"Response sizes: /cohort page {pageBytes / 1024.0:F0} KB of HTML (first page, 25 rows), /api/cohort {apiBytes / 1024.0:F0} KB of JSON; {profile}.");
        s.AppendLine();
        s.AppendLine("| Route | Mode | Requests/s | p50 ms | p95 ms | p99 ms | max ms | Answers |");
        s.AppendLine("|---|---|---:|---:|---:|---:|---:|---|");
        foreach (var (name, mode, r) in rows)
        {
            s.AppendLine(inv, $"| {name} | {mode} | {r.PerSecond:F0} | {r.Latency.Cells()} | {r.StatusText()} |");
        }
        s.AppendLine();
        s.AppendLine("Host CPU per route and mode:");
        foreach (var (name, mode, r) in rows)
        {
            if (r.Cpu is { } cpu) s.AppendLine(inv, $"- {name}, {mode}: {cpu.Describe()}");
        }
        return s.ToString();
    }

    private static void Progress(string message) => Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");
}
