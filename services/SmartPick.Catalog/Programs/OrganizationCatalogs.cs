using System.Collections.Concurrent;
using Marten;
using SmartPick.Catalog.Demo;
using SmartPick.Contracts;
using SmartPick.Matching.Model;

namespace SmartPick.Catalog.Programs;

using Catalog = SmartPick.Matching.Model.Catalog;

/// <summary>
/// The current catalog of the session's organization, for the engine and the catalog endpoints: read from
/// its <see cref="CatalogContent"/> and kept in memory per organization for as long as its version stays the
/// same (every call reads the version from the small <see cref="CatalogState"/>, so a change made on another
/// node is seen at once). Organizations at the same version (the version is a hash of the content) share one
/// copy, and the shipped demo catalog is never read back from the database: a catalog of national size is a few MB
/// of JSON and some tens of MB in memory, and most new organizations start from the demo. Also gives a new
/// organization its first catalog, the demo one.
/// </summary>
public sealed class OrganizationCatalogs(TimeProvider? clock = null)
{
    private readonly ConcurrentDictionary<string, Catalog> _byTenant = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public async Task<Catalog> CurrentAsync(IQuerySession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var state = await session.LoadAsync<CatalogState>(CatalogStream.Id, ct);
        return await AtVersionAsync(session, state?.CatalogVersion ?? CatalogState.EmptyVersion, ct);
    }

    /// <summary>The catalog at <paramref name="version"/>, the version the caller just read from the organization's <see cref="CatalogState"/>.</summary>
    internal async Task<Catalog> AtVersionAsync(IQuerySession session, string version, CancellationToken ct)
    {
        if (_byTenant.TryGetValue(session.TenantId, out var cached) && cached.Version == version) return cached;
        if (Shared(version) is { } shared)
        {
            _byTenant[session.TenantId] = shared;
            return shared;
        }

        var content = await session.LoadAsync<CatalogContent>(CatalogStream.Id, ct);
        var catalog = new Catalog(content?.Programs ?? []);
        // A write that commits between the two reads gives a newer catalog: serve it, but cache only what matches.
        if (catalog.Version == version) _byTenant[session.TenantId] = catalog;
        return catalog;
    }

    /// <summary>A copy already in memory at <paramref name="version"/>: the shipped demo, or another organization's.</summary>
    private Catalog? Shared(string version)
    {
        var demo = DemoCatalog.Generate();
        if (demo.Version == version) return demo;
        foreach (var catalog in _byTenant.Values)
            if (catalog.Version == version) return catalog;
        return null;
    }

    /// <summary>
    /// Gives the session's organization the generated demo catalog, labelled "demo", when it has no catalog
    /// yet, and saves the session; returns false and changes nothing when it already has one.
    /// </summary>
    public async Task<bool> SeedDemoAsync(IDocumentSession session, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var seeded = await StageSeedAsync(session, DemoCatalog.Generate().Programs, CatalogState.DemoLabel, _clock.GetUtcNow(), ct);
        if (seeded) await session.SaveChangesAsync(ct);
        return seeded;
    }

    /// <summary>Queues a first catalog for the session's organization unless it has one; the caller saves.</summary>
    public static async Task<bool> StageSeedAsync(IDocumentSession session, IReadOnlyList<CatalogProgram> programs, string label,
        DateTimeOffset at, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(programs);
        var stream = await session.Events.FetchForWriting<CatalogState>(CatalogStream.Id, ct);
        if (stream.Aggregate is not null) return false;

        var revision = CatalogRevision.Plan([], programs, 0, CatalogState.DemoSource, label, RecordedBy.System, at);
        revision.Stage(session);
        stream.AppendOne(new CatalogSeeded(revision.Number, revision.CatalogVersion, label, programs.Count, RecordedBy.System, at));
        return true;
    }
}
