using System.Text.Json;
using Alba;
using Shouldly;
using SmartPick.Web.Tests.Advising;
using SmartPick.Web.Tests.Infrastructure;

namespace SmartPick.Web.Tests.Pages;

/// <summary>The cohort page's counts (from the daemon's dashboard) and its "needs attention first" list.</summary>
public sealed class CohortPageTests(AppFixture app) : AdvisingTest(app)
{
    [Fact]
    public async Task the_counts_and_who_needs_attention_first_show_above_the_table()
    {
        var org = await App.CreateOrgAsync("cpg");
        var advisor = await App.AdvisorAsync(org);
        // Neither has a Step 2 CK score yet, which the summary flags for attention.
        await OpenFileAsync(advisor, NewFile("Farid Attention", "farid@example.org"));
        await OpenFileAsync(advisor, NewFile("Grace Attention", "grace@example.org"));

        // The counts come from the asynchronous dashboard: wait until the daemon has seen both files.
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        JsonElement api;
        do
        {
            api = await GetAsync(advisor, "/api/cohort");
            if (api.GetProperty("total").GetInt32() == 2) break;
            await Task.Delay(200);
        } while (DateTimeOffset.UtcNow < deadline);
        api.GetProperty("total").GetInt32().ShouldBe(2);
        api.GetProperty("needs_attention").GetArrayLength().ShouldBe(2);

        var html = await PageAsync(advisor, "/cohort");
        html.ShouldNotContain("being brought up to date");
        html.ShouldContain("<span class=\"value\">2</span><span class=\"label\">candidates</span>");
        html.ShouldContain("Needs attention first");
        var attention = html[html.IndexOf("attention-heading", StringComparison.Ordinal)..html.IndexOf("data-testid=\"cohort-table\"", StringComparison.Ordinal)];
        attention.ShouldContain("Farid Attention");
        attention.ShouldContain("Grace Attention");
        // What to do, in words, with the deadline that matters; no internal codes.
        var said = PageForms.Text(attention);
        said.ShouldContain("No Step 2 CK recorded");
        said.ShouldMatch(@"in \d+ days?");
        said.ShouldNotContain("no_step2ck");

        // The cohort in pictures: where they stand, and the spread of chances, each said in words too.
        html.ShouldContain("data-testid=\"funnel-chart\"");
        html.ShouldContain("data-testid=\"chance-chart\"");
        PageForms.Text(html).ShouldContain("Preparing: 2");
    }

    [Fact]
    public async Task candidates_who_applied_are_drawn_against_the_interviews_their_applications_should_bring()
    {
        var org = await App.CreateOrgAsync("cpi");
        var advisor = await App.AdvisorAsync(org);
        var id = await OpenFileAsync(advisor, NewFile("Ivan Interviews", "ivan@example.org"));
        await SettledListAsync(advisor, id);
        await PostAsync(advisor, $"/api/candidates/{id}/cycles", new { season = 2027 });
        await PostAsync(advisor, $"/api/candidates/{id}/cycles/2027/applications", new { count = 60, submitted_on = "2026-09-02" });
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        string html;
        do
        {
            html = await PageAsync(advisor, "/cohort");
            if (html.Contains("data-testid=\"interviews-chart\"", StringComparison.Ordinal)) break;
            await Task.Delay(300);
        } while (DateTimeOffset.UtcNow < deadline);
        html.ShouldContain("data-testid=\"interviews-chart\"");
        html.ShouldContain("Ivan Interviews");
        html.ShouldMatch(@"0 of ~\d");
    }

    [Fact]
    public async Task another_organizations_candidates_are_not_counted_or_named()
    {
        var mine = await App.CreateOrgAsync("cpm");
        var theirs = await App.CreateOrgAsync("cpt");
        var myAdvisor = await App.AdvisorAsync(mine);
        var theirAdvisor = await App.AdvisorAsync(theirs);
        await OpenFileAsync(theirAdvisor, NewFile("Hidden Elsewhere", "hidden.elsewhere@example.org"));

        var html = await PageAsync(myAdvisor, "/cohort");
        html.ShouldNotContain("Hidden Elsewhere");
        html.ShouldContain("0 candidates");
    }

    private async Task<string> PageAsync(TestUser user, string url)
    {
        var result = await As(user, x =>
        {
            x.Get.Url(url);
            x.StatusCodeShouldBe(200);
        });
        return await result.ReadAsTextAsync();
    }
}
