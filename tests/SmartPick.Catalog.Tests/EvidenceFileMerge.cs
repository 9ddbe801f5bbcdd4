using Shouldly;
using SmartPick.Catalog.Sheet;
using SmartPick.Matching.Model;

namespace SmartPick.Catalog.Tests;

public class EvidenceFileMerge
{
    private const string Header =
        "program_code,specialty,program_name_in_source,state,nonus_img_interview_rate,us_img_interview_rate,md_interview_rate,do_interview_rate,signal_interview_rate,no_signal_interview_rate,source,observed_on";

    private const string Source = "public per-program interview rates by applicant type (2024-25 cycle)";

    private static EvidenceReadResult Read(params string[] lines) =>
        EvidenceCsv.Read(new StringReader(Header + "\r\n" + string.Concat(lines.Select(l => l + "\r\n"))));

    private static IReadOnlyList<CatalogProgram> SampleCatalog() =>
        SampleSheet.Read(SampleSheet.With(SampleSheet.InternalMedicine, SampleSheet.Pediatrics)).Rows;

    [Fact]
    public void every_column_is_read_and_empty_rates_are_unknown()
    {
        var result = Read(
            "1514140C0,internal_medicine,\"Richmond University Medical Center Program, Staten Island\",NY,0.10,0.12,0.30,0.20,,," + Source + ",2025-01",
            "2001320C0,pediatrics,Demo Children's Program,IL,0.00,0.01,0.40,0.25,0.59,0.21," + Source + ",2025-01-15");
        result.Errors.ShouldBeEmpty(string.Join("\n", result.Errors));
        result.Rows[0].ShouldBe(new ProgramEvidenceRow(2, "1514140C0", "internal_medicine", "Richmond University Medical Center Program, Staten Island",
            "NY", 0.10m, 0.12m, 0.30m, 0.20m, null, null, Source, "2025-01"));
        (result.Rows[1].Line, result.Rows[1].SignalInterviewRate, result.Rows[1].NoSignalInterviewRate, result.Rows[1].ObservedOn)
            .ShouldBe((3, 0.59m, 0.21m, "2025-01-15"));
    }

    [Theory]
    [InlineData(4, "5%", "no % sign")]
    [InlineData(5, "12", "not a percent")]
    [InlineData(8, "-0.2", "from 0 to 1")]
    [InlineData(11, "2025/01", "yyyy-MM")]
    [InlineData(0, "", "required")]
    public void a_bad_cell_is_reported_with_its_line_and_column_and_the_row_is_left_out(int cell, string value, string message)
    {
        var cells = ("1514140C0,internal_medicine,Richmond,NY,0.10,0.12,0.30,0.20,,," + Source + ",2025-01").Split(',');
        cells[cell] = value;
        var result = Read("2001320C0,pediatrics,Demo,IL,0.00,0.01,0.40,0.25,0.59,0.21," + Source + ",2025-01", string.Join(",", cells));
        var error = result.Errors.ShouldHaveSingleItem();
        (error.Line, error.Column, error.Value).ShouldBe((3, EvidenceCsv.Columns[cell], value));
        error.Message.ShouldContain(message);
        result.Rows.Single().ProgramCode.ShouldBe("2001320C0");
    }

    [Fact]
    public void a_header_missing_a_column_is_an_error_and_no_row_is_read()
    {
        var header = Header.Replace(",md_interview_rate", "", StringComparison.Ordinal);
        var result = EvidenceCsv.Read(new StringReader(header + "\r\n1514140C0,im,R,NY,0.1,0.1,0.1,,,s,2025-01\r\n"));
        var error = result.Errors.ShouldHaveSingleItem();
        (error.Line, error.Column).ShouldBe((1, EvidenceCsv.MdInterviewRate));
        result.Rows.ShouldBeEmpty();
    }

    [Fact]
    public void columns_may_come_in_another_order()
    {
        var result = EvidenceCsv.Read(new StringReader(
            "observed_on,source,no_signal_interview_rate,signal_interview_rate,do_interview_rate,md_interview_rate,us_img_interview_rate,nonus_img_interview_rate,state,program_name_in_source,specialty,program_code\n"
            + "2025-01,src,0.2,0.5,,,0.04,0.03,NY,Richmond,internal_medicine,1514140C0\n"));
        result.Errors.ShouldBeEmpty();
        var row = result.Rows.Single();
        (row.ProgramCode, row.NonUsImgInterviewRate, row.UsImgInterviewRate, row.SignalInterviewRate, row.NoSignalInterviewRate)
            .ShouldBe(("1514140C0", 0.03m, 0.04m, 0.5m, 0.2m));
    }

    [Fact]
    public void a_program_listed_twice_is_an_error_on_the_later_line()
    {
        var line = "1514140C0,internal_medicine,R,NY,0.10,0.12,0.30,0.20,,,s,2025-01";
        var error = Read(line, line.Replace("0.10", "0.20", StringComparison.Ordinal)).Errors.ShouldHaveSingleItem();
        (error.Line, error.Column).ShouldBe((3, EvidenceCsv.ProgramCode));
        error.Message.ShouldContain("line 2");
    }

    [Fact]
    public void an_unclosed_quote_names_the_evidence_column()
    {
        var error = Read("1514140C0,internal_medicine,\"Richmond,NY,0.10,0.12,0.30,0.20,,,s,2025-01").Errors.ShouldHaveSingleItem();
        (error.Line, error.Column).ShouldBe((2, EvidenceCsv.ProgramNameInSource));
    }

    [Fact]
    public void merging_sets_the_rates_source_and_date_by_program_code_and_counts_what_matched()
    {
        var rows = Read(
            "1514140c0,internal_medicine,Richmond,NY,0.10,0.12,0.30,0.20,,," + Source + ",2025-01",
            "9999140C0,internal_medicine,Nowhere,NY,0.05,0.05,0.30,0.20,,," + Source + ",2025-01").Rows;
        var catalog = SampleCatalog();

        var result = CatalogEvidence.Merge(catalog, rows);

        result.Counts.ShouldBe(new EvidenceMergeCounts(Merged: 1, WithoutProgram: 1, Listed: 2));
        result.WithoutProgram.Single().ProgramCode.ShouldBe("9999140C0");
        result.Programs.Select(p => p.ProgramCode).ShouldBe(catalog.Select(p => p.ProgramCode));
        var im = result.Programs[0];
        im.ShouldBe(catalog[0] with
        {
            NonUsImgInterviewRate = 0.1m, UsImgInterviewRate = 0.12m, EvidenceSource = Source, EvidenceObservedOn = "2025-01",
        });
        im.NonUsImgInterviewRate.ToString().ShouldBe("0.1");
        (im.SignalInterviewRate, im.NoSignalInterviewRate).ShouldBe((null, null));
        result.Programs[1].ShouldBeSameAs(catalog[1]);
    }

    [Fact]
    public void a_merged_catalog_keeps_its_version_through_csv_and_xlsx()
    {
        var rows = Read("1514140C0,internal_medicine,Richmond,NY,0.10,0.00,0.30,0.20,0.50,0.20," + Source + ",2025-01").Rows;
        var merged = CatalogEvidence.Merge(SampleCatalog(), rows).Programs;
        var version = SmartPick.Matching.Model.Catalog.ComputeVersion(merged);

        SampleSheet.Read(CatalogCsv.ToText(merged)).Catalog.Version.ShouldBe(version);
        CatalogXlsx.Read(new MemoryStream(CatalogXlsx.ToBytes(merged))).Catalog.Version.ShouldBe(version);
    }

    [Fact]
    public void evidence_replaces_what_a_program_had_and_an_empty_file_changes_nothing()
    {
        var catalog = SampleCatalog().Select(p => p with { NonUsImgInterviewRate = 0.5m, SignalInterviewRate = 0.9m, EvidenceSource = "old" }).ToList();
        var rows = Read("1514140C0,internal_medicine,R,NY,0.02,0.03,0.30,0.20,,,new,2025-01").Rows;

        var merged = CatalogEvidence.Merge(catalog, rows).Programs;
        (merged[0].NonUsImgInterviewRate, merged[0].SignalInterviewRate, merged[0].EvidenceSource).ShouldBe((0.02m, null, "new"));
        merged[1].ShouldBe(catalog[1]);

        var none = CatalogEvidence.Merge(catalog, []);
        none.Programs.ShouldBe(catalog);
        none.Counts.ShouldBe(new EvidenceMergeCounts(0, 0, 0));
    }

    [SharedEvidenceFact]
    public void the_real_evidence_file_merges_about_a_thousand_programs_of_the_real_catalog()
    {
        var evidence = EvidenceCsv.ReadFile(SharedData.EvidenceFile);
        evidence.Errors.ShouldBeEmpty(string.Join("\n", evidence.Errors.Take(10)));
        evidence.Rows.Count.ShouldBeInRange(900, 1100);

        var catalog = CatalogCsv.ReadFile(SharedData.CatalogFile).Catalog;
        var result = CatalogEvidence.Merge(catalog.Programs, evidence.Rows);

        result.Counts.Listed.ShouldBe(evidence.Rows.Count);
        result.Counts.Merged.ShouldBeInRange(900, 1100);
        (result.Counts.Merged + result.Counts.WithoutProgram).ShouldBe(result.Counts.Listed);
        result.Programs.Count(p => p.HasEvidence).ShouldBe(result.Counts.Merged);
        result.Programs.Where(p => p.HasEvidence).ShouldAllBe(p => p.NonUsImgInterviewRate != null && p.EvidenceObservedOn == "2025-01");
        result.Programs.Where(p => p.HasEvidence).Select(p => p.SpecialtyCode).Distinct().Order()
            .ShouldBe(["120", "140", "180", "300", "320", "400"]);
        result.Programs.ShouldAllBe(p => ProgramRules.Validate(p).Count == 0);
    }
}
