using System.Diagnostics;
using SmartPick.Attacks;
using SmartPick.Benchmarks.Harness;

namespace SmartPick.Benchmarks.Attack;

/// <summary>
/// <c>attack isolation|badinput|page-isolation|page-badinput</c>: the Release host as a child process on a fresh
/// database, two tenants and every role seeded through its API, then the isolation fuzz (default 20,000 requests;
/// over the pages, signed in by cookie, 5,000) or the bad-input corpus over the API or the page forms (default: all
/// of it). Prints status counts and findings; exits 1 on any finding.
/// Options: --requests N --concurrency 8 --seed 1 --database smartpick_bench_attack.
/// </summary>
public static class AttackCommand
{
    public static async Task<int> RunAsync(string? attack, HarnessOptions options)
    {
        if (attack == "chaos") return await ChaosCommand.RunAsync(options);
        if (attack is not ("isolation" or "badinput" or "page-isolation" or "page-badinput"))
            throw new HarnessUsageException("Usage: attack isolation|badinput|page-isolation|page-badinput [--requests N] [--concurrency 8] [--seed 1], or attack chaos [--kills 50]");
        var requests = options.Int("requests", attack switch { "isolation" => 20_000, "page-isolation" => 5_000, _ => 0 });
        var concurrency = options.Int("concurrency", 8);
        var seed = options.Int("seed", 1);
        var database = options.Text("database", "smartpick_bench_attack");
        var cs = options.ConnectionTo(database);
        options.RejectUnknown();

        Progress($"recreating database {database}");
        await BenchDatabase.RecreateAsync(cs);
        BenchUser platform;
        await using (var provisioning = await InProcessHost.StartAsync(cs))
        {
            platform = await provisioning.PlatformAdminAsync("platform@attack.bench.local");
        }
        // The sign-in throttles stay on, but far above what one client sending thousands of requests meets, so
        // that anonymous routes answer from their own checks rather than 429.
        await using var host = await HostProcess.StartAsync(cs, new Dictionary<string, string>
        {
            ["AuthThrottle__AttemptsPerMinutePerClient"] = "1000000",
            ["AuthThrottle__InvitationsPerMinute"] = "1000000",
            ["AuthThrottle__AcceptsPerMinute"] = "1000000",
            // Likewise the anonymous /try page's ranking limit, so its form answers from its own checks rather than 429.
            ["TryLimiter__RankingsPerMinute"] = "1000000",
        });
        Progress($"host ready in {host.StartedIn.TotalSeconds:F1} s at {host.BaseUrl} (pid {host.ProcessId})");
        using var client = ApiClient.For(host.BaseUrl, concurrency * 2);
        var http = new AttackHttp(client.Http);
        var api = await ApiSurface.LoadAsync(client.Http);
        Progress($"OpenAPI document: {api.Operations.Count} operations; seeding two tenants through the API");
        var cast = await Cast.SeedAsync(http, platform.Email, InProcessHost.Password);
        var ledger = new StreamLedger(cs);
        var clock = Stopwatch.StartNew();
        PageSite? site = null;
        if (attack.StartsWith("page-", StringComparison.Ordinal))
        {
            site = await PageSite.OpenAsync(http, cast, seed);
            Progress($"signed in {site.Sessions.Count} roles by cookie; the pages show {string.Join(", ", site.Forms.Select(f => $"{f.Key}: {f.Value.Count} forms"))}");
        }
        var report = attack switch
        {
            "isolation" => await IsolationFuzz.RunAsync(http, api, cast, ledger, requests, concurrency, seed, Progress),
            "badinput" => await BadInputCorpus.RunAsync(http, api, cast, ledger, requests == 0 ? null : requests, concurrency, seed, Progress),
            "page-isolation" => await PageIsolationFuzz.RunAsync(http, site!, cast, ledger, requests, concurrency, seed, Progress),
            _ => await PageBadInput.RunAsync(http, site!, cast, ledger, requests == 0 ? null : requests, concurrency, seed, Progress),
        };
        Progress($"done in {clock.Elapsed.TotalSeconds:F0} s");

        Console.WriteLine();
        Console.WriteLine($"Machine: {MachineFacts.Describe((await PostgresVersionAsync(cs)))}; load average after: {MachineFacts.LoadAverage()}.");
        Console.WriteLine($"Tenants: {string.Join(", ", cast.Tenants.Select(t => t.Slug))}; roles: {string.Join(", ", cast.Actors)}.");
        Console.WriteLine(report.Describe(maxFindings: 50));
        Console.WriteLine(report.RouteTable());
        if (!report.Clean)
        {
            await Console.Error.WriteLineAsync("Host log (warnings and errors), last lines:\n" + string.Join('\n', host.Log().Split('\n').TakeLast(80)));
        }
        return report.Clean ? 0 : 1;
    }

    private static async Task<string> PostgresVersionAsync(string cs)
    {
        await using var conn = new Npgsql.NpgsqlConnection(cs);
        await conn.OpenAsync();
        return conn.PostgreSqlVersion.ToString();
    }

    private static void Progress(string message) => Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");
}
