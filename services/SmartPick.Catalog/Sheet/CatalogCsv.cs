using System.Text;
using SmartPick.Matching.Model;

namespace SmartPick.Catalog.Sheet;

// The module's namespace is also called Catalog; name the engine's catalog type explicitly.
using Catalog = SmartPick.Matching.Model.Catalog;

/// <summary>
/// The tracking sheet as CSV, in the format of the shared catalog file: UTF-8 without BOM, a header line of
/// <see cref="SheetColumns.InOrder"/>, CRLF after every line including the last, a cell quoted only when it
/// holds a comma, a quote or a line break. Reading also accepts LF or CR line ends and a BOM. A sheet in the
/// canonical spellings of <see cref="SheetVocabulary"/> reads and writes back byte for byte.
/// </summary>
public static class CatalogCsv
{
    public const string LineEnd = "\r\n";

    public static SheetReadResult Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return SheetImport.Read(CsvRecords.Read(reader));
    }

    public static SheetReadResult ReadFile(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(reader);
    }

    public static void Write(Catalog catalog, TextWriter writer, ExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        Write(catalog.Programs, writer, options);
    }

    /// <summary>Writes the header and one line per program, in the given order; <paramref name="options"/> defaults to <see cref="ExportOptions.SpreadsheetSafe"/>.</summary>
    public static void Write(IEnumerable<CatalogProgram> programs, TextWriter writer, ExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(programs);
        ArgumentNullException.ThrowIfNull(writer);
        options ??= ExportOptions.SpreadsheetSafe;
        WriteLine(writer, SheetColumns.InOrder);
        foreach (var program in programs)
            WriteLine(writer, SheetRow.ToCells(program).Select(options.Cell));
    }

    /// <summary>The sheet as a string, handy for small catalogs and download endpoints.</summary>
    public static string ToText(IEnumerable<CatalogProgram> programs, ExportOptions? options = null)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Write(programs, writer, options);
        return writer.ToString();
    }

    /// <summary>The UTF-8 bytes (no BOM) to store or send as text/csv.</summary>
    public static byte[] ToUtf8(IEnumerable<CatalogProgram> programs, ExportOptions? options = null) =>
        new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(ToText(programs, options));

    private static void WriteLine(TextWriter writer, IEnumerable<string> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first) writer.Write(',');
            first = false;
            writer.Write(Quote(cell));
        }
        writer.Write(LineEnd);
    }

    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
