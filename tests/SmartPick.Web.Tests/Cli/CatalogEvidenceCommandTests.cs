using Shouldly;
using SmartPick.Catalog.Sheet;

namespace SmartPick.Web.Tests.Cli;

public class CatalogEvidenceCommandTests
{
    private static SheetReadResult ReadSheet(string csv) => CatalogCsv.Read(new StringReader(csv));

    [Fact]
    public async Task catalog_evidence_prints_the_merged_sheet_on_stdout_and_the_counts_on_stderr()
    {
        using var temp = new HostProcess.TempFolder();
        var run = await HostProcess.RunAsync("catalog-evidence", "--catalog", temp.Write("c.csv", CliData.SmallCatalog),
            "--evidence", temp.Write("e.csv", CliData.SmallEvidence));

        run.ExitCode.ShouldBe(0, run.Stderr);
        var sheet = ReadSheet(run.Stdout);
        sheet.Errors.ShouldBeEmpty();
        sheet.Rows.Select(p => p.ProgramCode).ShouldBe(["1001140C0", "1002140C0", "1003140C0", "1004140C0", "1005120C0"]);
        var a = sheet.Rows[0];
        (a.NonUsImgInterviewRate, a.UsImgInterviewRate, a.SignalInterviewRate, a.EvidenceSource, a.EvidenceObservedOn)
            .ShouldBe((0.05m, 0.07m, null, "test evidence", "2025-01"));
        (sheet.Rows[4].SignalInterviewRate, sheet.Rows[4].NoSignalInterviewRate).ShouldBe((0.43m, 0.15m));
        sheet.Rows.Count(p => p.HasEvidence).ShouldBe(2);

        run.Stderr.ShouldContain("3 evidence row(s); merged 2 into 5 catalog program(s); 1 row(s) name no program of the catalog");
        run.Stderr.ShouldContain("line 4: 1999140C0 is not in the catalog");
    }

    [Fact]
    public async Task catalog_evidence_with_out_writes_the_file_and_nothing_on_stdout()
    {
        using var temp = new HostProcess.TempFolder();
        var output = Path.Combine(temp.Path, "merged.csv");
        var run = await HostProcess.RunAsync("catalog-evidence", "-c", temp.Write("c.csv", CliData.SmallCatalog),
            "-e", temp.Write("e.csv", CliData.SmallEvidence), "--out", output);

        run.ExitCode.ShouldBe(0, run.Stderr);
        run.Stdout.ShouldBeEmpty();
        var written = await File.ReadAllTextAsync(output);
        written.ShouldStartWith(string.Join(",", SheetColumns.InOrder) + "\r\n");
        ReadSheet(written).Rows.Count(p => p.HasEvidence).ShouldBe(2);
    }

    [Fact]
    public async Task catalog_evidence_with_a_bad_evidence_row_fails_and_writes_nothing()
    {
        using var temp = new HostProcess.TempFolder();
        var output = Path.Combine(temp.Path, "merged.csv");
        var bad = CliData.SmallEvidence.Replace("test evidence,2025-01\r\n1005120C0", "test evidence,January 2025\r\n1005120C0", StringComparison.Ordinal);
        var run = await HostProcess.RunAsync("catalog-evidence", "--catalog", temp.Write("c.csv", CliData.SmallCatalog),
            "--evidence", temp.Write("e.csv", bad), "--out", output);

        run.ExitCode.ShouldNotBe(0);
        run.Stdout.ShouldBeEmpty();
        run.Stderr.ShouldContain("line 2, observed_on 'January 2025'");
        run.Stderr.ShouldNotContain("   at ");
        File.Exists(output).ShouldBeFalse();
    }

    [Fact]
    public async Task catalog_evidence_needs_both_files()
    {
        using var temp = new HostProcess.TempFolder();
        var noEvidence = await HostProcess.RunAsync("catalog-evidence", "--catalog", temp.Write("c.csv", CliData.SmallCatalog));
        noEvidence.ExitCode.ShouldNotBe(0);
        noEvidence.Stderr.ShouldContain("--evidence FILE.csv is required");

        var noCatalog = await HostProcess.RunAsync("catalog-evidence", "--evidence", temp.Write("e.csv", CliData.SmallEvidence));
        noCatalog.ExitCode.ShouldNotBe(0);
        noCatalog.Stderr.ShouldContain("--catalog FILE.csv is required");
    }

    [SharedDataFact]
    public async Task catalog_evidence_merges_the_shared_evidence_into_the_shared_catalog()
    {
        using var temp = new HostProcess.TempFolder();
        var output = Path.Combine(temp.Path, "merged.csv");
        var run = await HostProcess.RunAsync("catalog-evidence", "--catalog", CliData.SharedCatalog, "--evidence", CliData.SharedEvidence, "--out", output);

        run.ExitCode.ShouldBe(0, run.Stderr);
        var sheet = CatalogCsv.ReadFile(output);
        sheet.Errors.ShouldBeEmpty();
        sheet.Rows.Count(p => p.HasEvidence).ShouldBeInRange(900, 1100);
    }
}
