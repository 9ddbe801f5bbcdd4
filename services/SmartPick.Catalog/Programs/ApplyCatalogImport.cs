using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using SmartPick.Contracts;
using Wolverine;
using Wolverine.Http;

namespace SmartPick.Catalog.Programs;

/// <summary>The new catalog version an applied import produced.</summary>
public sealed record CatalogImportResult(Guid ImportId, string CatalogVersion, int VersionNumber, int ProgramCount,
    int Added, int Changed, int Removed, int Unchanged);

/// <summary>
/// Applies a previewed import, all or nothing: refused (409) when the preview had row errors, was already
/// applied, or the catalog moved on since the preview (its version is no longer the one previewed against),
/// because then the preview's counts no longer describe what would happen.
/// </summary>
public static class ApplyCatalogImport
{
    /// <summary>
    /// Decides the apply against the current catalog and stages it on <paramref name="session"/>: the new version's
    /// documents and event, the import's record, and (through <paramref name="bus"/>, enrolled in the session's
    /// outbox) the message that regenerates the organization's lists. The caller's unit of work commits them
    /// together; nothing is staged when the apply is refused.
    /// </summary>
    public static async Task<CatalogWrite<CatalogImportResult>> ApplyAsync(Guid id, IDocumentSession session, IMessageBus bus,
        OrganizationCatalogs catalogs, RecordedBy by, DateTimeOffset now, CancellationToken ct, int? confirmRemovals = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(catalogs);
        var import = await session.LoadAsync<CatalogImport>(id, ct);
        // Catalog writes are rare and whole-catalog: take the stream's row lock so a concurrent writer waits and
        // then sees the new version (a clean 409) instead of failing at commit.
        var catalog = await session.Events.FetchForExclusiveWriting<CatalogState>(CatalogStream.Id, ct);
        if (import is null) return CatalogProblems.NotFound("no such import in this organization");
        if (import.AppliedAt is not null) return CatalogProblems.Conflict($"this import was already applied at {import.AppliedAt:u}");
        if (import.HasErrors)
            return CatalogProblems.Conflict($"the preview has {import.Errors.Count} row error(s); fix the sheet and upload it again");
        if (import.Counts.Removed > 0 && confirmRemovals != import.Counts.Removed)
            return CatalogProblems.Conflict($"replacing the catalog removes {import.Counts.Removed} program(s); confirm by sending that number as confirm_removals");
        var state = catalog.Aggregate;
        var currentVersion = state?.CatalogVersion ?? CatalogState.EmptyVersion;
        if (currentVersion != import.BaseVersion)
            return CatalogProblems.Conflict($"the catalog changed since the preview (previewed against {import.BaseVersion}, now {currentVersion}); upload the sheet again to see a fresh preview");

        var current = await catalogs.AtVersionAsync(session, currentVersion, ct);
        var revision = CatalogRevision.Plan(current.Programs, import.Programs, state?.VersionNumber ?? 0, import.FileName,
            CatalogState.ImportedLabel, by, now);
        revision.Stage(session);
        var counts = revision.Diff.Counts;
        catalog.AppendOne(new CatalogImportApplied(import.Id, import.FileName, revision.Number, revision.CatalogVersion,
            revision.PreviousCatalogVersion, import.Programs.Count, counts.Added, counts.Changed, counts.Removed, counts.Unchanged,
            revision.Diff.Changes, by, now));

        // The programs now live in the catalog; the import keeps its preview counts and errors as a record.
        var programCount = import.Programs.Count;
        import.Programs = [];
        import.SheetPrograms = [];
        import.AppliedAt = now;
        import.AppliedBy = by;
        session.Store(import);
        await bus.PublishAsync(new CatalogVersionPublished(revision.CatalogVersion));

        return new CatalogImportResult(import.Id, revision.CatalogVersion, revision.Number, programCount,
            counts.Added, counts.Changed, counts.Removed, counts.Unchanged);
    }

    [EndpointSummary("Apply a previewed catalog import as a new catalog version, all or nothing")]
    [WolverinePost("/api/catalog/imports/{id}/apply")]
    [Authorize(Policy = SmartPickPolicies.OrgAdmin)]
    public static async Task<IResult> Post(Guid id, IDocumentSession session, IMessageBus bus, OrganizationCatalogs catalogs,
        ClaimsPrincipal user, TimeProvider clock, HttpRequest request, CancellationToken ct)
        => (await ApplyAsync(id, session, bus, catalogs, user.Actor(), clock.GetUtcNow(), ct,
            int.TryParse(request.Query["confirm_removals"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null)).ToHttp();
}
