using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using SmartPick.Contracts;
using Wolverine.Http;

namespace SmartPick.Catalog.Programs;

public static class ListCatalogVersions
{
    [EndpointSummary("The catalog's versions, newest first")]
    [WolverineGet("/api/catalog/versions")]
    [Authorize(Policy = SmartPickPolicies.Staff)]
    public static async Task<IReadOnlyList<CatalogVersionEntry>> Get(IQuerySession session, CancellationToken ct) =>
        await session.Query<CatalogVersionEntry>().OrderByDescending(x => x.Number).ToListAsync(ct);
}
