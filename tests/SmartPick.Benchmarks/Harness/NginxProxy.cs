using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SmartPick.Benchmarks.Harness;

/// <summary>
/// Debian's nginx as a reverse proxy in front of several hosts on loopback ports, run in the foreground as a child
/// process with everything it writes (configuration, pid, logs, temporary files) in a temporary folder of its own.
/// A request that cannot reach a host (connection refused or timed out) goes to the next one only when nginx may
/// repeat it: nginx never passes a POST, PATCH or LOCK on to a second host once it was sent to a first (its default,
/// kept here; no <c>non_idempotent</c>), so a write is never applied twice by the proxy. GET, HEAD, PUT, DELETE and
/// OPTIONS are repeated on the other host, as HTTP allows for idempotent methods.
/// </summary>
public sealed class NginxProxy : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private readonly string _folder;

    private NginxProxy(ChildProcess process, string folder, string baseUrl)
    {
        _process = process;
        _folder = folder;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public const string InstallHint = "nginx is not installed; install Debian's with 'apt-get install -y nginx' (as root, or with sudo), or set SMARTPICK_NGINX to its path.";

    /// <summary>The nginx binary (<c>SMARTPICK_NGINX</c>, else <c>/usr/sbin/nginx</c> or one on PATH), or null when there is none.</summary>
    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable("SMARTPICK_NGINX") is { Length: > 0 } given) return File.Exists(given) ? given : null;
        var candidates = new[] { "/usr/sbin/nginx" }
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Select(d => Path.Combine(d, "nginx")));
        return candidates.FirstOrDefault(File.Exists);
    }

    /// <summary>The configuration: one upstream of <paramref name="hostPorts"/>, a dead host left out for 2 s after one failure.</summary>
    public static string Configuration(string folder, int port, IEnumerable<int> hostPorts, bool asRoot)
    {
        var servers = string.Concat(hostPorts.Select(p => $"    server 127.0.0.1:{p.ToString(CultureInfo.InvariantCulture)} max_fails=1 fail_timeout=2s;\n"));
        return $$"""
            # Written by the SmartPick harness (NginxProxy) for one run.
            {{(asRoot ? "user root;" : "")}}
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 1024; }
            http {
              access_log off;
              client_body_temp_path {{folder}}/client_body;
              proxy_temp_path {{folder}}/proxy;
              fastcgi_temp_path {{folder}}/fastcgi;
              uwsgi_temp_path {{folder}}/uwsgi;
              scgi_temp_path {{folder}}/scgi;
              upstream smartpick {
            {{servers}}    keepalive 16;
              }
              server {
                listen 127.0.0.1:{{port.ToString(CultureInfo.InvariantCulture)}};
                location / {
                  proxy_pass http://smartpick;
                  proxy_http_version 1.1;
                  proxy_set_header Connection "";
                  proxy_set_header Host $host;
                  proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                  proxy_set_header X-Forwarded-Proto $scheme;
                  proxy_connect_timeout 2s;
                  proxy_read_timeout 60s;
                  # Only what nginx may repeat goes to the other host: not POST, PATCH or LOCK once sent (no non_idempotent).
                  proxy_next_upstream error timeout;
                  proxy_next_upstream_tries 2;
                }
              }
            }
            """;
    }

    public static async Task<NginxProxy> StartAsync(IReadOnlyList<int> hostPorts)
    {
        var nginx = Find() ?? throw new HarnessUsageException(InstallHint);
        var folder = Directory.CreateTempSubdirectory("smartpick-nginx-").FullName;
        var port = ChildProcess.FreePort();
        var conf = Path.Combine(folder, "nginx.conf");
        // Run as root, nginx's workers would otherwise be "nobody", who cannot enter this folder.
        var asRoot = Environment.UserName == "root";
        await File.WriteAllTextAsync(conf, Configuration(folder, port, hostPorts, asRoot));
        var start = new ProcessStartInfo(nginx);
        foreach (var argument in new[] { "-p", folder, "-c", conf, "-e", Path.Combine(folder, "error.log"), "-g", "daemon off;" }) start.ArgumentList.Add(argument);
        var process = ChildProcess.Start(start, "nginx");
        var proxy = new NginxProxy(process, folder, $"http://127.0.0.1:{port}");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"nginx exited during start ({process.ExitCode}):\n{proxy.Log()}");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return proxy;
            }
            catch (SocketException)
            {
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException("nginx did not listen in 20 s:\n" + proxy.Log());
            await Task.Delay(100);
        }
    }

    /// <summary>What nginx printed, and its error log.</summary>
    public string Log()
    {
        var errors = Path.Combine(_folder, "error.log");
        return _process.Output() + (File.Exists(errors) ? File.ReadAllText(errors) : "");
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
