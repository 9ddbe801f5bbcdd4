using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
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
    // 404 only when the code is neither in the catalog nor in its history: a removed program keeps its history.
    [EndpointSummary("A program's changes, newest first")]
    [WolverineGet("/api/catalog/programs/{code}/history")]
    [Authorize(Policy = SmartPickPolicies.Staff)]
    public static Task<ProgramHistory?> Get(string code, IQuerySession session, OrganizationCatalogs catalogs, CancellationToken ct) =>
        CatalogReads.ProgramHistoryAsync(code, session, catalogs, ct);
}
