using System.Security.Claims;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SmartPick.Contracts;
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
    // Catalog writes are rare and whole-catalog: take the stream's row lock so a concurrent writer waits and
    // then sees the new version (a clean 409) instead of failing at commit.
    public static async Task<(CatalogImport?, IEventStream<CatalogState>)> LoadAsync(Guid id, IDocumentSession session, CancellationToken ct) =>
        (await session.LoadAsync<CatalogImport>(id, ct), await session.Events.FetchForExclusiveWriting<CatalogState>(CatalogStream.Id, ct));

    public static ProblemDetails Validate(CatalogImport? import, IEventStream<CatalogState> catalog)
    {
        if (import is null) return CatalogProblems.NotFound("no such import in this organization");
        if (import.AppliedAt is not null) return CatalogProblems.Conflict($"this import was already applied at {import.AppliedAt:u}");
        if (import.HasErrors)
            return CatalogProblems.Conflict($"the preview has {import.Errors.Count} row error(s); fix the sheet and upload it again");
        var current = catalog.Aggregate?.CatalogVersion ?? CatalogState.EmptyVersion;
        if (current != import.BaseVersion)
            return CatalogProblems.Conflict($"the catalog changed since the preview (previewed against {import.BaseVersion}, now {current}); upload the sheet again to see a fresh preview");
        return WolverineContinue.NoProblems;
    }

    [WolverinePost("/api/catalog/imports/{id}/apply")]
    [Authorize(Policy = SmartPickPolicies.OrgAdmin)]
    public static async Task<(CatalogImportResult, CatalogVersionPublished)> Post([NotBody] CatalogImport import, [NotBody] IEventStream<CatalogState> catalog,
        IDocumentSession session, OrganizationCatalogs catalogs, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var state = catalog.Aggregate;
        var current = await catalogs.AtVersionAsync(session, state?.CatalogVersion ?? CatalogState.EmptyVersion, ct);
        var by = CatalogActors.Of(user);
        var now = clock.GetUtcNow();

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
        import.AppliedAt = now;
        import.AppliedBy = by;
        session.Store(import);

        return (new CatalogImportResult(import.Id, revision.CatalogVersion, revision.Number, programCount,
                counts.Added, counts.Changed, counts.Removed, counts.Unchanged),
            new CatalogVersionPublished(revision.CatalogVersion));
    }
}
