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
    public void writing_the_rows_back_reproduces_the_file_with_empty_evidence_columns_added()
    {
        // The shared file predates the evidence columns; an export always writes them, empty when unknown.
        var (bytes, result) = Sheet.Value;
        var expected = string.Concat(Encoding.UTF8.GetString(bytes).Split("\r\n").SkipLast(1).Select((line, i) =>
            line + (i == 0 ? "," + string.Join(",", SheetColumns.Evidence) : ",,,,,,") + "\r\n"));
        CatalogCsv.ToText(result.Rows).ShouldBe(expected);
        CatalogCsv.ToText(result.Rows, ExportOptions.Verbatim).ShouldBe(expected);
    }

    [SharedDataFact]
    public void the_exported_sheet_reads_back_to_the_same_rows_and_catalog_version()
    {
        var (_, result) = Sheet.Value;
        var again = CatalogCsv.Read(new StringReader(CatalogCsv.ToText(result.Rows)));
        again.Errors.ShouldBeEmpty();
        again.Rows.ShouldBe(result.Rows);
        again.Catalog.Version.ShouldBe(result.Catalog.Version);
        result.Rows.ShouldAllBe(p => !p.HasEvidence);
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
