namespace SmartPick.Catalog.Sheet;

/// <summary>
/// How a catalog is exported. <see cref="SpreadsheetSafe"/> (the default, and what download endpoints use)
/// applies the <see cref="FormulaGuard"/> to every cell; because imports undo the guard, a safe export still
/// re-imports to the same programs, and a sheet with no cell starting with =, +, -, @, tab or CR (like the
/// shared catalog file) is written byte for byte as read. <see cref="Verbatim"/> writes cells untouched, for
/// machine-to-machine copies that are never opened in a spreadsheet.
/// </summary>
public sealed record ExportOptions(bool GuardFormulas)
{
    public static readonly ExportOptions SpreadsheetSafe = new(GuardFormulas: true);
    public static readonly ExportOptions Verbatim = new(GuardFormulas: false);

    internal string Cell(string text) => GuardFormulas ? FormulaGuard.Guard(text) : text;
}
