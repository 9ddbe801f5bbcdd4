using SmartPick.Catalog.Sheet;

namespace SmartPick.Catalog.Tests;

/// <summary>Small hand-written sheets in the catalog format, for tests that need a cell to break.</summary>
public static class SampleSheet
{
    public static readonly string Header = string.Join(",", SheetColumns.InOrder);

    /// <summary>A fully filled internal medicine row without evidence, as cells in column order.</summary>
    public static string[] InternalMedicineCells() =>
    [
        "1514140C0", "Richmond Univ Med Ctr-NY - Internal Medicine", "Richmond Univ Med Ctr-NY", "STATEN ISLAND", "NY",
        "140", "Internal Medicine", "categorical", "community", "20", "65.5", "yes", "no", "220", "cutoff", "5", "yes",
        "3", "Prefers \"hands-on\" USCE, not observerships", "agency call", "2025-09-01", "", "", "", "", "", "",
    ];

    public static readonly string InternalMedicine = Line(InternalMedicineCells());

    public const string Pediatrics =
        "2001320C0,Demo Children's - Pediatrics,Demo Children's,Springfield,IL,320,Pediatrics,categorical,university,12,,unknown,unknown,,unknown,,unknown,,,agency sheet,,,,,,,";

    public static string With(params string[] rows) => Header + "\r\n" + string.Concat(rows.Select(r => r + "\r\n"));

    public static SheetReadResult Read(string text) => CatalogCsv.Read(new StringReader(text));

    /// <summary>The internal medicine row with one cell replaced, by column name.</summary>
    public static string InternalMedicineWith(string column, string value)
    {
        var cells = InternalMedicineCells();
        cells[SheetColumns.InOrder.ToList().IndexOf(column)] = value;
        return Line(cells);
    }

    public static string Line(IEnumerable<string> cells) => string.Join(",", cells.Select(Quote));

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
