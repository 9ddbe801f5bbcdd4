using Marten;
using SmartPick.Contracts;
using SmartPick.Matching.Model;

namespace SmartPick.Catalog.Programs;

using Catalog = SmartPick.Matching.Model.Catalog;

/// <summary>
/// Everything one new catalog version writes, decided purely from the current programs and the new ones:
/// its number and content version, the program-by-program difference, the new content and the version
/// record. <see cref="Stage"/> hands the documents to a session; the caller appends the version's event to
/// the catalog stream in the same unit of work, so content, versions and history move together or not at all.
/// </summary>
internal sealed class CatalogRevision
{
    public required int Number { get; init; }
    public required string CatalogVersion { get; init; }
    public required string PreviousCatalogVersion { get; init; }
    public required CatalogDiff Diff { get; init; }
    public required CatalogContent Content { get; init; }
    public required CatalogVersionEntry Version { get; init; }

    public static CatalogRevision Plan(
        IReadOnlyList<CatalogProgram> current,
        IReadOnlyList<CatalogProgram> next,
        int previousVersionNumber,
        string source,
        string label,
        RecordedBy by,
        DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(next);
        var version = Catalog.ComputeVersion(next);
        var previous = Catalog.ComputeVersion(current);
        var diff = CatalogDiff.Between(current, next);
        var number = previousVersionNumber + 1;
        return new CatalogRevision
        {
            Number = number,
            CatalogVersion = version,
            PreviousCatalogVersion = previous,
            Diff = diff,
            Content = new CatalogContent { Id = CatalogStream.Id, CatalogVersion = version, Programs = next },
            Version = new CatalogVersionEntry
            {
                Number = number,
                CatalogVersion = version,
                PreviousCatalogVersion = previous,
                Source = source,
                Label = label,
                ProgramCount = next.Count,
                Added = diff.Counts.Added,
                Changed = diff.Counts.Changed,
                Removed = diff.Counts.Removed,
                CreatedBy = by,
                CreatedAt = at,
            },
        };
    }

    /// <summary>Queues the content and the version record; the caller appends the version's event and its unit of work commits all.</summary>
    public void Stage(IDocumentSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        session.Store(Content);
        session.Insert(Version);
    }
}
