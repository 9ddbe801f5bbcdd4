using MiniExcelLibs;
using Shouldly;
using SmartPick.Catalog.Sheet;
using SmartPick.Matching.Model;

namespace SmartPick.Catalog.Tests;

public class FormulaGuardOnExport
{
    private static CatalogProgram Program(string name, string notes) => new()
    {
        ProgramCode = "9001140C0", ProgramName = name, SpecialtyCode = "140", Specialty = "Internal Medicine",
        Notes = notes, Source = "@agency",
    };

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+1", "'+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("'=already", "''=already")]
    [InlineData("plain text", "plain text")]
    [InlineData("it's fine", "it's fine")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    public void a_cell_a_spreadsheet_would_run_gets_an_apostrophe_and_import_takes_it_off(string text, string guarded)
    {
        FormulaGuard.Guard(text).ShouldBe(guarded);
        FormulaGuard.Unguard(guarded).ShouldBe(text);
    }

    [Fact]
    public void a_spreadsheet_safe_csv_export_neutralises_formulas_and_reimports_the_same_program()
    {
        var program = Program("=cmd|' /C calc'!A0", "-1 fewer positions this year");
        var csv = CatalogCsv.ToText([program], ExportOptions.SpreadsheetSafe);
        csv.ShouldContain(",'=cmd|' /C calc'!A0,");
        csv.ShouldContain(",'-1 fewer positions this year,'@agency,");
        CatalogCsv.Read(new StringReader(csv)).Rows.ShouldBe([program]);
    }

    [Fact]
    public void the_default_export_is_spreadsheet_safe()
    {
        CatalogCsv.ToText([Program("=1+1", "")]).ShouldContain(",'=1+1,");
    }

    [Fact]
    public void a_verbatim_export_leaves_cells_untouched()
    {
        CatalogCsv.ToText([Program("=1+1", "")], ExportOptions.Verbatim).ShouldContain(",=1+1,");
    }

    [Fact]
    public void a_spreadsheet_safe_xlsx_export_neutralises_formulas_and_reimports_the_same_program()
    {
        var program = Program("+SUM(1,2)", "@risk");
        using var buffer = new MemoryStream(CatalogXlsx.ToBytes([program], ExportOptions.SpreadsheetSafe));
        var cells = ((IDictionary<string, object?>)buffer.Query(useHeaderRow: true).Single()).ToDictionary();
        cells[SheetColumns.ProgramName].ShouldBe("'+SUM(1,2)");
        cells[SheetColumns.Notes].ShouldBe("'@risk");
        buffer.Position = 0;
        CatalogXlsx.Read(buffer).Rows.ShouldBe([program]);
    }
}
