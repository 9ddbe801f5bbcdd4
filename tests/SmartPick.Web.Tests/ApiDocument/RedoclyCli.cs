using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace SmartPick.Web.Tests.ApiDocument;

/// <summary>
/// Redocly CLI, the OpenAPI linter, installed with npm at a pinned version into a folder of the system's temp
/// directory that later runs reuse (the first install takes a few seconds; the package bundles its dependencies).
/// </summary>
public static class RedoclyCli
{
    public const string Version = "2.77.0";

    private static readonly string Folder = Path.Combine(Path.GetTempPath(), $"smartpick-redocly-cli-{Version}");
    private static string Cli => Path.Combine(Folder, "node_modules", "@redocly", "cli", "bin", "cli.js");

    /// <summary>Why the linter cannot run here, or null when it can.</summary>
    public static string? Missing => OnPath("npm") && OnPath("node") ? null : "npm and node are not on PATH, so Redocly CLI cannot be installed";

    /// <summary>The problems of <paramref name="documentPath"/> under the recommended ruleset (the linter's JSON report).</summary>
    public static async Task<JsonElement> LintAsync(string documentPath)
    {
        await EnsureInstalledAsync();
        // Run from the document's folder, so no configuration file of anyone else's is picked up.
        var (exit, stdout, stderr) = await RunAsync("node", Path.GetDirectoryName(documentPath)!, TimeSpan.FromMinutes(2),
            Cli, "lint", "--extends", "recommended", "--format", "json", "--max-problems", "1000", documentPath);
        try
        {
            return JsonDocument.Parse(stdout).RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new InvalidOperationException($"Redocly CLI exited with {exit} without a JSON report.\nstdout: {stdout}\nstderr: {stderr}");
        }
    }

    private static async Task EnsureInstalledAsync()
    {
        if (File.Exists(Cli)) return;
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
        // Installed beside the final folder and moved into place, so a run that stops half-way leaves nothing half-installed.
        var staging = Folder + "-" + Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(staging);
        try
        {
            var (exit, stdout, stderr) = await RunAsync("npm", staging, TimeSpan.FromMinutes(5),
                "install", "--prefix", staging, "--no-audit", "--no-fund", "--no-package-lock", "--loglevel=error", $"@redocly/cli@{Version}");
            if (exit != 0) throw new InvalidOperationException($"npm install @redocly/cli@{Version} failed ({exit}).\n{stdout}\n{stderr}");
            if (!File.Exists(Cli)) Directory.Move(staging, Folder);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string file, string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // The linter reports nothing home, and does not look for a newer version of itself.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} ran longer than {timeout}.");
        }
        return (process.ExitCode, await stdout, await stderr);
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, program)));

    /// <summary>One line per problem: severity, rule, where, what.</summary>
    public static string Describe(JsonElement report)
    {
        var text = new StringBuilder();
        foreach (var problem in report.GetProperty("problems").EnumerateArray())
        {
            var where = problem.GetProperty("location").EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } l
                && l.TryGetProperty("pointer", out var p) ? p.GetString() : "";
            text.AppendLine($"{problem.GetProperty("severity").GetString()} {problem.GetProperty("ruleId").GetString()} {where}: {problem.GetProperty("message").GetString()}");
        }
        return text.ToString();
    }
}

/// <summary>A test that needs Redocly CLI; it skips, with the reason, where npm is not installed.</summary>
public sealed class RedoclyFactAttribute : FactAttribute
{
    public RedoclyFactAttribute()
    {
        if (RedoclyCli.Missing is { } reason) Skip = reason;
    }
}
