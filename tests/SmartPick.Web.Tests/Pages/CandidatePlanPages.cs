using System.Text.RegularExpressions;
using Shouldly;
using SmartPick.Contracts;
using SmartPick.Web.Tests.Advising;
using SmartPick.Web.Tests.Infrastructure;

namespace SmartPick.Web.Tests.Pages;

/// <summary>The candidate's own page leads with their plan: today's chance, the steps worth most with their gains, the rebuild year.</summary>
public sealed partial class CandidatePlanPages(AppFixture app) : AdvisingTest(app)
{
    [Fact]
    public async Task before_applications_the_candidate_sees_the_steps_worth_most_and_no_seasons_page_until_a_season_exists()
    {
        var org = await App.CreateOrgAsync("plan");
        var advisor = await App.AdvisorAsync(org);
        var id = await OpenFileAsync(advisor);
        await SettledListAsync(advisor, id);
        var candidate = await App.CreateUserAsync(org, SmartPickRoles.Candidate, id);

        var html = await App.PageAs(candidate, "/me");
        html.ShouldContain("data-testid=\"your-plan\"");
        var text = PageForms.Text(html);
        text.ShouldContain("With today's file:");
        var steps = Step().Matches(text);
        steps.Count.ShouldBeInRange(1, 3);
        var gains = steps.Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        gains.ShouldBe(gains.OrderByDescending(g => g).ToList(), "the steps worth most come first");
        text.ShouldContain("After a rebuild year");
        html.ShouldNotContain("data-testid=\"me-cycles-link\"");
        // The plan comes before the list.
        html.IndexOf("data-testid=\"your-plan\"", StringComparison.Ordinal).ShouldBeLessThan(html.IndexOf("data-testid=\"ranked-list\"", StringComparison.Ordinal));

        await PostAsync(advisor, $"/api/candidates/{id}/cycles", new { season = 2027 });
        (await App.PageAs(candidate, "/me")).ShouldContain("data-testid=\"me-cycles-link\"");
    }

    [GeneratedRegex(@": \+(\d+\.\d) points \(")]
    private static partial Regex Step();
}
