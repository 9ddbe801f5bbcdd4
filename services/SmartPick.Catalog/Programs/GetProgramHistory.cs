using Marten;
using Microsoft.AspNetCore.Authorization;
using SmartPick.Contracts;
using Wolverine.Http;

namespace SmartPick.Catalog.Programs;

/// <summary>A program's change history, newest first.</summary>
public sealed record ProgramHistory(string ProgramCode, bool InCurrentCatalog, IReadOnlyList<ProgramChangeRecord> Changes);

public static class GetProgramHistory
{
    // 404 only when the code is neither in the catalog nor in its history (a removed program keeps its history).
    [WolverineGet("/api/catalog/programs/{code}/history")]
    [Authorize(Policy = SmartPickPolicies.Staff)]
    public static async Task<ProgramHistory?> Get(string code, IQuerySession session, CancellationToken ct)
    {
        var entry = await GetProgram.FindAsync(session, code, ct);
        var key = entry?.Id ?? code.ToUpperInvariant();
        var changes = await session.Query<ProgramChangeRecord>()
            .Where(x => x.ProgramCode == key)
            .OrderByDescending(x => x.VersionNumber)
            .ToListAsync(ct);
        if (entry is null && changes.Count == 0) return null;
        return new ProgramHistory(key, entry is not null, changes);
    }
}
