using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SmartPick.Benchmarks.Harness;

/// <summary>
/// The Release build of SmartPick.Web as a child process on a free loopback port, against the harness's
/// database. Environment "Benchmark": not Development (no demo organization), not Production (so, like a
/// development or test node: run-time code generation, Solo durability and daemon). The job server is off
/// and logging is at Warning so that neither competes with the requests being measured.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    public string BaseUrl { get; }
    public int ProcessId => _process.Id;
    public TimeSpan StartedIn { get; private set; }

    private HostProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        // A harness stopped with Ctrl+C or SIGTERM takes its host down with it.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
        Console.CancelKeyPress += (_, _) => Stop();
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

    /// <summary>Starts the host; <paramref name="settings"/> are extra configuration values (environment variable names).</summary>
    public static async Task<HostProcess> StartAsync(string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        var project = Path.Combine(Repository.Root, "web", "SmartPick.Web");
        var dll = Path.Combine(project, "bin", "Release", "net10.0", "SmartPick.Web.dll");
        if (!File.Exists(dll))
        {
            throw new HarnessUsageException($"{dll} is missing: run the harness with 'dotnet run -c Release', which builds the host in Release.");
        }
        var url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = project, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(url);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Benchmark";
        start.Environment["ConnectionStrings__postgres"] = connectionString;
        start.Environment["Hangfire__Server"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // The harness signs in a handful of users many times over a run.
        start.Environment["AuthThrottle__SignInsPerMinute"] = "10000";
        start.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
        foreach (var (name, value) in settings ?? new Dictionary<string, string>()) start.Environment[name] = value;

        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the host");
        var host = new HostProcess(process, url);
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(180);
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException("The host exited during start:\n" + host.Log());
            try
            {
                if ((await http.GetAsync(url + "/health/ready")).StatusCode == HttpStatusCode.OK) break;
            }
            catch (HttpRequestException)
            {
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The host did not become ready in 180 s:\n" + host.Log());
            await Task.Delay(250);
        }
        host.StartedIn = clock.Elapsed;
        return host;
    }

    /// <summary>SIGKILL, as a crash or an out-of-memory kill would end it: no shutdown hook, no drain.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>The host's output (warnings and errors only, at the level it runs with).</summary>
    public string Log()
    {
        lock (_log) return _log.ToString();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log)
        {
            // Keep the last ~200 KB: enough to explain a failure, bounded over a long run.
            if (_log.Length > 200_000) _log.Remove(0, 100_000);
            _log.AppendLine(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
