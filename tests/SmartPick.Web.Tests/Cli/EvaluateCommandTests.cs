using System.Text.Json;
using Shouldly;

namespace SmartPick.Web.Tests.Cli;

public class EvaluateCommandTests
{
    [SharedDataFact]
    public async Task evaluate_prints_the_calibration_figures_as_the_last_json_line()
    {
        var run = await HostProcess.RunAsync("evaluate", "--outcomes", CliData.SharedOutcomes, "--catalog", CliData.SharedCatalog);

        run.ExitCode.ShouldBe(0, run.Stderr);
        var lines = run.StdoutLines;
        lines.Length.ShouldBe(51);
        var summary = JsonDocument.Parse(lines[^1]).RootElement;
        summary.GetProperty("n").GetInt32().ShouldBe(50);
        summary.GetProperty("spearman").GetDouble().ShouldBeGreaterThan(0);
        summary.GetProperty("mae").GetDouble().ShouldBeLessThan(summary.GetProperty("naive_mae").GetDouble());
        summary.TryGetProperty("mean_signed_error", out _).ShouldBeTrue();
        JsonDocument.Parse(lines[0]).RootElement.GetProperty("row").GetString().ShouldBe("1");
    }

    [Fact]
    public async Task evaluate_on_a_small_outcomes_file_computes_its_figures()
    {
        using var temp = new HostProcess.TempFolder();
        var outcomes = temp.Write("o.csv", """
            row,img_type,step1,step1_pass,step2ck,step3,year_of_graduation,usce_months,ecfmg_certified,visa_required,publications,applications,interviews,specialty,season
            1,img,,Pass,250,,2022,6,Certified,no,3,3,2,Internal Medicine,2025
            2,img,210,,225,,2015,0,Certified,yes,0,3,0,Internal Medicine,2025
            """);
        var run = await HostProcess.RunAsync("evaluate", "--outcomes", outcomes, "--catalog", temp.Write("c.csv", CliData.SmallCatalog));

        run.ExitCode.ShouldBe(0, run.Stderr);
        var summary = JsonDocument.Parse(run.StdoutLines[^1]).RootElement;
        summary.GetProperty("n").GetInt32().ShouldBe(2);
        summary.GetProperty("spearman").GetDouble().ShouldBe(1.0);
    }

    [Fact]
    public async Task evaluate_with_a_summary_file_writes_the_last_line_there_naming_its_inputs_for_the_methods_page()
    {
        using var temp = new HostProcess.TempFolder();
        var outcomes = temp.Write("o.csv", """
            row,img_type,step1,step1_pass,step2ck,step3,year_of_graduation,usce_months,ecfmg_certified,visa_required,publications,applications,interviews,specialty,season
            1,img,,Pass,250,,2022,6,Certified,no,3,3,2,Internal Medicine,2025
            2,img,210,,225,,2015,0,Certified,yes,0,3,0,Internal Medicine,2025
            """);
        var file = Path.Combine(temp.Path, "calibration.json");
        var run = await HostProcess.RunAsync("evaluate", "--outcomes", outcomes, "--catalog", temp.Write("c.csv", CliData.SmallCatalog), "--summary", file);

        run.ExitCode.ShouldBe(0, run.Stderr);
        (await File.ReadAllTextAsync(file)).Trim().ShouldBe(run.StdoutLines[^1]);
        var summary = SmartPick.Web.Charts.CalibrationSummary.Parse(await File.ReadAllTextAsync(file));
        summary.N.ShouldBe(2);
        summary.Sources.Outcomes.ShouldBe("o.csv");
        summary.Sources.Catalog.ShouldBe("c.csv");
        summary.Sources.Evidence.ShouldBeNull();
        summary.Parameters.ShouldBe(SmartPick.Matching.Parameters.DefaultParameters.Current.Version);
    }

    [Fact]
    public async Task evaluate_with_a_bad_outcomes_cell_fails_naming_the_line_and_column()
    {
        using var temp = new HostProcess.TempFolder();
        var outcomes = temp.Write("o.csv", """
            row,img_type,step1,step1_pass,step2ck,step3,year_of_graduation,usce_months,ecfmg_certified,visa_required,publications,applications,interviews,specialty,season
            1,img,,Pass,high,,2022,6,Certified,no,3,150,2,Internal Medicine,2025
            """);
        var run = await HostProcess.RunAsync("evaluate", "--outcomes", outcomes, "--catalog", temp.Write("c.csv", CliData.SmallCatalog));

        run.ExitCode.ShouldNotBe(0);
        run.Stdout.Trim().ShouldBeEmpty();
        run.Stderr.ShouldContain("line 2.step2ck: 'high' is not a whole number");
        run.Stderr.ShouldNotContain("   at ");
    }
}
