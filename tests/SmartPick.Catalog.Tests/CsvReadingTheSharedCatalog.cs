using System.Text;
using Shouldly;
using SmartPick.Catalog.Sheet;
using SmartPick.Matching.Model;

namespace SmartPick.Catalog.Tests;

public class CsvReadingTheSharedCatalog
{
    private static readonly Lazy<(byte[] Bytes, SheetReadResult Result)> Sheet = new(() =>
    {
        var bytes = File.ReadAllBytes(SharedData.CatalogFile);
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8);
        return (bytes, CatalogCsv.Read(reader));
    });

    [SharedDataFact]
    public void the_real_sheet_imports_every_row_without_errors()
    {
        var result = Sheet.Value.Result;
        result.Errors.ShouldBeEmpty(string.Join("\n", result.Errors.Take(10)));
        result.Rows.Count.ShouldBe(6264);
    }

    [SharedDataFact]
    public void rows_repeated_verbatim_are_warned_about_and_kept_once_in_the_catalog()
    {
        var result = Sheet.Value.Result;
        result.Warnings.Select(w => (w.Line, w.Value)).ShouldBe([(2374, "1514140C0"), (2376, "1514140P0")]);
        result.Catalog.Programs.Count.ShouldBe(6262);
        result.Catalog.Programs.Select(p => p.ProgramCode).Distinct().Count().ShouldBe(6262);
    }

    [SharedDataFact]
    public void writing_the_rows_back_reproduces_the_file_byte_for_byte()
    {
        var (bytes, result) = Sheet.Value;
        CatalogCsv.ToUtf8(result.Rows).ShouldBe(bytes);
        CatalogCsv.ToUtf8(result.Rows, ExportOptions.Verbatim).ShouldBe(bytes);
    }

    [SharedDataFact]
    public void values_are_read_into_the_engine_model()
    {
        var programs = Sheet.Value.Result.Catalog.Programs;
        var first = programs[0];
        first.ProgramCode.ShouldBe("1001120C0");
        first.ProgramName.ShouldBe("Kaiser Permanente-Woodland Hills-CA - Family Medicine");
        first.State.ShouldBe("CA");
        first.SpecialtyCode.ShouldBe("120");
        first.Track.ShouldBe(Track.Categorical);
        first.VisaJ1.ShouldBe(Tristate.Unknown);
        first.ImgShare.ShouldBeNull();
        first.ObservedOn.ShouldBeNull();
        programs.Count(p => p.SpecialtyCode == "140").ShouldBe(1107);
        programs.Count(p => p.ProgramType == ProgramType.Community).ShouldBe(62);
        programs.Count(p => p.State.Length == 0).ShouldBe(62);
    }
}
