using Alba;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmartPick.Contracts;
using SmartPick.Web.Organizations;

namespace SmartPick.Benchmarks.Harness;

/// <summary>A staff user the harness created: the email and password it signs in with.</summary>
public sealed record BenchUser(string Email, string Organization);

/// <summary>
/// The real host (its Program.cs: Marten, Wolverine, Identity) booted in this process, for what has no HTTP
/// route: provisioning organizations and their first users, and rebuilding projections. The same
/// configuration as the child process, so nothing is declared twice.
/// </summary>
public sealed class InProcessHost : IAsyncDisposable
{
    public const string Password = "Bench-Password-2026";

    private InProcessHost(IAlbaHost host) => Host = host;

    public IAlbaHost Host { get; }

    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    /// <summary>Boots the host; <c>withoutDaemon</c> leaves out the async daemon (the harness drives projections itself); <c>marten</c> changes a store setting for a comparison.</summary>
    public static async Task<InProcessHost> StartAsync(string connectionString, bool withoutDaemon = false, Action<StoreOptions>? marten = null)
    {
        // The test server finds the web project's folder (its content root) by this variable when no test manifest says where.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SMARTPICK_WEB", Path.Combine(Repository.Root, "web", "SmartPick.Web"));
        var host = await AlbaHost.For<Program>(b =>
        {
            b.UseEnvironment("Benchmark");
            b.UseSetting("ConnectionStrings:postgres", connectionString);
            b.ConfigureAppConfiguration((_, c) => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Hangfire:Server"] = "false",
                ["Logging:LogLevel:Default"] = "Warning",
            }));
            b.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
            if (withoutDaemon) b.ConfigureServices(s => s.MartenDaemonModeIsSolo());
            // A variant of the host's store settings to compare against (applied after the host's own).
            if (marten is not null) b.ConfigureServices(s => s.ConfigureMarten(marten));
        });
        return new InProcessHost(host);
    }

    /// <summary>Organizations <c>{prefix}-1</c>…<c>{prefix}-n</c>, each with one advisor (the product's own provisioning: demo catalog included).</summary>
    public async Task<IReadOnlyList<BenchUser>> ProvisionAsync(string prefix, int organizations)
    {
        var advisors = new List<BenchUser>();
        for (var i = 1; i <= organizations; i++)
        {
            using var scope = Host.Services.CreateScope();
            var provisioner = scope.ServiceProvider.GetRequiredService<OrganizationProvisioner>();
            var slug = $"{prefix}-{i}";
            _ = await provisioner.CreateAsync(slug, $"Benchmark agency {i}", "America/New_York")
                ?? throw new InvalidOperationException($"Organization {slug} already exists in a fresh database");
            var email = $"advisor@{slug}.bench.local";
            await provisioner.CreateUserAsync(email, $"Advisor {i}", Password, SmartPickRoles.Advisor, slug);
            advisors.Add(new BenchUser(email, slug));
        }
        return advisors;
    }

    /// <summary>A platform admin (who belongs to no organization): the one user the API cannot create.</summary>
    public async Task<BenchUser> PlatformAdminAsync(string email)
    {
        using var scope = Host.Services.CreateScope();
        var provisioner = scope.ServiceProvider.GetRequiredService<OrganizationProvisioner>();
        await provisioner.CreateUserAsync(email, "Platform admin", Password, SmartPickRoles.PlatformAdmin, null);
        return new BenchUser(email, "");
    }

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}
