using SmartPick.Web.Demo;
using SmartPick.Web.Identity;
using SmartPick.Web.Organizations;

namespace SmartPick.Web.Infrastructure;

/// <summary>
/// Runs once at start, before the app takes traffic: the identity schema and roles, and in Development
/// the demo organization. Idempotent, and safe when several nodes start together.
/// </summary>
public sealed class StartupTasks(IServiceProvider services, IHostEnvironment environment, ILogger<StartupTasks> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await IdentitySchema.EnsureAsync(services, cancellationToken);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OrganizationProvisioner>().EnsureRolesAsync();
        Modules.OnStarted(scope.ServiceProvider);
        if (environment.IsDevelopment())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken);
        }
        logger.LogInformation("Startup tasks done");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
