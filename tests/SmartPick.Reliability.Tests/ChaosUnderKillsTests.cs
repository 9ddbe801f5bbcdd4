using System.Diagnostics;
using Npgsql;
using Shouldly;
using SmartPick.Benchmarks.Attack;
using SmartPick.Benchmarks.Harness;
using Xunit;
using Xunit.Abstractions;

namespace SmartPick.Reliability.Tests;

/// <summary>A test that needs PostgreSQL, and skips itself (saying why) when <c>ConnectionStrings__postgres</c> is not set.</summary>
public sealed class DatabaseFactAttribute : FactAttribute
{
    public DatabaseFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("ConnectionStrings__postgres")))
            Skip = "ConnectionStrings__postgres is not set; run through ./infra/smartpick test";
    }
}

/// <summary>
/// <c>attack chaos</c> at CI size: SIGKILLs under mixed load (notes, USCE that regenerate lists through the durable
/// queue, new files whose rank-list nudge is due) of the Release host the test build made, each with a nudge sweep
/// worker killed beside it. With nginx installed, two hosts on one database behind it, one of them killed in each of two
/// rounds (first the one running the async daemon) while the other carries the load; without it, the single host, killed
/// and restarted three times (the output says which ran). A fresh database every run; the hosts get an environment of their own, not
/// the caller's.
/// </summary>
public sealed class ChaosUnderKillsTests(ITestOutputHelper output)
{
    [DatabaseFact]
    public async Task kills_under_load_lose_no_acknowledged_write_leave_no_gap_or_dead_letter_and_send_a_nudge_twice_at_most_once_per_kill()
    {
        var hosts = NginxProxy.Find() is null ? 1 : 2;
        // Two kills with two hosts (the lock holder's, then either), three of the single host: each costs a host start.
        var kills = hosts == 2 ? 2 : 3;
        output.WriteLine(hosts == 2
            ? "nginx found: two hosts behind it, one killed each round"
            : "nginx not installed, so the single-host variant runs (" + NginxProxy.InstallHint + ")");
        var cs = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("ConnectionStrings__postgres")) { Database = "smartpick_bench_chaos_ci" }.ConnectionString;
        var clock = Stopwatch.StartNew();

        var result = await ChaosCommand.RunAsync(
            new ChaosSettings(cs, Kills: kills, Files: 4, Clients: 2, Seed: 7, Hosts: hosts, OutageEvery: 0, HangfireJobs: false),
            message => output.WriteLine($"[{clock.Elapsed.TotalSeconds,6:F1} s] {message}"));

        output.WriteLine(result.Describe());
        var figures = result.Figures;
        result.Ledger.Count.ShouldBeGreaterThan(0, "no write was acknowledged: the load never ran");
        figures.FilesLost.ShouldBe(0);
        figures.NotesLost.ShouldBe(0);
        figures.UsceLost.ShouldBe(0);
        figures.StreamsWithGaps.ShouldBe(0);
        figures.ListsNotRegenerated.ShouldBe(0);
        figures.DeadLetters.ShouldBe(0);
        figures.InboxNotHandled.ShouldBe(0);
        figures.NudgesLost.ShouldBe(0);
        figures.DuplicateNudges.ShouldBeLessThanOrEqualTo(kills);
        if (hosts == 2) result.Handovers.Sum(h => h.WritesWhileDown).ShouldBeGreaterThan(0, "no write was acknowledged while one host was dead: the survivor carried nothing");
    }
}
