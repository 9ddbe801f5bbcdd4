using Marten;
using SmartPick.Advising.Views;
using SmartPick.Web.Demo;
using SmartPick.Web.Identity;
using SmartPick.Web.Infrastructure;
using SmartPick.Web.Organizations;

namespace SmartPick.Web.Composition;

/// <summary>
/// Runs once at start, before the app takes traffic: the identity schema and roles, and in Development
/// the demo organization. Idempotent, and safe when several nodes start together.
/// </summary>
/// <remarks>
/// The identity check starts in <see cref="StartingAsync"/>, so it runs beside the event store's schema
/// check instead of after it, and it is one plain query when nothing is missing: EF Core's model is then
/// built by the first request that needs it, not by every start.
/// </remarks>
public sealed class StartupTasks(IServiceProvider services, IHostEnvironment environment, StartupDatabase database, SchemaState schema,
    TimeProvider clock, ILogger<StartupTasks> logger) : IHostedLifecycleService
{
    private Task? _identity;

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        _identity = Task.Run(() => EnsureIdentityAsync(cancellationToken), cancellationToken);
        // Before any daemon starts (every service's StartingAsync runs before any StartAsync). Only a build that
        // has not started on this database before can find the daemon views in an earlier layout.
        if (!schema.IsCurrent && await DaemonViewsStart.PrepareAsync(services.GetRequiredService<IDocumentStore>(), cancellationToken))
        {
            logger.LogWarning("The daemon's views were kept in an earlier layout: cleared, the daemon rebuilds them from the events");
        }
        if (!schema.IsCurrent && await ViewLayouts.PrepareAsync(services.GetRequiredService<IDocumentStore>(), cancellationToken) is { Count: > 0 } rebuilt)
        {
            logger.LogWarning("Views kept in an earlier layout were rebuilt from the events: {Views}", string.Join(", ", rebuilt));
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await (_identity ?? EnsureIdentityAsync(cancellationToken));
        await using var scope = services.CreateAsyncScope();
        if (environment.IsDevelopment())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken);
        }
        logger.LogInformation("Startup tasks done");
    }

    private async Task EnsureIdentityAsync(CancellationToken ct)
    {
        if (await IdentitySchema.IsCompleteAsync(database.ConnectionString, ct)) return;
        await IdentitySchema.EnsureAsync(services, ct);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OrganizationProvisioner>().EnsureRolesAsync();
    }

    /// <summary>
    /// The modules' recurring jobs are registered once the app is listening: registration is idempotent and
    /// the first run is minutes away, so readiness need not wait for it.
    /// </summary>
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(async () =>
        {
            try
            {
                using var scope = services.CreateScope();
                Modules.OnStarted(scope.ServiceProvider);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                logger.LogError(e, "Registering the recurring jobs failed; registration is tried again at the next start");
                return;
            }
            if (!schema.IsCurrent)
            {
                // The full schema check ran and succeeded, and the job storage (which prepares its tables on first use) answered: the next start of this build may skip it.
                try
                {
                    await SchemaFingerprint.RecordAsync(database.ConnectionString, schema.Fingerprint, clock.GetUtcNow());
                }
                catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException)
                {
                    logger.LogWarning(e, "Recording the schema fingerprint failed; the next start checks the whole schema again");
                }
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
