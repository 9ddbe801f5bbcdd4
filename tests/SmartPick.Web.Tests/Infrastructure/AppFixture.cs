using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Alba;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmartPick.Contracts;
using SmartPick.Web.Organizations;
using Wolverine;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace SmartPick.Web.Tests.Infrastructure;

/// <summary>
/// One host for the whole assembly, on the real PostgreSQL named by <c>ConnectionStrings__postgres</c>
/// (the entry script's test command sets it). Tests isolate their data by creating their own organizations
/// (tenants) rather than wiping the database between tests.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    public const string Password = "Test-Password-123";
    private readonly Dictionary<string, string> _tokens = [];

    public IAlbaHost Host { get; private set; } = null!;

    /// <summary>Where mail without a relay is written during this run (a fresh folder, removed at the end).</summary>
    public string MailFolder { get; } = Path.Combine(Path.GetTempPath(), "smartpick-test-mail-" + Guid.NewGuid().ToString("N"));

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public async Task InitializeAsync()
    {
        var cs = Environment.GetEnvironmentVariable("ConnectionStrings__postgres");
        if (string.IsNullOrWhiteSpace(cs))
        {
            throw new InvalidOperationException(
                "ConnectionStrings__postgres is not set. Run the suite through ./infra/smartpick test, which starts PostgreSQL and sets it.");
        }
        Host = await AlbaHost.For<Program>(b =>
        {
            b.UseEnvironment("Testing");
            b.UseSetting("ConnectionStrings:postgres", cs);
            b.ConfigureAppConfiguration((_, c) => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Hangfire:Server"] = "false",
                ["AuthThrottle:SignInsPerMinute"] = "10",
                // Tests that sign in without a client address share one; TokenAsync gives each user its own.
                ["AuthThrottle:AttemptsPerMinutePerClient"] = "100",
                // Mail without a relay (invitations of organizations without one) lands in a folder of this run.
                ["Nudges:MailFolder"] = MailFolder,
            }));
            b.ConfigureServices(s => s.RunWolverineInSoloMode());
        });
    }

    public async Task DisposeAsync()
    {
        if (Directory.Exists(MailFolder)) Directory.Delete(MailFolder, recursive: true);
        if (Host is not null) await Host.DisposeAsync();
    }

    /// <summary>A fresh organization (tenant) with a unique slug.</summary>
    public async Task<TestOrg> CreateOrgAsync(string prefix = "org")
    {
        using var scope = Host.Services.CreateScope();
        var provisioner = scope.ServiceProvider.GetRequiredService<OrganizationProvisioner>();
        var slug = $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(40, prefix.Length + 13)];
        var org = await provisioner.CreateAsync(slug, $"Test agency {slug}", "America/New_York")
                  ?? throw new InvalidOperationException("slug clash");
        return new TestOrg(org.Id);
    }

    /// <summary>A user in <paramref name="org"/> with <paramref name="role"/> (a candidate names their file).</summary>
    public async Task<TestUser> CreateUserAsync(TestOrg? org, string role, Guid? candidateId = null, string? name = null)
    {
        using var scope = Host.Services.CreateScope();
        var provisioner = scope.ServiceProvider.GetRequiredService<OrganizationProvisioner>();
        var email = $"{role}-{Guid.NewGuid():N}@test.smartpick.local";
        var user = await provisioner.CreateUserAsync(email, name ?? $"Test {role}", Password, role, org?.Slug, candidateId);
        return new TestUser(user.Id, email, role, org);
    }

    public Task<TestUser> AdvisorAsync(TestOrg org) => CreateUserAsync(org, SmartPickRoles.Advisor);
    public Task<TestUser> OrgAdminAsync(TestOrg org) => CreateUserAsync(org, SmartPickRoles.OrgAdmin);
    public Task<TestUser> PlatformAdminAsync() => CreateUserAsync(null, SmartPickRoles.PlatformAdmin);

    /// <summary>Signs in through <c>POST /api/auth/login</c> (once per user) and returns the bearer token.</summary>
    public async Task<string> TokenAsync(TestUser user)
    {
        if (_tokens.TryGetValue(user.Email, out var cached)) return cached;
        var address = ClientAddress();
        var result = await Host.Scenario(x =>
        {
            x.Post.Json(new { email = user.Email, password = Password }).ToUrl("/api/auth/login");
            x.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = address);
            x.StatusCodeShouldBe(200);
        });
        var token = (await result.ReadAsJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
        _tokens[user.Email] = token;
        return token;
    }

    /// <summary>Signs in with <c>?use_cookies=true</c> and returns the sign-in cookie as a Cookie header value.</summary>
    public async Task<string> SignInCookieAsync(TestUser user)
    {
        var result = await Host.Scenario(x =>
        {
            x.Post.Json(new { email = user.Email, password = Password }).ToUrl("/api/auth/login").QueryString("use_cookies", "true");
            x.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = ClientAddress());
            x.StatusCodeShouldBe(204);
        });
        return result.Context.Response.Headers.SetCookie.ToString().Split(';')[0];
    }

    private static int _clients;

    /// <summary>A client address no other sign-in of this run used (the sign-in throttles count per address).</summary>
    public static System.Net.IPAddress ClientAddress()
    {
        var n = Interlocked.Increment(ref _clients);
        return new System.Net.IPAddress([10, (byte)(n >> 16), (byte)(n >> 8), (byte)n]);
    }

    /// <summary>Opens a Marten session in a tenant, for arranging or checking data directly.</summary>
    public IDocumentSession Session(TestOrg org) => Host.Services.GetRequiredService<IDocumentStore>().LightweightSession(org.Slug);
}

public sealed record TestOrg(string Slug);

public sealed record TestUser(string Id, string Email, string Role, TestOrg? Org);

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app";
}

/// <summary>Base for scenario tests: the shared host plus sign-in helpers.</summary>
[Collection(AppCollection.Name)]
public abstract class AppTest(AppFixture app)
{
    protected AppFixture App { get; } = app;
    protected IAlbaHost Host => App.Host;

    /// <summary>Runs a scenario as <paramref name="user"/> (bearer token from the real sign-in).</summary>
    protected async Task<IScenarioResult> As(TestUser user, Action<Scenario> configure)
    {
        var token = await App.TokenAsync(user);
        return await Host.Scenario(x =>
        {
            x.WithRequestHeader("Authorization", $"Bearer {token}");
            configure(x);
        });
    }
}
