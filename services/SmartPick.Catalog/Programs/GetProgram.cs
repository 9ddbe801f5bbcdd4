using Marten;
using Microsoft.AspNetCore.Authorization;
using SmartPick.Contracts;
using Wolverine.Http;

namespace SmartPick.Catalog.Programs;

/// <summary>One program with the catalog version it belongs to (the version an edit may name as expected).</summary>
public sealed record ProgramDetails(string CatalogVersion, ProgramView Program);

public static class GetProgram
{
    // A null result is a 404: the code is not in this organization's catalog.
    [WolverineGet("/api/catalog/programs/{code}")]
    [Authorize(Policy = SmartPickPolicies.Staff)]
    public static async Task<ProgramDetails?> Get(string code, IQuerySession session, CancellationToken ct)
    {
        var entry = await FindAsync(session, code, ct);
        if (entry is null) return null;
        var state = await session.LoadAsync<CatalogState>(CatalogStream.Id, ct);
        return new ProgramDetails(state?.CatalogVersion ?? CatalogState.EmptyVersion, ProgramView.Of(entry.Program));
    }

    /// <summary>The program under its code as written, or in capitals (program codes are upper case).</summary>
    internal static async Task<CatalogEntry?> FindAsync(IQuerySession session, string code, CancellationToken ct) =>
        await session.LoadAsync<CatalogEntry>(code, ct)
        ?? (code == code.ToUpperInvariant() ? null : await session.LoadAsync<CatalogEntry>(code.ToUpperInvariant(), ct));
}
