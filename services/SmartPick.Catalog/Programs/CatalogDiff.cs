using SmartPick.Catalog.Sheet;
using SmartPick.Matching.Model;

namespace SmartPick.Catalog.Programs;

/// <summary>How many programs a new catalog adds, changes, removes and leaves as they were.</summary>
public sealed record CatalogChangeCounts(int Added, int Changed, int Removed, int Unchanged);

/// <summary>
/// What differs between two catalogs, program by program (matched by program code) and field by field, in
/// the sheet's column names and spellings so history reads like the sheet. Pure.
/// </summary>
internal sealed class CatalogDiff
{
    public IReadOnlyList<ProgramChange> Changes { get; }
    public CatalogChangeCounts Counts { get; }

    private CatalogDiff(IReadOnlyList<ProgramChange> changes, CatalogChangeCounts counts)
    {
        Changes = changes;
        Counts = counts;
    }

    public static CatalogDiff Between(IReadOnlyList<CatalogProgram> current, IReadOnlyList<CatalogProgram> incoming)
    {
        var before = new Dictionary<string, CatalogProgram>(StringComparer.OrdinalIgnoreCase);
        foreach (var program in current) before[program.ProgramCode] = program;

        var changes = new List<ProgramChange>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        int added = 0, changed = 0, unchanged = 0;
        foreach (var program in incoming)
        {
            seen.Add(program.ProgramCode);
            if (!before.TryGetValue(program.ProgramCode, out var old))
            {
                added++;
                changes.Add(new ProgramChange(program.ProgramCode, ProgramChangeKind.Added, []));
                continue;
            }
            var fields = Fields(old, program);
            if (fields.Count == 0)
            {
                unchanged++;
                continue;
            }
            changed++;
            changes.Add(new ProgramChange(program.ProgramCode, ProgramChangeKind.Changed, fields));
        }

        var removed = 0;
        foreach (var program in current.Where(p => !seen.Contains(p.ProgramCode)))
        {
            removed++;
            changes.Add(new ProgramChange(program.ProgramCode, ProgramChangeKind.Removed, []));
        }
        return new CatalogDiff(changes, new CatalogChangeCounts(added, changed, removed, unchanged));
    }

    /// <summary>The fields whose sheet spelling differs, in column order.</summary>
    public static IReadOnlyList<FieldChange> Fields(CatalogProgram before, CatalogProgram after)
    {
        var from = SheetRow.ToCells(before);
        var to = SheetRow.ToCells(after);
        var fields = new List<FieldChange>();
        for (var i = 0; i < SheetColumns.InOrder.Count; i++)
        {
            if (!string.Equals(from[i], to[i], StringComparison.Ordinal))
                fields.Add(new FieldChange(SheetColumns.InOrder[i], from[i], to[i]));
        }
        return fields;
    }
}
