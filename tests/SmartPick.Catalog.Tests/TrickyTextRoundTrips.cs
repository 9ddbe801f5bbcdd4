using Shouldly;
using SmartPick.Catalog.Sheet;
using SmartPick.Matching.Model;

namespace SmartPick.Catalog.Tests;

public class TrickyTextRoundTrips
{
    private static readonly CatalogProgram Tricky = new()
    {
        ProgramCode = "9001140C0",
        ProgramName = "Hôpital \"Saint-Luc\", Montréal - Internal Medicine",
        Institution = "  leading and trailing spaces  ",
        City = "São Paulo",
        SpecialtyCode = "140",
        Specialty = "Internal Medicine",
        ImgShare = 33.50m,
        MinUsceMonths = 1.5m,
        Notes = "line one\r\nline two, with a comma\nand \"quotes\"",
        Source = "'=not a formula, really",
    };

    [Fact]
    public void text_with_quotes_commas_line_breaks_and_accents_survives_csv()
    {
        foreach (var options in new[] { ExportOptions.SpreadsheetSafe, ExportOptions.Verbatim with { GuardFormulas = true } })
        {
            var text = CatalogCsv.ToText([Tricky], options);
            var result = CatalogCsv.Read(new StringReader(text));
            result.Errors.ShouldBeEmpty(string.Join("\n", result.Errors));
            result.Rows.ShouldBe([Tricky]);
            CatalogCsv.ToText(result.Rows, options).ShouldBe(text);
        }
    }

    [Fact]
    public void text_with_quotes_commas_line_breaks_and_accents_survives_xlsx()
    {
        // A workbook cell stores a line break as LF (as spreadsheets do), so CRLF in notes comes back as LF.
        var result = CatalogXlsx.Read(new MemoryStream(CatalogXlsx.ToBytes([Tricky])));
        result.Errors.ShouldBeEmpty(string.Join("\n", result.Errors));
        result.Rows.ShouldBe([Tricky with { Notes = Tricky.Notes.Replace("\r\n", "\n", StringComparison.Ordinal) }]);
    }
}
