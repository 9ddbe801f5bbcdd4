using MiniExcelLibs;
using Shouldly;
using SmartPick.Catalog.Demo;
using SmartPick.Catalog.Sheet;
using SmartPick.Matching.Model;

namespace SmartPick.Catalog.Tests;

public class XlsxSheets
{
    private static SheetReadResult ReadBack(byte[] bytes) => CatalogXlsx.Read(new MemoryStream(bytes));

    /// <summary>Writes rows of raw cells (header first) as a workbook, the way a person's spreadsheet would hold them.</summary>
    private static byte[] Workbook(params object?[][] rows)
    {
        var sheet = rows.Select(r => r.Select((value, i) => (Key: $"c{i:D2}", value))
            .ToDictionary(p => p.Key, p => p.value)).ToList();
        using var buffer = new MemoryStream();
        buffer.SaveAs(sheet, printHeader: false, excelType: ExcelType.XLSX);
        return buffer.ToArray();
    }

    private static object?[] HeaderCells() => SheetColumns.InOrder.Cast<object?>().ToArray();

    [Fact]
    public void the_demo_catalog_survives_an_xlsx_round_trip()
    {
        var catalog = DemoCatalog.Generate();
        var result = ReadBack(CatalogXlsx.ToBytes(catalog.Programs));
        result.Errors.ShouldBeEmpty(string.Join("\n", result.Errors.Take(5)));
        result.Rows.ShouldBe(catalog.Programs);
    }

    [SharedDataFact]
    public void the_shared_catalog_survives_an_xlsx_round_trip()
    {
        var csv = CatalogCsv.ReadFile(SharedData.CatalogFile);
        var result = ReadBack(CatalogXlsx.ToBytes(csv.Rows));
        result.Errors.ShouldBeEmpty();
        result.Rows.ShouldBe(csv.Rows);
        result.Catalog.Version.ShouldBe(csv.Catalog.Version);
    }

    [Fact]
    public void an_empty_catalog_still_writes_the_header()
    {
        var result = ReadBack(CatalogXlsx.ToBytes([]));
        result.Errors.ShouldBeEmpty();
        result.Rows.ShouldBeEmpty();
    }

    [Fact]
    public void numbers_and_codes_typed_as_numbers_by_a_spreadsheet_read_like_the_csv()
    {
        var cells = SampleSheet.InternalMedicineCells().Cast<object?>().ToArray();
        cells[5] = 140d;
        cells[9] = 20d;
        cells[10] = 65.5d;
        cells[11] = true;
        var result = ReadBack(Workbook(HeaderCells(), cells));
        result.Errors.ShouldBeEmpty(string.Join("\n", result.Errors));
        var program = result.Rows.Single();
        (program.SpecialtyCode, program.Positions, program.ImgShare, program.VisaJ1).ShouldBe(("140", 20, 65.5m, Tristate.Yes));
    }

    [Fact]
    public void a_specialty_code_that_lost_its_leading_zero_is_read_as_the_code()
    {
        var cells = SampleSheet.InternalMedicineCells().Cast<object?>().ToArray();
        cells[0] = "1514040C0";
        cells[5] = 40d;
        cells[6] = "Anesthesiology";
        var result = ReadBack(Workbook(HeaderCells(), cells));
        result.Errors.ShouldBeEmpty(string.Join("\n", result.Errors));
        result.Rows.Single().SpecialtyCode.ShouldBe("040");
    }

    [Fact]
    public void a_bad_cell_is_reported_with_its_sheet_row_and_column()
    {
        var good = SampleSheet.InternalMedicineCells().Cast<object?>().ToArray();
        var bad = SampleSheet.InternalMedicineCells().Cast<object?>().ToArray();
        bad[0] = "1515140C0";
        bad[12] = "sometimes";
        var result = ReadBack(Workbook(HeaderCells(), good, bad));
        var error = result.Errors.ShouldHaveSingleItem();
        (error.Line, error.Column, error.Value).ShouldBe((3, SheetColumns.VisaH1b, "sometimes"));
        result.Rows.Count.ShouldBe(1);
    }

    [Fact]
    public void a_workbook_with_a_wrong_header_is_rejected()
    {
        var header = HeaderCells();
        header[2] = "hospital";
        var result = ReadBack(Workbook(header, SampleSheet.InternalMedicineCells().Cast<object?>().ToArray()));
        result.Errors.Select(e => (e.Line, e.Column)).ShouldBe([(1, "hospital"), (1, SheetColumns.Institution)]);
    }

    [Fact]
    public void a_value_to_the_right_of_the_last_column_is_an_error()
    {
        var cells = SampleSheet.InternalMedicineCells().Cast<object?>().Append("stray").ToArray();
        var header = HeaderCells().Append(null).ToArray();
        var error = ReadBack(Workbook(header, cells)).Errors.ShouldHaveSingleItem();
        (error.Line, error.Value).ShouldBe((2, "stray"));
    }

    [Fact]
    public void rows_a_spreadsheet_left_out_do_not_shift_the_reported_row_numbers()
    {
        var bad = SampleSheet.InternalMedicineCells();
        bad[0] = "1515140C0";
        bad[9] = "many";
        var bytes = HandMadeWorkbook.With(new Dictionary<int, string[]>
        {
            [1] = SheetColumns.InOrder.ToArray(),
            [2] = SampleSheet.InternalMedicineCells(),
            [5] = bad,
        });
        var result = ReadBack(bytes);
        var error = result.Errors.ShouldHaveSingleItem();
        (error.Line, error.Column, error.Value).ShouldBe((5, SheetColumns.Positions, "many"));
        result.Rows.Single().ProgramCode.ShouldBe("1514140C0");
    }

    [Fact]
    public void a_file_that_is_not_a_workbook_is_an_error_not_an_exception()
    {
        var result = CatalogXlsx.Read(new MemoryStream("program_code,program_name\r\n"u8.ToArray()));
        result.Errors.ShouldHaveSingleItem().Message.ShouldContain("not a readable XLSX");
    }
}
