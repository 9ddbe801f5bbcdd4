using Marten;
using SmartPick.Advising;
using SmartPick.Advising.Lists;
using SmartPick.Catalog;
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
    }

    public static void ConfigureWolverine(WolverineOptions opts)
    {
        CatalogModule.ConfigureWolverine(opts);
        AdvisingModule.ConfigureWolverine(opts);
    }

    public static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddCatalog();
        services.AddSingleton<ICurrentCatalog, CurrentCatalogFromCatalogModule>();
        services.AddScoped<IOrganizationInitializer, DemoCatalogForNewOrganizations>();
        Pages.PagesSetup.AddServices(services, configuration);
    }

    public static void ConfigureHttp(WolverineHttpOptions opts)
    {
    }

    public static void MapEndpoints(WebApplication app)
    {
        Pages.PagesSetup.MapEndpoints(app);
    }
}
