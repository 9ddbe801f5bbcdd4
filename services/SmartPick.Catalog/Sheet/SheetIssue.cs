namespace SmartPick.Catalog.Sheet;

/// <summary>
/// A problem found while reading a sheet: the 1-based line (CSV) or row (XLSX) where the record starts,
/// the column it concerns (null when it concerns the whole row), the cell's text as read, and what is wrong.
/// </summary>
public sealed record SheetIssue(int Line, string? Column, string? Value, string Message)
{
    public override string ToString() =>
        Column is null ? $"line {Line}: {Message}" : $"line {Line}, {Column} '{Value}': {Message}";
}
