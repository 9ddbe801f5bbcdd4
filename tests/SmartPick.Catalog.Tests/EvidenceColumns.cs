using Shouldly;
using SmartPick.Catalog.Sheet;
using SmartPick.Matching.Model;

namespace SmartPick.Catalog.Tests;

public class EvidenceColumns
{
    private const string Source = "public per-program interview rates by applicant type (2024-25 cycle)";

    /// <summary>The internal medicine sample row with every evidence cell filled.</summary>
    private static string[] WithEvidenceCells()
    {
        var cells = SampleSheet.InternalMedicineCells();
        string[] evidence = ["0.03", "0.05", "0.43", "0.15", Source, "2025-01"];
        evidence.CopyTo(cells, SheetColumns.WithoutEvidence.Count);
        return cells;
    }

    private static string WithEvidence(string column, string value)
    {
        var cells = WithEvidenceCells();
        cells[SheetColumns.InOrder.ToList().IndexOf(column)] = value;
        return SampleSheet.Line(cells);
    }

    private static string LegacyLine(string line) => string.Join(",", line.Split(',').SkipLast(SheetColumns.Evidence.Count));

    [Fact]
    public void the_sheet_ends_with_the_six_evidence_columns_after_observed_on()
    {
        SheetColumns.InOrder.Count.ShouldBe(27);
        SheetColumns.InOrder.Skip(20).ShouldBe([
            "observed_on", "nonus_img_interview_rate", "us_img_interview_rate", "signal_interview_rate",
            "no_signal_interview_rate", "evidence_source", "evidence_observed_on",
        ]);
    }

    [Fact]
    public void every_evidence_column_is_read_and_empty_cells_mean_not_published()
    {
        var result = SampleSheet.Read(SampleSheet.With(SampleSheet.Line(WithEvidenceCells()), SampleSheet.Pediatrics));
        result.Errors.ShouldBeEmpty(string.Join("\n", result.Errors));
        var im = result.Rows[0];
        (im.NonUsImgInterviewRate, im.UsImgInterviewRate, im.SignalInterviewRate, im.NoSignalInterviewRate)
            .ShouldBe((0.03m, 0.05m, 0.43m, 0.15m));
        (im.EvidenceSource, im.EvidenceObservedOn).ShouldBe((Source, "2025-01"));
        im.HasEvidence.ShouldBeTrue();

        var peds = result.Rows[1];
        (peds.NonUsImgInterviewRate, peds.UsImgInterviewRate, peds.SignalInterviewRate, peds.NoSignalInterviewRate)
            .ShouldBe((null, null, null, null));
        (peds.EvidenceSource, peds.EvidenceObservedOn).ShouldBe(("", ""));
        peds.HasEvidence.ShouldBeFalse();
    }

    [Fact]
    public void a_sheet_with_evidence_writes_back_byte_for_byte()
    {
        var partly = WithEvidenceCells();
        partly[0] = "1514140C1";
        partly[23] = "";
        partly[24] = "";
        partly[26] = "2024-11-30";
        var text = SampleSheet.With(SampleSheet.Line(WithEvidenceCells()), SampleSheet.Line(partly), SampleSheet.Pediatrics);
        var result = SampleSheet.Read(text);
        result.Errors.ShouldBeEmpty(string.Join("\n", result.Errors));
        CatalogCsv.ToText(result.Rows).ShouldBe(text);
    }

    [Fact]
    public void a_sheet_from_before_the_evidence_columns_still_imports_and_exports_with_them()
    {
        var legacyHeader = string.Join(",", SheetColumns.WithoutEvidence);
        var text = legacyHeader + "\r\n" + LegacyLine(SampleSheet.InternalMedicine) + "\r\n" + LegacyLine(SampleSheet.Pediatrics) + "\r\n";
        var result = SampleSheet.Read(text);
        result.Errors.ShouldBeEmpty(string.Join("\n", result.Errors));
        result.Rows.ShouldBe(SampleSheet.Read(SampleSheet.With(SampleSheet.InternalMedicine, SampleSheet.Pediatrics)).Rows);
        result.Rows.ShouldAllBe(p => !p.HasEvidence);
        CatalogCsv.ToText(result.Rows).ShouldBe(SampleSheet.With(SampleSheet.InternalMedicine, SampleSheet.Pediatrics));
    }

    [Fact]
    public void an_old_sheet_row_with_an_extra_cell_is_an_error_not_evidence()
    {
        var text = string.Join(",", SheetColumns.WithoutEvidence) + "\r\n" + LegacyLine(SampleSheet.Pediatrics) + ",0.03\r\n";
        var error = SampleSheet.Read(text).Errors.ShouldHaveSingleItem();
        error.Message.ShouldContain("22 cells but the sheet has 21 columns");
    }

    [Fact]
    public void a_header_with_only_some_evidence_columns_names_the_missing_ones()
    {
        var header = string.Join(",", SheetColumns.InOrder.Take(23));
        var result = SampleSheet.Read(header + "\r\n");
        result.Errors.Select(e => e.Column).ShouldBe(SheetColumns.InOrder.Skip(23));
        result.Errors.ShouldAllBe(e => e.Message.Contains("missing"));
    }

    [Fact]
    public void evidence_survives_an_xlsx_round_trip_with_rates_as_numbers()
    {
        var text = SampleSheet.With(SampleSheet.Line(WithEvidenceCells()), SampleSheet.Pediatrics);
        var rows = SampleSheet.Read(text).Rows;
        var guarded = rows[1] with { EvidenceSource = "=agency estimate", EvidenceObservedOn = "2024-12-01", UsImgInterviewRate = 0m };
        IReadOnlyList<CatalogProgram> programs = [rows[0], guarded];

        var back = CatalogXlsx.Read(new MemoryStream(CatalogXlsx.ToBytes(programs)));
        back.Errors.ShouldBeEmpty(string.Join("\n", back.Errors));
        back.Rows.ShouldBe(programs);
        back.Catalog.Version.ShouldBe(SmartPick.Matching.Model.Catalog.ComputeVersion(programs));
        back.Rows[1].NonUsImgInterviewRate.ShouldBeNull();
    }

    [Fact]
    public void a_workbook_from_before_the_evidence_columns_still_imports()
    {
        var bytes = HandMadeWorkbook.With(new Dictionary<int, string[]>
        {
            [1] = SheetColumns.WithoutEvidence.ToArray(),
            [2] = SampleSheet.InternalMedicineCells().Take(SheetColumns.WithoutEvidence.Count).ToArray(),
        });
        var result = CatalogXlsx.Read(new MemoryStream(bytes));
        result.Errors.ShouldBeEmpty(string.Join("\n", result.Errors));
        result.Rows.Single().HasEvidence.ShouldBeFalse();
    }

    [Fact]
    public void a_formula_like_evidence_source_is_guarded_on_export_and_read_back_unchanged()
    {
        var program = SampleSheet.Read(SampleSheet.With(SampleSheet.Line(WithEvidenceCells()))).Rows.Single()
            with { EvidenceSource = "=HYPERLINK(\"http://x\")" };
        var text = CatalogCsv.ToText([program]);
        text.ShouldContain(",\"'=HYPERLINK(\"\"http://x\"\")\",");
        SampleSheet.Read(text).Rows.Single().ShouldBe(program);
    }

    [Theory]
    [InlineData(SheetColumns.NonUsImgInterviewRate, "3%", "no % sign")]
    [InlineData(SheetColumns.NonUsImgInterviewRate, "3", "not a percent: write 0.03 for 3%")]
    [InlineData(SheetColumns.UsImgInterviewRate, "1.5", "not a percent")]
    [InlineData(SheetColumns.SignalInterviewRate, "-0.1", "from 0 to 1")]
    [InlineData(SheetColumns.NoSignalInterviewRate, "0.12345", "decimal places")]
    [InlineData(SheetColumns.NoSignalInterviewRate, "n/a", "or empty when not published")]
    [InlineData(SheetColumns.EvidenceObservedOn, "2025/01", "yyyy-MM")]
    [InlineData(SheetColumns.EvidenceObservedOn, "01-2025", "yyyy-MM")]
    [InlineData(SheetColumns.EvidenceObservedOn, "2025-13", "yyyy-MM")]
    [InlineData(SheetColumns.EvidenceObservedOn, "2025-02-30", "yyyy-MM")]
    [InlineData(SheetColumns.EvidenceObservedOn, "1999-12", "between 2000-01 and 2099-12")]
    [InlineData(SheetColumns.EvidenceObservedOn, "2100-01-01", "between 2000-01 and 2099-12")]
    [InlineData(SheetColumns.EvidenceSource, "line one\nline two", "line break")]
    public void a_bad_evidence_cell_is_reported_with_its_line_column_and_value(string column, string value, string message)
    {
        var result = SampleSheet.Read(SampleSheet.With(SampleSheet.Pediatrics, WithEvidence(column, value)));
        var error = result.Errors.ShouldHaveSingleItem(string.Join("\n", result.Errors));
        (error.Line, error.Column, error.Value).ShouldBe((3, column, value));
        error.Message.ShouldContain(message);
        result.Rows.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("0.5")]
    [InlineData("0.0125")]
    public void a_rate_from_0_to_1_is_accepted(string value)
    {
        SampleSheet.Read(SampleSheet.With(WithEvidence(SheetColumns.NonUsImgInterviewRate, value))).Errors.ShouldBeEmpty();
    }

    [Fact]
    public void the_editor_rules_check_evidence_the_same_way()
    {
        var program = SampleSheet.Read(SampleSheet.With(SampleSheet.Line(WithEvidenceCells()))).Rows.Single();
        ProgramRules.Validate(program).ShouldBeEmpty();
        ProgramRules.Validate(program with
        {
            NonUsImgInterviewRate = 12m, UsImgInterviewRate = -0.5m, EvidenceObservedOn = "January 2025",
            EvidenceSource = new string('x', ProgramRules.MaxSourceLength + 1),
        }).Select(v => v.Field).ShouldBe([
            SheetColumns.NonUsImgInterviewRate, SheetColumns.UsImgInterviewRate, SheetColumns.EvidenceSource, SheetColumns.EvidenceObservedOn,
        ]);
    }
}
