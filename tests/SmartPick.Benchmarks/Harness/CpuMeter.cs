using System.Globalization;

namespace SmartPick.Benchmarks.Harness;

/// <summary>CPU seconds spent during a measurement by the host process, the harness itself, all PostgreSQL processes and the whole machine.</summary>
public sealed record CpuUse(double Seconds, double Host, double Harness, double Postgres, double MachineBusy, double MachineTotal)
{
    /// <summary>One line for the report: each part in CPU seconds and as a share of the machine's capacity in that time.</summary>
    public string Describe()
    {
        string Share(double s) => MachineTotal > 0 ? (s / MachineTotal).ToString("P0", CultureInfo.InvariantCulture) : "?";
        return string.Create(CultureInfo.InvariantCulture,
            $"machine busy {Share(MachineBusy)} of {Environment.ProcessorCount} cores; host {Host:F1} s CPU ({Share(Host)}), " +
            $"PostgreSQL {Postgres:F1} s ({Share(Postgres)}), load generator {Harness:F1} s ({Share(Harness)}), " +
            $"other {Math.Max(0, MachineBusy - Host - Postgres - Harness):F1} s over {Seconds:F1} s");
    }
}

/// <summary>Reads /proc before and after a measurement (Linux only; elsewhere it reports zeros).</summary>
public sealed class CpuMeter
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux
    private readonly int _hostPid;
    private readonly Snapshot _start;
    private readonly DateTime _startedAt = DateTime.UtcNow;

    private CpuMeter(int hostPid)
    {
        _hostPid = hostPid;
        _start = Take(hostPid);
    }

    public static CpuMeter Start(int hostPid) => new(hostPid);

    public CpuUse Stop()
    {
        var end = Take(_hostPid);
        return new CpuUse((DateTime.UtcNow - _startedAt).TotalSeconds,
            (end.Host - _start.Host) / TicksPerSecond,
            (end.Self - _start.Self) / TicksPerSecond,
            // PostgreSQL backends come and go; a process that exited in between is not counted (connections are pooled, so few do).
            end.Postgres.Sum(p => p.Value - _start.Postgres.GetValueOrDefault(p.Key)) / TicksPerSecond,
            (end.MachineBusy - _start.MachineBusy) / TicksPerSecond,
            (end.MachineTotal - _start.MachineTotal) / TicksPerSecond);
    }

    private sealed record Snapshot(long Host, long Self, Dictionary<int, long> Postgres, long MachineBusy, long MachineTotal);

    private static Snapshot Take(int hostPid)
    {
        var postgres = new Dictionary<int, long>();
        if (Directory.Exists("/proc"))
        {
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
                if (ProcessTicks(pid) is { } t && t.Command == "postgres") postgres[pid] = t.Ticks;
            }
        }
        var (busy, total) = MachineTicks();
        return new Snapshot(ProcessTicks(hostPid)?.Ticks ?? 0, ProcessTicks(Environment.ProcessId)?.Ticks ?? 0, postgres, busy, total);
    }

    /// <summary>utime + stime of a process, from /proc/PID/stat (the command name is in parentheses and may hold spaces).</summary>
    private static (string Command, long Ticks)? ProcessTicks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var open = stat.IndexOf('(', StringComparison.Ordinal);
            var close = stat.LastIndexOf(')');
            var fields = stat[(close + 2)..].Split(' ');
            // After the command: state is field 3, utime field 14, stime field 15 (1-based in proc(5)).
            return (stat[(open + 1)..close], long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private static (long Busy, long Total) MachineTicks()
    {
        try
        {
            var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(x => long.Parse(x, CultureInfo.InvariantCulture)).ToArray();
            var total = cpu.Take(8).Sum();
            var idle = cpu[3] + cpu[4];
            return (total - idle, total);
        }
        catch (Exception e) when (e is IOException or FormatException)
        {
            return (0, 0);
        }
    }
}
