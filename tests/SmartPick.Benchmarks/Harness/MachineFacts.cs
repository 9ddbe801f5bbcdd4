using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace SmartPick.Benchmarks.Harness;

/// <summary>What a figure was measured on: cores, CPU, memory, runtime, commit and the load average around it.</summary>
public static class MachineFacts
{
    public static string LoadAverage()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"{parts[0]} / {parts[1]} / {parts[2]}";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    /// <summary>The one-minute load average, to warn when the machine is busy before a measurement.</summary>
    public static double OneMinuteLoad()
    {
        try
        {
            return double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }

    public static string Describe(string? postgresVersion)
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : "unknown CPU";
        var memory = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal", StringComparison.Ordinal)) is { } line
                ? $"{long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024 / 1024} GiB"
                : "?"
            : "?";
        return $"{Environment.ProcessorCount} cores ({cpu}), {memory}, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}" +
               (postgresVersion is null ? "" : $", PostgreSQL {postgresVersion}") +
               $", {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC, commit {Commit()}";
    }

    /// <summary>The tree's commit, marked "+changes" when the working tree differs from it.</summary>
    public static string Commit()
    {
        var head = Git("rev-parse --short HEAD");
        if (head is null) return "unknown";
        var dirty = Git("status --porcelain --untracked-files=no -- services web shared tests/SmartPick.Benchmarks");
        return string.IsNullOrWhiteSpace(dirty) ? head : head + " +changes";
    }

    private static string? Git(string arguments)
    {
        try
        {
            var start = new ProcessStartInfo("git", arguments)
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
                WorkingDirectory = Repository.Root,
            };
            using var git = Process.Start(start);
            if (git is null) return null;
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}

/// <summary>The repository root: the folder above the harness that holds SmartPick.sln.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SmartPick.sln"))) return dir.FullName;
        }
        throw new HarnessUsageException("SmartPick.sln not found above " + AppContext.BaseDirectory);
    }
}
