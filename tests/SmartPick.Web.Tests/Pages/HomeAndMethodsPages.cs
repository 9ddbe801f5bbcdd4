using System.Globalization;
using System.Net;
using Shouldly;
using SmartPick.Catalog.Demo;
using SmartPick.Matching;
using SmartPick.Matching.Json;
using SmartPick.Matching.Parameters;
using SmartPick.Web.Charts;
using SmartPick.Web.Pages;
using SmartPick.Web.Pages.Shared;
using SmartPick.Web.Tests.Infrastructure;

namespace SmartPick.Web.Tests.Pages;

/// <summary>The home page shows a real list and its curve; the methods page shows the model's numbers and its measured figures.</summary>
public sealed class HomeAndMethodsPages(AppFixture app) : AppTest(app)
{
    private async Task<string> PageAsync(string url)
    {
        var result = await Host.Scenario(x =>
        {
            x.Get.Url(url);
            x.WithRequestHeader("Accept", "text/html");
            x.StatusCodeShouldBe(200);
        });
        return WebUtility.HtmlDecode(await result.ReadAsTextAsync());
    }

    [Fact]
    public async Task the_home_page_shows_the_worked_example_ranked_by_the_engine_against_the_demo_catalog_with_its_curve()
    {
        var html = await PageAsync("/");

        // Computed here independently of the page: the guide's worked example against the shipped demo catalog.
        var profile = ProfileJson.Parse(HomeExample.ProfileJsonText).Profile!;
        var result = MatchingEngine.Rank(profile, DemoCatalog.Generate(), new RankOptions(DefaultSeason: 2026));
        html.ShouldContain($"{result.RecommendedApplications} applications</strong>");
        html.ShouldContain($"data-testid=\"home-chance\">{Display.Pct(result.PMatchAtRecommended)}</strong>");
        foreach (var program in result.Programs.Take(HomeExample.Shown)) html.ShouldContain(program.ProgramName);
        html.ShouldNotContain(result.Programs[HomeExample.Shown].ProgramName);
        html.ShouldContain("data-testid=\"curve-chart\"");
        html.ShouldContain("(dashed curve)");
        html.ShouldContain("href=\"/methods\"");
    }

    [Fact]
    public async Task the_methods_page_lists_every_coefficient_of_the_current_parameter_set_with_its_reason()
    {
        var html = await PageAsync("/methods");
        var parameters = DefaultParameters.Current;
        html.ShouldContain($"parameter set {parameters.Version}");
        foreach (var coefficient in parameters.All())
        {
            html.ShouldContain(Display.Words(coefficient.Name));
            html.ShouldContain(coefficient.Rationale);
        }
        html.ShouldNotContain("docs/matching.md");
    }

    [Fact]
    public async Task the_methods_page_shows_the_held_out_figures_of_the_last_evaluation_and_names_the_data()
    {
        var html = await PageAsync("/methods");
        var c = CalibrationSummary.Current;
        string N(double x, string format = "0.00") => x.ToString(format, CultureInfo.InvariantCulture);
        html.ShouldContain($"correlation between expected and actual interviews is <strong>{N(c.Kfold.Spearman)}</strong>");
        html.ShouldContain($"<strong>{N(c.Kfold.Mae, "0.0")} interviews</strong> (naive: {N(c.Kfold.NaiveMae, "0.0")})");
        html.ShouldContain($"<strong>{N(c.Programs.Spearman)}</strong>");
        html.ShouldContain($"<strong>{Display.Pct(c.Population.PMatchAmongInterviewed)}</strong> match");
        html.ShouldContain($"the published\n            <strong>{Display.Pct(c.Population.PublishedMatchRate)}</strong>");
        html.ShouldContain(c.Sources.Outcomes);
        html.ShouldContain(CalibrationPlotEndpoint.Path);
    }

    [Fact]
    public void the_embedded_calibration_summary_was_measured_with_the_current_parameters_and_holds_out_data()
    {
        // A new parameter set must come with a new evaluation (evaluate --plot docs/calibration.svg --summary docs/calibration.json).
        var c = CalibrationSummary.Current;
        c.Parameters.ShouldBe(DefaultParameters.Current.Version);
        c.Kfold.Folds.ShouldBeGreaterThanOrEqualTo(2);
        c.N.ShouldBeGreaterThan(10);
        c.Programs.Programs.ShouldBeGreaterThan(100);
        c.Sources.ProgramsWithEvidence.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task a_signed_out_visitor_finds_the_methods_page_in_the_navigation()
    {
        var html = await PageAsync("/try");
        html.ShouldContain("<a href=\"/methods\"");
    }
}
