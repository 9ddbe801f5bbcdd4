using Marten;
using Microsoft.AspNetCore.Authorization;
using SmartPick.Contracts;
using SmartPick.Matching.Model;
using Wolverine.Http;

namespace SmartPick.Catalog.Programs;

using Catalog = SmartPick.Matching.Model.Catalog;

/// <summary>One program with the catalog version it belongs to (the version an edit may name as expected).</summary>
public sealed record ProgramDetails(string CatalogVersion, ProgramView Program);

public static class GetProgram
{
    // A null result is a 404: the code is not in this organization's catalog.
    [WolverineGet("/api/catalog/programs/{code}")]
    [Authorize(Policy = SmartPickPolicies.Staff)]
    public static async Task<ProgramDetails?> Get(string code, IQuerySession session, OrganizationCatalogs catalogs, CancellationToken ct)
    {
        var catalog = await catalogs.CurrentAsync(session, ct);
        return Find(catalog, code) is { } program ? new ProgramDetails(catalog.Version, ProgramView.Of(program)) : null;
    }

    /// <summary>Program codes are matched regardless of letter case, as the sheet reader does.</summary>
    internal static CatalogProgram? Find(Catalog catalog, string code) =>
        catalog.Programs.FirstOrDefault(p => string.Equals(p.ProgramCode, code.Trim(), StringComparison.OrdinalIgnoreCase));
}
