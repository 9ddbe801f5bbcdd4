using Marten;
using SmartPick.Advising.Lists;
using SmartPick.Catalog.Programs;
using SmartPick.Web.Organizations;

namespace SmartPick.Web.Composition;

/// <summary>Gives the advising module the organization's current catalog from the catalog module.</summary>
public sealed class CurrentCatalogFromCatalogModule(OrganizationCatalogs catalogs) : ICurrentCatalog
{
    public Task<SmartPick.Matching.Model.Catalog> ForTenantAsync(IQuerySession session, CancellationToken ct) =>
        catalogs.CurrentAsync(session, ct);
}

/// <summary>A new organization starts from the generated demo catalog, labelled demo.</summary>
public sealed class DemoCatalogForNewOrganizations(IDocumentStore store, OrganizationCatalogs catalogs) : IOrganizationInitializer
{
    public async Task InitializeAsync(string organizationId, CancellationToken ct)
    {
        await using var session = store.LightweightSession(organizationId);
        await catalogs.SeedDemoAsync(session, ct);
    }
}
