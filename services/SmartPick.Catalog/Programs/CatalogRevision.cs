using Marten;
using SmartPick.Matching.Model;

namespace SmartPick.Catalog.Programs;

using Catalog = SmartPick.Matching.Model.Catalog;

/// <summary>
/// Everything one new catalog version writes, decided purely from the current programs and the new ones:
/// the program documents that differ (content or position), the codes that disappear, one history record
/// per changed program and the version record. <see cref="Stage"/> hands it to a session in one unit of
/// work with the version's event, so the catalog, its history and its stream move together or not at all.
/// </summary>
public sealed class CatalogRevision
{
    public required string CatalogVersion { get; init; }
    public required CatalogDiff Diff { get; init; }
    public required IReadOnlyList<CatalogEntry> EntriesToStore { get; init; }
    public required IReadOnlyList<string> CodesToDelete { get; init; }
    public required IReadOnlyList<ProgramChangeRecord> History { get; init; }
    public required CatalogVersionEntry Version { get; init; }

    public static CatalogRevision Plan(
        IReadOnlyList<CatalogProgram> current,
        IReadOnlyList<CatalogProgram> next,
        int previousVersionNumber,
        string previousVersion,
        string source,
        string label,
        CatalogActor by,
        DateTimeOffset at)
    {
        var version = Catalog.ComputeVersion(next);
        var diff = CatalogDiff.Between(current, next);
        var number = previousVersionNumber + 1;

        var currentPositions = new Dictionary<string, (int Position, CatalogProgram Program)>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < current.Count; i++) currentPositions[current[i].ProgramCode] = (i, current[i]);

        var toStore = new List<CatalogEntry>();
        for (var i = 0; i < next.Count; i++)
        {
            var program = next[i];
            if (currentPositions.TryGetValue(program.ProgramCode, out var old) && old.Position == i && old.Program == program)
                continue;
            toStore.Add(CatalogEntry.For(program, i));
        }

        // Documents are keyed by the code as written: a code whose letter case changed is stored under its new
        // spelling, so the old document must go too.
        var nextCodes = new HashSet<string>(next.Select(p => p.ProgramCode), StringComparer.Ordinal);
        var toDelete = current.Where(p => !nextCodes.Contains(p.ProgramCode)).Select(p => p.ProgramCode).ToList();

        var history = diff.Changes.Select(change => new ProgramChangeRecord
        {
            ProgramCode = change.ProgramCode,
            Kind = change.Kind,
            Fields = change.Fields,
            VersionNumber = number,
            CatalogVersion = version,
            Source = source,
            ChangedBy = by,
            ChangedAt = at,
        }).ToList();

        var versionEntry = new CatalogVersionEntry
        {
            Number = number,
            CatalogVersion = version,
            PreviousCatalogVersion = previousVersion,
            Source = source,
            Label = label,
            ProgramCount = next.Count,
            Added = diff.Counts.Added,
            Changed = diff.Counts.Changed,
            Removed = diff.Counts.Removed,
            CreatedBy = by,
            CreatedAt = at,
        };

        return new CatalogRevision
        {
            CatalogVersion = version, Diff = diff, EntriesToStore = toStore, CodesToDelete = toDelete,
            History = history, Version = versionEntry,
        };
    }

    /// <summary>Queues the document writes; the caller appends the version's event and its unit of work commits both.</summary>
    public void Stage(IDocumentSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        foreach (var code in CodesToDelete) session.Delete<CatalogEntry>(code);
        if (EntriesToStore.Count > 0) session.Store(EntriesToStore.ToArray());
        if (History.Count > 0) session.Insert(History.ToArray());
        session.Insert(Version);
    }
}
