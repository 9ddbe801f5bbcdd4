using Xunit;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace SmartPick.Browser.Tests;

/// <summary>Why the browser tests cannot run here, or null when they can (checked before any test starts).</summary>
public static class BrowserPrerequisites
{
    public static string ChromiumPath => Environment.GetEnvironmentVariable("SMARTPICK_CHROMIUM") is { Length: > 0 } p ? p : "/usr/bin/chromium";

    public static string? Missing =>
        !File.Exists(ChromiumPath) ? $"Chromium not found at {ChromiumPath} (set SMARTPICK_CHROMIUM)"
        : string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("ConnectionStrings__postgres"))
            ? "ConnectionStrings__postgres is not set; run through ./infra/smartpick test"
            : null;
}

/// <summary>A browser test that skips itself, with the reason, when Chromium or the database is missing.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (BrowserPrerequisites.Missing is { } reason) Skip = reason;
    }
}

/// <summary>
/// The real app as a child process on a free loopback port (a browser cannot reach an in-memory test
/// server), in Development so the demo organization and users exist, plus one headless Chromium.
/// </summary>
public sealed class RunningApp : IAsyncLifetime
{
    public const string Password = "Demo-Password-2026!";
    public const string Advisor = "advisor@demo.smartpick.local";
    public const string OrgAdmin = "admin@demo.smartpick.local";
    public const string Candidate = "candidate@demo.smartpick.local";

    private Process? _app;
    private IPlaywright? _playwright;
    private readonly System.Text.StringBuilder _log = new();

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>
    /// Where screenshots are kept as test artifacts: <c>screenshots</c> under <c>SMARTPICK_ARTIFACTS</c> when set (CI),
    /// otherwise <c>.data/artifacts/screenshots</c> in the repository (not committed).
    /// </summary>
    public string ScreenshotDir { get; } = Path.Combine(
        Environment.GetEnvironmentVariable("SMARTPICK_ARTIFACTS") is { Length: > 0 } artifacts ? Path.GetFullPath(artifacts) : Path.Combine(RepositoryRoot(), ".data", "artifacts"),
        "screenshots");

    public async Task InitializeAsync()
    {
        if (BrowserPrerequisites.Missing is not null) return;
        Directory.CreateDirectory(ScreenshotDir);
        var root = RepositoryRoot();
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var project = Path.Combine(root, "web", "SmartPick.Web");
        var dll = Path.Combine(project, "bin", configuration, "net10.0", "SmartPick.Web.dll");
        if (!File.Exists(dll)) dll = Path.Combine(AppContext.BaseDirectory, "SmartPick.Web.dll");

        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = project, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseUrl);
        start.Environment.Clear();
        foreach (var (key, value) in AppEnvironment(Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
                     .ToDictionary(e => (string)e.Key, e => (string?)e.Value), BaseUrl))
        {
            start.Environment[key] = value;
        }
        _app = Process.Start(start) ?? throw new InvalidOperationException("Could not start the app");
        _app.OutputDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        _app.ErrorDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        _app.BeginOutputReadLine();
        _app.BeginErrorReadLine();

        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            if (_app.HasExited) throw new InvalidOperationException("The app exited during start:\n" + Log());
            try
            {
                if ((await http.GetAsync(BaseUrl + "/health/ready")).StatusCode == HttpStatusCode.OK) break;
            }
            catch (HttpRequestException)
            {
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The app did not become ready in 120 s:\n" + Log());
            await Task.Delay(500);
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserPrerequisites.ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>
    /// The app's whole environment: what a process needs to run at all, taken from the caller, plus this fixture's own
    /// settings. Nothing else is inherited, since the host reads every environment variable as configuration: a caller's
    /// SMARTPICK_DEMO_PASSWORD (or any other setting) must not change what the tests sign in with.
    /// </summary>
    public static Dictionary<string, string?> AppEnvironment(IReadOnlyDictionary<string, string?> caller, string baseUrl)
    {
        string[] needed = ["PATH", "HOME", "USER", "TMPDIR", "TMP", "TEMP", "LANG", "LC_ALL", "DOTNET_ROOT", "DOTNET_ROOT_X64", "SSL_CERT_DIR", "SSL_CERT_FILE"];
        var environment = needed.Where(caller.ContainsKey).ToDictionary(key => key, key => caller[key]);
        environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        environment["DOTNET_NOLOGO"] = "1";
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["ConnectionStrings__postgres"] = caller.GetValueOrDefault("ConnectionStrings__postgres");
        environment["SMARTPICK_DEMO_PASSWORD"] = Password;
        // No Nudges__PublicBaseUrl: links in mail and invitations must follow where the app listens (a free port,
        // never the default 5080) by themselves; the password-reset test follows such a link.
        environment["Hangfire__Server"] = "false";
        environment["Logging__LogLevel__Default"] = "Warning";
        environment["AuthThrottle__SignInsPerMinute"] = "100";
        environment["AuthThrottle__AttemptsPerMinutePerClient"] = "1000";
        return environment;
    }

    public string Log()
    {
        lock (_log) return _log.ToString();
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = width, Height = height } });
        // Generous: the first request to each page compiles its handler code at run time (Development), and CI
        // shares two cores between the app, PostgreSQL and the browser. Assertions do not depend on it.
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async Task<IPage> SignedInAsync(string email, int width = 1280)
    {
        var page = await NewPageAsync(width);
        await page.GotoAsync("/signin");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal),
            new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        return page;
    }

    public Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDir, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is { HasExited: false })
        {
            _app.Kill(entireProcessTree: true);
            await _app.WaitForExitAsync();
        }
        _app?.Dispose();
    }

    /// <summary>
    /// The message of a kind ("password-reset", "invitation": the start of its Message-Id) to <paramref name="address"/>
    /// in the running app's pickup folder (<c>web/SmartPick.Web/.data/mail</c>: the app has no SMTP server here).
    /// </summary>
    public static async Task<MimeKit.MimeMessage> PickedUpMailAsync(string address, string kind)
    {
        var folder = Path.Combine(RepositoryRoot(), "web", "SmartPick.Web", ".data", "mail");
        for (var i = 0; i < 100; i++)
        {
            if (Directory.Exists(folder))
            {
                foreach (var file in Directory.EnumerateFiles(folder, kind + ".*.eml"))
                {
                    var message = await MimeKit.MimeMessage.LoadAsync(file);
                    if (message.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase))) return message;
                }
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"No {kind} mail for {address} in {folder}.");
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SmartPick.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("SmartPick.sln not found above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<RunningApp>
{
    public const string Name = "browser";
}
