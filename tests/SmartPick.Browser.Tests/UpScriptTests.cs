using System.Diagnostics;
using Npgsql;
using Shouldly;
using Xunit;

namespace SmartPick.Browser.Tests;

/// <summary>
/// `./infra/smartpick up` as a person runs it: the terminal shows the script's few lines and the sign-in details
/// last, the app's own log goes to .data/logs/app.log. Runs against a database of its own, made fresh each time.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class UpScriptTests
{
    [BrowserFact]
    public async Task up_shows_its_own_lines_and_the_sign_in_details_last_and_logs_the_app_to_a_file()
    {
        var root = RunningApp.RepositoryRoot();
        var given = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("ConnectionStrings__postgres"));
        var own = new NpgsqlConnectionStringBuilder(given.ConnectionString) { Database = "smartpick_up_test" };
        await RecreateAsync(given.ConnectionString, own.Database!);
        var port = RunningApp.FreePort();
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = root };
        start.ArgumentList.Add(Path.Combine(root, "infra", "smartpick"));
        start.ArgumentList.Add("up");
        start.Environment["SMARTPICK_HTTP_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["ConnectionStrings__postgres"] = own.ConnectionString;
        start.Environment["SMARTPICK_DEMO_PASSWORD"] = RunningApp.Password;
        start.Environment["Hangfire__Server"] = "false";
        start.Environment.Remove("Nudges__PublicBaseUrl");

        var lines = new List<string>();
        var banner = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Take(string? line)
        {
            if (line is null) return;
            lock (lines)
            {
                lines.Add(line);
                if (line.Contains("candidate@demo.smartpick.local", StringComparison.Ordinal)) banner.TrySetResult();
            }
        }
        using var up = new Process { StartInfo = start };
        up.OutputDataReceived += (_, e) => Take(e.Data);
        up.ErrorDataReceived += (_, e) => Take(e.Data);
        up.Start();
        up.BeginOutputReadLine();
        up.BeginErrorReadLine();
        try
        {
            await banner.Task.WaitAsync(TimeSpan.FromMinutes(4));
            await Task.Delay(1500);
            string[] seen;
            lock (lines) seen = [.. lines.Where(l => l.Trim().Length > 0)];
            var running = Array.FindIndex(seen, l => l.Contains("SmartPick is running:", StringComparison.Ordinal));
            running.ShouldBeGreaterThanOrEqualTo(0, string.Join('\n', seen));
            running.ShouldBeLessThanOrEqualTo(6, "only the script's own lines come before the sign-in details:\n" + string.Join('\n', seen));
            seen[running].ShouldContain($"http://127.0.0.1:{port}");
            seen[^1].ShouldContain("candidate@demo.smartpick.local", customMessage: "the sign-in details are the last thing shown:\n" + string.Join('\n', seen));

            var log = await File.ReadAllLinesAsync(Path.Combine(root, ".data", "logs", "app.log"));
            log.Length.ShouldBeGreaterThan(5, "the app's own log is in .data/logs/app.log");
        }
        finally
        {
            if (!up.HasExited) up.Kill(entireProcessTree: true);
            await up.WaitForExitAsync();
            NpgsqlConnection.ClearAllPools();
            await DropAsync(given.ConnectionString, own.Database!);
        }
    }

    private static async Task RecreateAsync(string connectionString, string database)
    {
        await DropAsync(connectionString, database);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
        await create.ExecuteNonQueryAsync();
    }

    private static async Task DropAsync(string connectionString, string database)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
