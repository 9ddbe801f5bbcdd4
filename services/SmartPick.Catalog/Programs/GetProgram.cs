using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using SmartPick.Contracts;
using Wolverine.Http;

namespace SmartPick.Catalog.Programs;

/// <summary>One program with the catalog version it belongs to (the version an edit may name as expected).</summary>
public sealed record ProgramDetails(string CatalogVersion, ProgramView Program);

public static class GetProgram
{
    // A null result is a 404: the code is not in this organization's catalog.
    [EndpointSummary("One program of the catalog, with the catalog version it belongs to")]
    [WolverineGet("/api/catalog/programs/{code}")]
    [Authorize(Policy = SmartPickPolicies.Staff)]
    public static Task<ProgramDetails?> Get(string code, IQuerySession session, OrganizationCatalogs catalogs, CancellationToken ct) =>
        CatalogReads.ProgramAsync(code, session, catalogs, ct);
}
