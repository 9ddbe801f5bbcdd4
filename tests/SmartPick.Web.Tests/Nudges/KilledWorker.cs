using System.Diagnostics;
using Shouldly;
using SmartPick.Nudges.Store;
using SmartPick.Web.Tests.Infrastructure;

namespace SmartPick.Web.Tests.Nudges;

/// <summary>
/// A worker process (the built host running <c>nudges sweep</c>) is killed with SIGKILL while it talks to a
/// slow SMTP server, then a new worker runs: no nudge is lost, each is recorded once, and at most the one
/// message in flight at the kill can arrive twice.
/// </summary>
public sealed class KilledWorker(AppFixture app) : NudgeTest(app)
{
    private const string AsOf = "2027-02-18T15:00:00Z";

    [Fact]
    public async Task when_a_worker_is_killed_mid_sweep_a_restarted_worker_loses_no_nudge_and_records_each_once()
    {
        var candidates = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            candidates.Add(await CandidateAsync($"Killed Sweep {i}", Started(2027), Interview(2027, $"IM-{i}")));
        }

        Smtp.DataDelay = TimeSpan.FromSeconds(1.5);
        using (var first = StartWorker())
        {
            await WaitUntilAsync(() => Smtp.Messages.Count >= 2, TimeSpan.FromSeconds(90), first);
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }

        var beforeRestart = Smtp.Messages.Count;
        // Let the claim left by the killed worker go stale (the restarted worker is told 2 seconds).
        await Task.Delay(TimeSpan.FromSeconds(3));
        Smtp.DataDelay = TimeSpan.Zero;
        using (var second = StartWorker())
        {
            var exited = second.WaitForExitAsync();
            (await Task.WhenAny(exited, Task.Delay(TimeSpan.FromMinutes(2)))).ShouldBe(exited, "the restarted worker did not finish");
            second.ExitCode.ShouldBe(0, await second.StandardError.ReadToEndAsync());
        }

        beforeRestart.ShouldBeLessThan(5);
        var keys = candidates.Select(c => $"nudge:{Org.Slug}:{c:N}:rank-list:2027:14d").ToList();
        var received = Smtp.Messages.Select(KeyHeader).ToList();
        foreach (var key in keys)
        {
            received.ShouldContain(key);
            (await DeliveryAsync(key))!.State.ShouldBe(DeliveryState.Sent);
        }

        received.Count.ShouldBeLessThanOrEqualTo(keys.Count + 1);
        received.GroupBy(k => k).Count(g => g.Count() > 1).ShouldBeLessThanOrEqualTo(1);
        foreach (var candidate in candidates)
        {
            (await TimelineNudgesAsync(candidate)).Count.ShouldBe(1);
        }
    }

    private Process StartWorker()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(HostAssembly())!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { HostAssembly(), "nudges", "sweep", "--org", Org.Slug, "--as-of", AsOf })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        start.Environment["ConnectionStrings__postgres"] = Environment.GetEnvironmentVariable("ConnectionStrings__postgres");
        start.Environment["Hangfire__Server"] = "false";
        start.Environment["Nudges__StaleClaimAfter"] = "00:00:02";
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the worker");
        // Drain the output so a chatty worker never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        return process;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, Process worker)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (worker.HasExited)
            {
                throw new InvalidOperationException($"The worker exited early ({worker.ExitCode}): {await worker.StandardError.ReadToEndAsync()}");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The worker did not start sending in time.");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The built host next to this test build: web/SmartPick.Web/bin/{configuration}/{framework}/SmartPick.Web.dll.</summary>
    private static string HostAssembly()
    {
        var baseDirectory = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = baseDirectory.Name;
        var configuration = baseDirectory.Parent!.Name;
        var root = baseDirectory;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "SmartPick.sln")))
        {
            root = root.Parent;
        }

        var path = Path.Combine(root?.FullName ?? throw new InvalidOperationException("SmartPick.sln not found above the test folder"),
            "web", "SmartPick.Web", "bin", configuration, framework, "SmartPick.Web.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the web host first.", path);
    }
}
