using SmartPick.Web.Mail;
using Marten;
using SmartPick.Advising;
using SmartPick.Advising.Lists;
using SmartPick.Catalog;
using SmartPick.Nudges;
using SmartPick.Nudges.Store;
using SmartPick.Web.Composition;
using SmartPick.Web.Organizations;
using Wolverine;
using Wolverine.Http;

namespace SmartPick.Web;

/// <summary>Where the host plugs in the product's modules (catalog, advising, nudges, pages), in one place.</summary>
public static class Modules
{
    public static void ConfigureMarten(StoreOptions opts)
    {
        CatalogModule.ConfigureMarten(opts);
        AdvisingModule.ConfigureMarten(opts);
        NudgesModule.ConfigureMarten(opts);
    }

    public static void ConfigureWolverine(WolverineOptions opts)
    {
        CatalogModule.ConfigureWolverine(opts);
        AdvisingModule.ConfigureWolverine(opts);
        NudgesModule.ConfigureWolverine(opts);
    }

    public static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddCatalog();
        services.AddSingleton<ICurrentCatalog, CurrentCatalogFromCatalogModule>();
        services.AddAdvising();
        services.AddScoped<IOrganizationInitializer, DemoCatalogForNewOrganizations>();
        services.AddScoped<Demo.IDemoDataSeeder, Demo.DemoCohort>();
        services.AddSingleton<IOrganizationSettings, OrganizationSettingsFromIdentity>();
        services.AddSingleton<Mail.IOrganizationMailRelay, OrganizationMailRelayFromNudges>();
        NudgesModule.AddNudges(services, configuration);
        Pages.PagesSetup.AddServices(services, configuration);
    }

    /// <summary>Runs once the schema exists: recurring jobs.</summary>
    public static void OnStarted(IServiceProvider services) => NudgesModule.MapJobs(services);

    public static void ConfigureHttp(WolverineHttpOptions opts)
    {
        // '?page=abc' is a 400, not a silent default.
        opts.RejectUnparseableQueryValues = true;
        opts.RejectUnparseableHeaderValues = true;
        // A safety net behind the slices' own version checks: a lost race on a stream is a 409, never a 500.
        opts.MapConcurrencyFailuresToConflict(_ => true, e => new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "Someone else changed this at the same moment",
            Detail = "Nothing was recorded. Reload and try again.",
        });
    }

    public static void MapEndpoints(WebApplication app)
    {
        SmartPick.Advising.Queries.CandidateFileRoutes.MapCandidateFileReads(app);
        Pages.PagesSetup.MapEndpoints(app);
    }
}
