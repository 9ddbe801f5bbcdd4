using Alba;
using Shouldly;
using SmartPick.Web.Charts;
using SmartPick.Web.Tests.Infrastructure;

namespace SmartPick.Web.Tests.Advising;

/// <summary>The list page names each program's evidence and links to the engine's calibration plot.</summary>
public sealed class ListEvidencePageTests(AppFixture app) : AdvisingTest(app)
{
    [Fact]
    public async Task the_list_page_names_the_observed_rates_and_links_to_the_calibration_plot()
    {
        var org = await App.CreateOrgAsync("lev");
        var advisor = await App.AdvisorAsync(org);
        var id = await OpenFileAsync(advisor);
        var list = await ListNumberAsync(advisor, id, 1);
        list.GetProperty("programs").GetArrayLength().ShouldBeGreaterThan(0);

        var result = await As(advisor, x =>
        {
            x.Get.Url($"/candidates/{id}/list");
            x.StatusCodeShouldBe(200);
        });
        var html = await result.ReadAsTextAsync();
        // The organization's catalog is the demo one, whose labelled evidence covers most internal medicine programs.
        html.ShouldContain("of non-US IMG applicants to interview");
        html.ShouldContain($"href=\"{CalibrationPlotEndpoint.Path}\"");
        html.ShouldNotContain("class=\"num\">0%</td>", Case.Sensitive, "a chance is never shown as 0%");
        html.ShouldNotContain("data-testid=\"list-pmatch\">0%<");

        var plot = await Host.Scenario(x =>
        {
            x.Get.Url(CalibrationPlotEndpoint.Path);
            x.StatusCodeShouldBe(200);
            x.ContentTypeShouldBe("image/svg+xml");
        });
        var svg = await plot.ReadAsTextAsync();
        svg.ShouldStartWith("<svg");
        svg.ShouldContain("k-fold");
    }
}
