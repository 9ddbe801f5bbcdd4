using SmartPick.Matching.Model;

namespace SmartPick.Catalog.Sheet;

/// <summary>One record of a sheet as raw cells, with the line it starts on and any problem found while splitting it.</summary>
internal sealed record SheetRecord(int Line, IReadOnlyList<string> Cells, IReadOnlyList<SheetIssue> Problems);

/// <summary>
/// Turns raw records (CSV or XLSX alike) into a <see cref="SheetReadResult"/>: the header must be exactly
/// <see cref="SheetColumns.InOrder"/>, or <see cref="SheetColumns.WithoutEvidence"/> for a sheet made before the
/// evidence columns (its rows then read as programs without evidence); every data row is read by <see cref="SheetRow"/>; blank rows are
/// ignored (they carry nothing); a repeated program code is an error unless the whole row is repeated
/// verbatim, which is a warning and the program is kept once in the catalog.
/// </summary>
internal static class SheetImport
{
    public static SheetReadResult Read(IEnumerable<SheetRecord> records)
    {
        var errors = new List<SheetIssue>();
        var warnings = new List<SheetIssue>();
        var rows = new List<CatalogProgram>();
        var unique = new List<CatalogProgram>();
        var firstSeen = new Dictionary<string, (int Line, CatalogProgram Program)>(StringComparer.OrdinalIgnoreCase);

        using var enumerator = records.GetEnumerator();
        if (!enumerator.MoveNext())
        {
            errors.Add(new SheetIssue(1, null, null, "the sheet is empty; the first line must be the header: " + string.Join(",", SheetColumns.InOrder)));
            return new SheetReadResult(rows, unique, errors, warnings);
        }

        var header = enumerator.Current;
        var columns = ExpectedColumns(header);
        var headerErrors = CheckHeader(header, columns);
        if (headerErrors.Count > 0)
        {
            // Without a trustworthy header no cell can be assigned to a column; report the header only.
            errors.AddRange(headerErrors);
            return new SheetReadResult(rows, unique, errors, warnings);
        }

        while (enumerator.MoveNext())
        {
            var record = enumerator.Current;
            if (record.Problems.Count > 0)
            {
                errors.AddRange(record.Problems);
                continue;
            }
            if (record.Cells.All(c => c.Length == 0)) continue;
            if (record.Cells.Count != columns.Count)
            {
                errors.Add(WrongCellCount(record, columns.Count));
                continue;
            }

            // A sheet without the evidence columns says nothing about evidence: those cells are empty (unknown).
            var cells = record.Cells.Select(FormulaGuard.Unguard)
                .Concat(Enumerable.Repeat("", SheetColumns.InOrder.Count - columns.Count)).ToArray();
            var program = SheetRow.FromCells(cells, record.Line, errors);
            if (program is null) continue;

            if (firstSeen.TryGetValue(program.ProgramCode, out var earlier))
            {
                if (earlier.Program == program)
                {
                    warnings.Add(new SheetIssue(record.Line, SheetColumns.ProgramCode, program.ProgramCode,
                        $"repeats line {earlier.Line} exactly; the program is kept once"));
                    rows.Add(program);
                }
                else
                {
                    errors.Add(new SheetIssue(record.Line, SheetColumns.ProgramCode, program.ProgramCode,
                        $"is already used on line {earlier.Line} by a different row; program codes must be unique"));
                }
                continue;
            }

            firstSeen.Add(program.ProgramCode, (record.Line, program));
            rows.Add(program);
            unique.Add(program);
        }

        return new SheetReadResult(rows, unique, errors, warnings);
    }

    private static SheetIssue WrongCellCount(SheetRecord record, int expected)
    {
        var found = record.Cells.Count;
        return found < expected
            ? new SheetIssue(record.Line, SheetColumns.InOrder[found], null,
                $"the row has {found} cells but the sheet has {expected} columns; it ends before {SheetColumns.InOrder[found]}")
            : new SheetIssue(record.Line, null, null,
                $"the row has {found} cells but the sheet has {expected} columns (an unquoted comma in a cell?)");
    }

    private static List<string> HeaderNames(SheetRecord header) =>
        header.Cells.Select((c, i) => i == 0 ? c.TrimStart('\uFEFF') : c).ToList();

    /// <summary>The columns the header is held to: the sheet before evidence when it names no evidence column, else the full sheet.</summary>
    internal static IReadOnlyList<string> ExpectedColumns(SheetRecord header) =>
        HeaderNames(header).Any(SheetColumns.Evidence.Contains) ? SheetColumns.InOrder : SheetColumns.WithoutEvidence;

    private static List<SheetIssue> CheckHeader(SheetRecord header, IReadOnlyList<string> expected)
    {
        var errors = new List<SheetIssue>(header.Problems);
        if (errors.Count > 0) return errors;

        var names = HeaderNames(header);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (!expected.Contains(name))
                errors.Add(new SheetIssue(header.Line, name, name, "is not a column of the tracking sheet; expected: " + string.Join(",", expected)));
            else if (!seen.Add(name))
                errors.Add(new SheetIssue(header.Line, name, name, "appears more than once in the header"));
        }
        foreach (var name in expected.Where(n => !seen.Contains(n)))
            errors.Add(new SheetIssue(header.Line, name, null, "is missing from the header"));
        if (errors.Count > 0) return errors;

        for (var i = 0; i < expected.Count; i++)
        {
            if (names[i] != expected[i])
            {
                errors.Add(new SheetIssue(header.Line, names[i], names[i],
                    $"is header cell {i + 1} but the columns must be in the documented order, where cell {i + 1} is {expected[i]}"));
                break;
            }
        }
        return errors;
    }
}
