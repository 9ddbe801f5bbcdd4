using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SmartPick.Benchmarks.Harness;

/// <summary>
/// A process the harness starts and owns (a host, nginx): what it prints is kept (the last ~200 KB), and it is killed
/// with its children when the harness ends, also on Ctrl+C or SIGTERM, so no run leaves one behind.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private ChildProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
        Console.CancelKeyPress += (_, _) => Stop();
    }

    /// <summary>Starts <paramref name="start"/> with its output and error redirected and kept.</summary>
    public static ChildProcess Start(ProcessStartInfo start, string what)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        return new ChildProcess(Process.Start(start) ?? throw new InvalidOperationException($"Could not start {what}"));
    }

    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    /// <summary>What the process printed (the last ~200 KB: enough to explain a failure, bounded over a long run).</summary>
    public string Output()
    {
        lock (_log) return _log.ToString();
    }

    /// <summary>SIGKILL to the process and its children, as a crash or an out-of-memory kill would end it.</summary>
    public async Task KillAsync()
    {
        Stop();
        await _process.WaitForExitAsync();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log)
        {
            if (_log.Length > 200_000) _log.Remove(0, 100_000);
            _log.AppendLine(line);
        }
    }

    private void Stop()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    /// <summary>A loopback port free at the moment of asking.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
