using Marten;
using Microsoft.AspNetCore.Authorization;
using SmartPick.Contracts;
using Wolverine.Http;

namespace SmartPick.Catalog.Programs;

public static class ListCatalogVersions
{
    /// <summary>The organization's catalog versions, newest first.</summary>
    [WolverineGet("/api/catalog/versions")]
    [Authorize(Policy = SmartPickPolicies.Staff)]
    public static async Task<IReadOnlyList<CatalogVersionEntry>> Get(IQuerySession session, CancellationToken ct) =>
        await session.Query<CatalogVersionEntry>().OrderByDescending(x => x.Number).ToListAsync(ct);
}
