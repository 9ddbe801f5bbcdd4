using System.Data;
using System.Globalization;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;
using SmartPick.Matching.Model;

namespace SmartPick.Catalog.Sheet;

// The module's namespace is also called Catalog; name the engine's catalog type explicitly.
using Catalog = SmartPick.Matching.Model.Catalog;

/// <summary>
/// The tracking sheet as an Excel workbook: the first worksheet, header in row 1 with the same columns as the
/// CSV, one program per row. Export writes numbers as numbers and everything else as text; import accepts
/// what a person's spreadsheet makes of it (numbers, dates, TRUE/FALSE, a specialty code that lost its
/// leading zero) and then applies exactly the CSV rules, reporting errors by sheet row number. A cell keeps
/// line breaks as LF, as spreadsheets do, so CRLF inside notes reads back as LF.
/// </summary>
internal static class CatalogXlsx
{
    public const string SheetName = "catalog";

    private static readonly HashSet<string> WholeNumberColumns =
        [SheetColumns.Positions, SheetColumns.MinStep2Ck, SheetColumns.MaxYearsSinceGraduation];

    private static readonly HashSet<string> DecimalColumns =
    [
        SheetColumns.ImgShare, SheetColumns.MinUsceMonths, SheetColumns.NonUsImgInterviewRate, SheetColumns.UsImgInterviewRate,
        SheetColumns.SignalInterviewRate, SheetColumns.NoSignalInterviewRate,
    ];

    public static SheetReadResult Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        List<SheetRecord> records;
        try
        {
            records = Records(stream).ToList();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or System.Xml.XmlException or InvalidOperationException or NotSupportedException)
        {
            return new SheetReadResult([], [], [new SheetIssue(1, null, null, "the file is not a readable XLSX workbook: " + e.Message)], []);
        }
        return SheetImport.Read(records);
    }

    public static void Write(Catalog catalog, Stream stream, ExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        Write(catalog.Programs, stream, options);
    }

    /// <summary>Writes one worksheet; <paramref name="options"/> defaults to <see cref="ExportOptions.SpreadsheetSafe"/>.</summary>
    public static void Write(IEnumerable<CatalogProgram> programs, Stream stream, ExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(programs);
        ArgumentNullException.ThrowIfNull(stream);
        options ??= ExportOptions.SpreadsheetSafe;

        using var table = new DataTable(SheetName) { Locale = CultureInfo.InvariantCulture };
        foreach (var column in SheetColumns.InOrder)
        {
            var type = WholeNumberColumns.Contains(column) ? typeof(int) : DecimalColumns.Contains(column) ? typeof(decimal) : typeof(string);
            table.Columns.Add(column, type);
        }
        foreach (var program in programs)
        {
            var cells = SheetRow.ToCells(program);
            var row = table.NewRow();
            for (var i = 0; i < cells.Length; i++)
            {
                var column = SheetColumns.InOrder[i];
                row[i] = cells[i].Length == 0 && (WholeNumberColumns.Contains(column) || DecimalColumns.Contains(column))
                    ? DBNull.Value
                    : WholeNumberColumns.Contains(column) ? int.Parse(cells[i], CultureInfo.InvariantCulture)
                    : DecimalColumns.Contains(column) ? decimal.Parse(cells[i], CultureInfo.InvariantCulture)
                    : options.Cell(cells[i]);
            }
            table.Rows.Add(row);
        }

        var configuration = new OpenXmlConfiguration { TableStyles = TableStyles.None, AutoFilter = false };
        stream.SaveAs(table, printHeader: true, sheetName: SheetName, excelType: ExcelType.XLSX, configuration: configuration);
    }

    public static byte[] ToBytes(IEnumerable<CatalogProgram> programs, ExportOptions? options = null)
    {
        using var buffer = new MemoryStream();
        Write(programs, buffer, options);
        return buffer.ToArray();
    }

    private static IEnumerable<SheetRecord> Records(Stream stream)
    {
        var line = 0;
        // The header decides how many columns the rows have (a sheet from before the evidence columns has fewer).
        IReadOnlyList<string> columns = SheetColumns.InOrder;
        foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            line++;
            var cells = row.Values.Select((value, i) => CellText(value, i)).ToList();
            if (line == 1)
            {
                // Empty cells to the right of the header are not columns.
                while (cells.Count > 0 && cells[^1].Length == 0) cells.RemoveAt(cells.Count - 1);
                var header = new SheetRecord(line, cells, []);
                columns = SheetImport.ExpectedColumns(header);
                yield return header;
                continue;
            }
            var extra = cells.Skip(columns.Count).FirstOrDefault(c => c.Length > 0);
            if (extra is not null)
            {
                yield return new SheetRecord(line, cells, [new SheetIssue(line, null, extra,
                    $"the row has a value to the right of the last column ({columns[^1]})")]);
                continue;
            }
            while (cells.Count < columns.Count) cells.Add("");
            yield return new SheetRecord(line, cells.Take(columns.Count).ToList(), []);
        }
    }

    /// <summary>The cell as the CSV would spell it, so both formats share one set of rules.</summary>
    private static string CellText(object? value, int index) => value switch
    {
        null => "",
        string text => text,
        double number when index < SheetColumns.InOrder.Count && SheetColumns.InOrder[index] == SheetColumns.SpecialtyCode
                           && number is >= 0 and < 1000 && number == Math.Floor(number)
            => ((int)number).ToString("D3", CultureInfo.InvariantCulture),
        double number => DoubleText(number),
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        int or long or short or byte => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
        bool flag => flag ? "yes" : "no",
        DateTime date => date.TimeOfDay == TimeSpan.Zero
            ? date.ToString(SheetVocabulary.DateFormat, CultureInfo.InvariantCulture)
            : date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static string DoubleText(double number)
    {
        if (double.IsFinite(number) && Math.Abs(number) < 7.9e27)
            return ((decimal)number).ToString(CultureInfo.InvariantCulture);
        return number.ToString("R", CultureInfo.InvariantCulture);
    }
}
