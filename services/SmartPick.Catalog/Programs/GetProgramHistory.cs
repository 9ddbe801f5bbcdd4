using Marten;
using Microsoft.AspNetCore.Authorization;
using SmartPick.Contracts;
using Wolverine.Http;

namespace SmartPick.Catalog.Programs;

/// <summary>One change to a program: added, changed (field by field) or removed, in which version, from which source, by whom, when.</summary>
public sealed record ProgramHistoryEntry(
    ProgramChangeKind Kind,
    IReadOnlyList<FieldChange> Fields,
    int VersionNumber,
    string CatalogVersion,
    string Source,
    RecordedBy ChangedBy,
    DateTimeOffset ChangedAt);

/// <summary>A program's change history, newest first. The demo seed is not listed program by program.</summary>
public sealed record ProgramHistory(string ProgramCode, bool InCurrentCatalog, IReadOnlyList<ProgramHistoryEntry> Changes);

public static class GetProgramHistory
{
    // The history is read from the catalog stream's events that name the program. 404 only when the code is
    // neither in the catalog nor in its history: a removed program keeps its history.
    [WolverineGet("/api/catalog/programs/{code}/history")]
    [Authorize(Policy = SmartPickPolicies.Staff)]
    public static async Task<ProgramHistory?> Get(string code, IQuerySession session, OrganizationCatalogs catalogs, CancellationToken ct)
    {
        var program = GetProgram.Find(await catalogs.CurrentAsync(session, ct), code);
        var key = program?.ProgramCode ?? code.Trim().ToUpperInvariant();

        var imports = await session.Events.QueryRawEventDataOnly<CatalogImportApplied>()
            .Where(e => e.Changes.Any(c => c.ProgramCode == key))
            .ToListAsync(ct);
        var edits = await session.Events.QueryRawEventDataOnly<CatalogProgramEdited>()
            .Where(e => e.ProgramCode == key)
            .ToListAsync(ct);

        var changes = imports
            .SelectMany(e => e.Changes.Where(c => c.ProgramCode == key).Select(c =>
                new ProgramHistoryEntry(c.Kind, c.Fields, e.VersionNumber, e.CatalogVersion, e.FileName, e.AppliedBy, e.AppliedAt)))
            .Concat(edits.Select(e =>
                new ProgramHistoryEntry(ProgramChangeKind.Changed, e.Fields, e.VersionNumber, e.CatalogVersion, CatalogState.EditSource, e.EditedBy, e.EditedAt)))
            .OrderByDescending(e => e.VersionNumber)
            .ToList();
        if (program is null && changes.Count == 0) return null;
        return new ProgramHistory(key, program is not null, changes);
    }
}
