using System.Diagnostics;
using System.Net;

namespace SmartPick.Benchmarks.Harness;

/// <summary>
/// The Release build of SmartPick.Web as a child process on a free loopback port, against the harness's
/// database. Environment "Benchmark": not Development (no demo organization), not Production (so, like a
/// development or test node: run-time code generation, and Solo durability and daemon unless the settings give
/// <c>Cluster__Enabled</c>). The job server is off unless the settings turn it on, and logging is at Warning, so that
/// neither competes with the requests being measured.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    public string BaseUrl { get; }
    public string Name { get; }
    public int Port => new Uri(BaseUrl).Port;
    public int ProcessId => _process.Id;
    public bool HasExited => _process.HasExited;
    public TimeSpan StartedIn { get; private set; }

    private HostProcess(ChildProcess process, string baseUrl, string name)
    {
        _process = process;
        BaseUrl = baseUrl;
        Name = name;
    }

    /// <summary>
    /// Starts the host; <paramref name="settings"/> are extra configuration values (environment variable names).
    /// <paramref name="name"/> names it in the database (its sessions' application name, <c>smartpick-{name}</c>), and
    /// <paramref name="port"/> is where it listens (a free one when not given; a restarted host keeps its port behind a proxy).
    /// </summary>
    public static async Task<HostProcess> StartAsync(string connectionString, IReadOnlyDictionary<string, string>? settings = null,
        string? name = null, int? port = null)
    {
        var url = $"http://127.0.0.1:{port ?? ChildProcess.FreePort()}";
        var start = Command(connectionString, settings, name, [WebDll, "--urls", url]);
        var clock = Stopwatch.StartNew();
        var process = ChildProcess.Start(start, "the host");
        var host = new HostProcess(process, url, name ?? "host");
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
    public Task KillAsync() => _process.KillAsync();

    /// <summary>The host's output (warnings and errors only, at the level it runs with).</summary>
    public string Log() => _process.Output();

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    /// <summary>The Release build of the web host, as built by <c>dotnet run -c Release</c> or the test build.</summary>
    public static string WebDll
    {
        get
        {
            var dll = Path.Combine(Repository.Root, "web", "SmartPick.Web", "bin", "Release", "net10.0", "SmartPick.Web.dll");
            return File.Exists(dll)
                ? dll
                : throw new HarnessUsageException($"{dll} is missing: run the harness with 'dotnet run -c Release', which builds the host in Release.");
        }
    }

    /// <summary>
    /// A command of the web host (serving, or a verb such as <c>nudges sweep</c>) in environment "Benchmark", with an
    /// environment of its own: only what a process needs to run is taken from the caller, since the host reads every
    /// environment variable as configuration (a caller's <c>Smtp__Host</c> or <c>SMARTPICK_DEMO_PASSWORD</c> must not
    /// change a run).
    /// </summary>
    public static ProcessStartInfo Command(string connectionString, IReadOnlyDictionary<string, string>? settings, string? name, IEnumerable<string> arguments)
    {
        var project = Path.Combine(Repository.Root, "web", "SmartPick.Web");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = project, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        string[] needed = ["PATH", "HOME", "USER", "TMPDIR", "LANG", "LC_ALL", "DOTNET_ROOT", "DOTNET_ROOT_X64", "SSL_CERT_DIR", "SSL_CERT_FILE"];
        var caller = start.Environment.ToDictionary(e => e.Key, e => e.Value);
        start.Environment.Clear();
        foreach (var key in needed.Where(caller.ContainsKey)) start.Environment[key] = caller[key];
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Benchmark";
        start.Environment["DOTNET_ENVIRONMENT"] = "Benchmark";
        start.Environment["ConnectionStrings__postgres"] = name is null
            ? connectionString
            : new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = "smartpick-" + name }.ConnectionString;
        start.Environment["Hangfire__Server"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // The harness signs in a handful of users many times over a run.
        start.Environment["AuthThrottle__SignInsPerMinute"] = "10000";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) start.Environment[key] = value;
        return start;
    }
}
