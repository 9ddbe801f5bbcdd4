using System.Text.Json;
using Shouldly;

namespace SmartPick.Web.Tests.Cli;

public class RankCommandTests
{
    private static void ShouldHaveNoStackTrace(HostRun run) => run.Stderr.ShouldNotContain("   at ");

    [Fact]
    public async Task rank_with_one_profile_prints_one_result_json_on_stdout()
    {
        using var temp = new HostProcess.TempFolder();
        var run = await HostProcess.RunAsync("rank", "--profile", temp.Write("p.json", CliData.WorkedExample), "--catalog", temp.Write("c.csv", CliData.SmallCatalog));

        run.ExitCode.ShouldBe(0, run.Stderr);
        var root = JsonDocument.Parse(run.Stdout).RootElement;
        root.GetProperty("programs").EnumerateArray().Select(p => p.GetProperty("program_code").GetString())
            .ShouldBe(["1001140C0", "1002140C0"], ignoreOrder: true);
        // C says no to J-1; D has a Step 2 CK cutoff of 235 above the profile's 228.
        root.GetProperty("excluded").EnumerateArray().Select(p => p.GetProperty("program_code").GetString())
            .ShouldBe(["1003140C0", "1004140C0"], ignoreOrder: true);
        root.GetProperty("excluded_counts").GetProperty("specialty_not_targeted").GetInt32().ShouldBe(1);
        root.GetProperty("risk_factors").EnumerateArray().Select(r => r.GetString()).ShouldContain("no_usce");
        root.GetProperty("versions").GetProperty("parameters").GetString().ShouldBe(SmartPick.Matching.Parameters.DefaultParameters.Current.Version);
    }

    [Fact]
    public async Task rank_with_a_budget_flag_limits_the_curve_to_that_budget()
    {
        using var temp = new HostProcess.TempFolder();
        var run = await HostProcess.RunAsync("rank", "--profile", temp.Write("p.json", CliData.WorkedExample), "--catalog", temp.Write("c.csv", CliData.SmallCatalog), "--budget", "2");

        run.ExitCode.ShouldBe(0, run.Stderr);
        JsonDocument.Parse(run.Stdout).RootElement.GetProperty("curve").EnumerateArray().Last().GetProperty("n").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task rank_with_a_dollar_budget_prices_the_list_within_it_and_says_what_would_unlock_programs()
    {
        using var temp = new HostProcess.TempFolder();
        var profile = temp.Write("p.json", CliData.WorkedExample);
        var catalog = temp.Write("c.csv", CliData.SmallCatalog);
        // $165 token + $80 transcript + $70 NRMP + $11 for one program.
        var run = await HostProcess.RunAsync("rank", "--profile", profile, "--catalog", catalog, "--budget-usd", "326");

        run.ExitCode.ShouldBe(0, run.Stderr);
        var root = JsonDocument.Parse(run.Stdout).RootElement;
        var plan = root.GetProperty("plan");
        plan.GetProperty("budget_usd").GetDecimal().ShouldBe(326m);
        plan.GetProperty("applications_affordable").GetInt32().ShouldBe(1);
        plan.GetProperty("cost_usd").GetProperty("total").GetDecimal().ShouldBe(326m);
        root.GetProperty("recommended_applications").GetInt32().ShouldBe(1);
        root.GetProperty("unlock").ValueKind.ShouldBe(JsonValueKind.Array);

        var bad = await HostProcess.RunAsync("rank", "--profile", profile, "--catalog", catalog, "--budget-usd", "-5");
        bad.ExitCode.ShouldNotBe(0);
        bad.Stderr.ShouldContain("--budget-usd must be between 0 and");
        ShouldHaveNoStackTrace(bad);
    }

    [Fact]
    public async Task rank_is_deterministic_across_processes()
    {
        using var temp = new HostProcess.TempFolder();
        var profile = temp.Write("p.json", CliData.WorkedExample);
        var catalog = temp.Write("c.csv", CliData.SmallCatalog);
        var first = await HostProcess.RunAsync("rank", "--profile", profile, "--catalog", catalog);
        var second = await HostProcess.RunAsync("rank", "--profile", profile, "--catalog", catalog);
        first.ExitCode.ShouldBe(0, first.Stderr);
        second.Stdout.ShouldBe(first.Stdout);
    }

    [Fact]
    public async Task rank_with_an_unknown_profile_field_fails_naming_the_field_on_stderr()
    {
        using var temp = new HostProcess.TempFolder();
        var run = await HostProcess.RunAsync("rank", "--profile", temp.Write("p.json", """{"target_specialties":["internal_medicine"],"step2_score":240}"""),
            "--catalog", temp.Write("c.csv", CliData.SmallCatalog));

        run.ExitCode.ShouldNotBe(0);
        run.Stdout.Trim().ShouldBeEmpty();
        run.Stderr.ShouldContain("step2_score: unknown field 'step2_score'");
        ShouldHaveNoStackTrace(run);
    }

    [Fact]
    public async Task rank_with_an_out_of_range_score_fails_naming_the_field()
    {
        using var temp = new HostProcess.TempFolder();
        var run = await HostProcess.RunAsync("rank", "--profile", temp.Write("p.json", """{"exams":[{"exam":"step2ck","score":400}]}"""),
            "--catalog", temp.Write("c.csv", CliData.SmallCatalog));

        run.ExitCode.ShouldNotBe(0);
        run.Stderr.ShouldContain("exams[0].score: must be between 1 and 300");
        ShouldHaveNoStackTrace(run);
    }

    [Fact]
    public async Task rank_with_a_missing_catalog_file_fails_with_a_clear_message()
    {
        using var temp = new HostProcess.TempFolder();
        var run = await HostProcess.RunAsync("rank", "--profile", temp.Write("p.json", CliData.WorkedExample), "--catalog", Path.Combine(temp.Path, "missing.csv"));

        run.ExitCode.ShouldNotBe(0);
        run.Stdout.Trim().ShouldBeEmpty();
        run.Stderr.ShouldContain("--catalog: file not found");
        ShouldHaveNoStackTrace(run);
    }

    [Fact]
    public async Task rank_with_a_bad_catalog_row_fails_naming_the_line_and_column()
    {
        using var temp = new HostProcess.TempFolder();
        var bad = CliData.SmallCatalog.Replace("1001140C0,Hospital A-NY - Internal Medicine,Hospital A,Bronx,NY,140,Internal Medicine,categorical,community,12,60,yes",
            "1001140C0,Hospital A-NY - Internal Medicine,Hospital A,Bronx,NY,140,Internal Medicine,categorical,community,12,60,perhaps", StringComparison.Ordinal);
        var run = await HostProcess.RunAsync("rank", "--profile", temp.Write("p.json", CliData.WorkedExample), "--catalog", temp.Write("c.csv", bad));

        run.ExitCode.ShouldNotBe(0);
        run.Stderr.ShouldContain("line 2");
        run.Stderr.ShouldContain("visa_j1");
        ShouldHaveNoStackTrace(run);
    }

    [Fact]
    public async Task rank_with_evidence_ranks_the_catalog_with_the_evidence_merged_in()
    {
        using var temp = new HostProcess.TempFolder();
        var profile = temp.Write("p.json", CliData.WorkedExample);
        var catalog = temp.Write("c.csv", CliData.SmallCatalog);
        var evidence = temp.Write("e.csv", CliData.SmallEvidence);
        var merged = temp.Write("merged.csv", "");
        (await HostProcess.RunAsync("catalog-evidence", "--catalog", catalog, "--evidence", evidence, "--out", merged)).ExitCode.ShouldBe(0);

        var plain = await HostProcess.RunAsync("rank", "--profile", profile, "--catalog", catalog);
        var withEvidence = await HostProcess.RunAsync("rank", "--profile", profile, "--catalog", catalog, "--evidence", evidence);
        var fromMergedSheet = await HostProcess.RunAsync("rank", "--profile", profile, "-c", merged);

        withEvidence.ExitCode.ShouldBe(0, withEvidence.Stderr);
        string CatalogVersion(HostRun run) => JsonDocument.Parse(run.Stdout).RootElement.GetProperty("versions").GetProperty("catalog").GetString()!;
        CatalogVersion(withEvidence).ShouldNotBe(CatalogVersion(plain));
        CatalogVersion(withEvidence).ShouldBe(CatalogVersion(fromMergedSheet));
        withEvidence.Stdout.ShouldBe(fromMergedSheet.Stdout);
    }

    [Fact]
    public async Task rank_with_a_bad_evidence_file_fails_naming_the_line_and_column()
    {
        using var temp = new HostProcess.TempFolder();
        var bad = CliData.SmallEvidence.Replace(",0.05,", ",5%,", StringComparison.Ordinal);
        var run = await HostProcess.RunAsync("rank", "--profile", temp.Write("p.json", CliData.WorkedExample),
            "--catalog", temp.Write("c.csv", CliData.SmallCatalog), "-e", temp.Write("e.csv", bad));

        run.ExitCode.ShouldNotBe(0);
        run.Stdout.Trim().ShouldBeEmpty();
        run.Stderr.ShouldContain("line 2, nonus_img_interview_rate '5%'");
        ShouldHaveNoStackTrace(run);

        var missing = await HostProcess.RunAsync("rank", "--profile", temp.Write("p2.json", CliData.WorkedExample),
            "--catalog", temp.Write("c2.csv", CliData.SmallCatalog), "--evidence", Path.Combine(temp.Path, "missing.csv"));
        missing.ExitCode.ShouldNotBe(0);
        missing.Stderr.ShouldContain("--evidence: file not found");
    }

    [Fact]
    public async Task rank_with_profiles_prints_one_result_per_line_in_input_order()
    {
        using var temp = new HostProcess.TempFolder();
        var lines = string.Join("\n",
            CliData.WorkedExample,
            """{"visa_need":"none","exams":[{"exam":"step2ck","score":255}],"usce":[{"kind":"hands_on","specialty":"family_medicine","months":4}],"target_specialties":["family_medicine"]}""",
            CliData.WorkedExample.Replace("\"j1\"", "\"h1b\"", StringComparison.Ordinal));
        var run = await HostProcess.RunAsync("rank", "--profiles", temp.Write("p.jsonl", lines), "--catalog", temp.Write("c.csv", CliData.SmallCatalog));

        run.ExitCode.ShouldBe(0, run.Stderr);
        var results = run.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        results.Count.ShouldBe(3);
        results[1].GetProperty("programs")[0].GetProperty("program_code").GetString().ShouldBe("1005120C0");
        results[2].GetProperty("risk_factors").EnumerateArray().Select(r => r.GetString()).ShouldContain("h1b_needs_step3");
    }

    [Fact]
    public async Task rank_with_profiles_reports_every_bad_line_and_prints_nothing()
    {
        using var temp = new HostProcess.TempFolder();
        var lines = string.Join("\n", CliData.WorkedExample, """{"target_specialties":["cardiology"]}""", """{"season":"next"}""");
        var run = await HostProcess.RunAsync("rank", "--profiles", temp.Write("p.jsonl", lines), "--catalog", temp.Write("c.csv", CliData.SmallCatalog));

        run.ExitCode.ShouldNotBe(0);
        run.Stdout.Trim().ShouldBeEmpty();
        run.Stderr.ShouldContain("line 2: target_specialties[0]: unknown specialty 'cardiology'");
        run.Stderr.ShouldContain("line 3: season: must be a whole number");
    }

    [Fact]
    public async Task rank_needs_exactly_one_of_profile_and_profiles()
    {
        using var temp = new HostProcess.TempFolder();
        var run = await HostProcess.RunAsync("rank", "--catalog", temp.Write("c.csv", CliData.SmallCatalog));
        run.ExitCode.ShouldNotBe(0);
        run.Stderr.ShouldContain("exactly one of --profile");
    }

    [SharedDataFact]
    public async Task rank_of_the_worked_example_against_the_shared_catalog_recommends_at_least_100_applications()
    {
        using var temp = new HostProcess.TempFolder();
        var run = await HostProcess.RunAsync("rank", "--profile", temp.Write("p.json", CliData.WorkedExample), "--catalog", CliData.SharedCatalog);

        run.ExitCode.ShouldBe(0, run.Stderr);
        var root = JsonDocument.Parse(run.Stdout).RootElement;
        root.GetProperty("recommended_applications").GetInt32().ShouldBeGreaterThanOrEqualTo(100);
        root.GetProperty("programs_total").GetInt32().ShouldBe(760);
    }

    [SharedDataFact]
    public async Task rank_of_2000_profiles_against_the_shared_catalog_prints_2000_results()
    {
        using var temp = new HostProcess.TempFolder();
        var steps = new[] { 215, 228, 240, 252, 265 };
        var visas = new[] { "none", "j1", "h1b", "either" };
        var lines = Enumerable.Range(0, 2000).Select(i =>
            "{\"img_type\":\"non_us_img\",\"visa_need\":\"" + visas[i % 4] + "\",\"year_of_graduation\":" + (2012 + i % 14)
            + ",\"season\":2026,\"exams\":[{\"exam\":\"step2ck\",\"score\":" + steps[i % 5] + "}],\"usce\":[{\"kind\":\"hands_on\",\"specialty\":\"internal_medicine\",\"months\":" + (i % 7)
            + "}],\"target_specialties\":[\"" + (i % 3 == 0 ? "family_medicine" : "internal_medicine") + "\"],\"budget\":{\"applications\":" + (60 + i % 150) + "}}");
        var run = await HostProcess.RunAsync("rank", "--profiles", temp.Write("p.jsonl", string.Join("\n", lines)), "--catalog", CliData.SharedCatalog);

        run.ExitCode.ShouldBe(0, run.Stderr);
        var results = run.StdoutLines;
        results.Length.ShouldBe(2000);
        var first = JsonDocument.Parse(results[0]).RootElement;
        first.GetProperty("programs").GetArrayLength().ShouldBe(25);
        first.GetProperty("programs_total").GetInt32().ShouldBeGreaterThan(25);
    }
}
