using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using SmartPick.Catalog.Programs;
using Wolverine;

namespace SmartPick.Catalog;

/// <summary>Registers the catalog module with the host: documents and the catalog stream's snapshot, handlers, services.</summary>
public static class CatalogModule
{
    public static void ConfigureMarten(StoreOptions opts)
    {
        ArgumentNullException.ThrowIfNull(opts);
        opts.Projections.Snapshot<CatalogState>(SnapshotLifecycle.Inline);
        opts.Schema.For<CatalogState>().MultiTenanted();
        opts.Schema.For<CatalogContent>().MultiTenanted();
        opts.Schema.For<CatalogVersionEntry>().MultiTenanted().Index(x => x.Number);
        opts.Schema.For<CatalogImport>().MultiTenanted();
    }

    public static void ConfigureWolverine(WolverineOptions opts)
    {
        ArgumentNullException.ThrowIfNull(opts);
        opts.Discovery.IncludeAssembly(typeof(CatalogModule).Assembly);
    }

    public static void AddCatalog(this IServiceCollection services)
    {
        services.AddSingleton<OrganizationCatalogs>();
        services.AddScoped<CatalogWrites>();
    }
}
