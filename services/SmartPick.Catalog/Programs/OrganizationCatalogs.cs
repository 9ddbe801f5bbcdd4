using System.Collections.Concurrent;
using Marten;
using SmartPick.Catalog.Demo;
using SmartPick.Matching.Model;

namespace SmartPick.Catalog.Programs;

using Catalog = SmartPick.Matching.Model.Catalog;

/// <summary>
/// The current catalog of the session's organization, for the engine and the catalog pages: read from the
/// program documents and kept in memory per organization for as long as its version stays the same (every
/// call checks the version, one small document, so a change made on another node is seen at once).
/// Also gives a new organization its first catalog, the demo one.
/// </summary>
public sealed class OrganizationCatalogs
{
    private readonly ConcurrentDictionary<string, Catalog> _byTenant = new(StringComparer.Ordinal);

    public async Task<Catalog> CurrentAsync(IQuerySession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var state = await session.LoadAsync<CatalogState>(CatalogStream.Id, ct);
        return await ProgramsAtAsync(session, state?.CatalogVersion ?? CatalogState.EmptyVersion, ct);
    }

    /// <summary>The catalog at <paramref name="version"/>, the version the caller just read from the organization's <see cref="CatalogState"/>.</summary>
    internal async Task<Catalog> ProgramsAtAsync(IQuerySession session, string version, CancellationToken ct)
    {
        if (_byTenant.TryGetValue(session.TenantId, out var cached) && cached.Version == version) return cached;

        var entries = await session.Query<CatalogEntry>().OrderBy(x => x.Position).ToListAsync(ct);
        var catalog = new Catalog(entries.Select(e => e.Program).ToList());
        // A write that commits between the two reads gives programs of a newer version: serve them, cache nothing.
        if (catalog.Version == version) _byTenant[session.TenantId] = catalog;
        return catalog;
    }

    /// <summary>
    /// Gives the session's organization the generated demo catalog, labelled "demo", when it has no catalog
    /// yet; returns false and changes nothing otherwise. Queues the writes; the caller saves the session.
    /// No per-program history is written for the seed: the version record says where all of it came from.
    /// </summary>
    public Task<bool> SeedDemoAsync(IDocumentSession session, CancellationToken ct = default) =>
        SeedAsync(session, DemoCatalog.Generate().Programs, CatalogState.DemoLabel, TimeProvider.System.GetUtcNow(), ct);

    public static async Task<bool> SeedAsync(IDocumentSession session, IReadOnlyList<CatalogProgram> programs, string label,
        DateTimeOffset at, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(programs);
        var stream = await session.Events.FetchForWriting<CatalogState>(CatalogStream.Id, ct);
        if (stream.Aggregate is not null) return false;

        var version = Catalog.ComputeVersion(programs);
        session.Store(programs.Select(CatalogEntry.For).ToArray());
        session.Insert(new CatalogVersionEntry
        {
            Number = 1,
            CatalogVersion = version,
            PreviousCatalogVersion = CatalogState.EmptyVersion,
            Source = "demo catalog",
            Label = label,
            ProgramCount = programs.Count,
            Added = programs.Count,
            CreatedBy = CatalogActor.System,
            CreatedAt = at,
        });
        stream.AppendOne(new CatalogSeeded(version, label, programs.Count, CatalogActor.System, at));
        return true;
    }
}
