using System.Text.Json;
using Alba;
using Shouldly;
using SmartPick.Contracts;
using SmartPick.Web.Tests.Infrastructure;

namespace SmartPick.Web.Tests.Advising;

/// <summary>
/// The stage-aware outlook through a season, recorded through the API as an advisor would: the same outlook on the
/// file, the cohort list, the cohort page and the candidate's own page. No expected percentages (the engine is
/// being recalibrated): the checks are the stage, that a matched candidate shows no chance, and that more
/// interviews mean a higher chance.
/// </summary>
public sealed class OutlookThroughTheSeasonTests(AppFixture app) : AdvisingTest(app)
{
    private static readonly string[] RiskWords = ["on_track", "watch", "act", "none"];

    private async Task<(TestUser Advisor, Guid Id, string Url)> FileWithListAsync(string prefix)
    {
        var org = await App.CreateOrgAsync(prefix);
        var advisor = await App.AdvisorAsync(org);
        var id = await OpenFileAsync(advisor);
        var url = $"/api/candidates/{id}";
        await PostAsync(advisor, $"{url}/exams", new { exam = new { exam = "step2ck", score = 232 }, taken_on = "2024-02-01" });
        await SettledListAsync(advisor, id);
        return (advisor, id, url);
    }

    private async Task<JsonElement> FileAsync(TestUser advisor, Guid id)
    {
        await SettledListAsync(advisor, id);
        return await GetAsync(advisor, $"/api/candidates/{id}");
    }

    private static string Stage(JsonElement file) => file.GetProperty("outlook").GetProperty("stage").GetString()!;

    [Fact]
    public async Task the_outlook_follows_the_season_from_before_applications_to_a_match()
    {
        var (advisor, id, url) = await FileWithListAsync("olm");

        var before = await FileAsync(advisor, id);
        Stage(before).ShouldBe("before_applications");
        before.GetProperty("risk").GetString().ShouldBeOneOf(RiskWords);
        before.GetProperty("p_match").GetDouble().ShouldBe(before.GetProperty("outlook").GetProperty("p_match").GetDouble());
        before.GetProperty("outlook").GetProperty("headline").GetString().ShouldNotBeNullOrWhiteSpace();

        await PostAsync(advisor, $"{url}/cycles", new { season = 2027 });
        Stage(await FileAsync(advisor, id)).ShouldBe("before_applications");

        await PostAsync(advisor, $"{url}/cycles/2027/applications", new { count = 100, submitted_on = "2026-09-02" });
        var applied = await FileAsync(advisor, id);
        Stage(applied).ShouldBe("applied");
        applied.GetProperty("outlook").GetProperty("expected_interviews").GetDouble().ShouldBeGreaterThan(0);

        var chances = new List<double>();
        var codes = await ProgramCodesAsync(advisor, 4);
        for (var k = 1; k <= 4; k++)
        {
            await PostAsync(advisor, $"{url}/cycles/2027/interviews", new { program_code = codes[k - 1], invited_on = "2026-10-20" });
            var interviewing = await FileAsync(advisor, id);
            Stage(interviewing).ShouldBe("interviewing");
            interviewing.GetProperty("status").GetString().ShouldBe("interviewing");
            chances.Add(interviewing.GetProperty("p_match").GetDouble());
        }
        chances.ShouldBe(chances.Order().ToList());
        chances[^1].ShouldBeGreaterThan(chances[0]);

        await PostAsync(advisor, $"{url}/cycles/2027/rank-list", new { programs_ranked = 4, certified_on = "2026-11-30" });
        var certified = await FileAsync(advisor, id);
        Stage(certified).ShouldBe("rank_list_certified");
        certified.GetProperty("outlook").GetProperty("expected_interviews").GetDouble().ShouldBe(4);

        await PostAsync(advisor, $"{url}/cycles/2027/outcome", new { outcome = "matched", program_code = codes[1] });
        var matched = await FileAsync(advisor, id);
        Stage(matched).ShouldBe("matched");
        matched.GetProperty("p_match").ValueKind.ShouldBe(JsonValueKind.Null);
        matched.GetProperty("outlook").GetProperty("p_match").ValueKind.ShouldBe(JsonValueKind.Null);
        matched.GetProperty("risk").GetString().ShouldBe("none");
        matched.GetProperty("attention").GetArrayLength().ShouldBe(0);

        // The cohort list says the same.
        var row = (await GetAsync(advisor, "/api/candidates")).GetProperty("candidates").EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == id);
        row.GetProperty("risk").GetString().ShouldBe("none");
        row.GetProperty("p_match").ValueKind.ShouldBe(JsonValueKind.Null);
        row.GetProperty("outlook").GetProperty("stage").GetString().ShouldBe("matched");
        row.TryGetProperty("list_points", out _).ShouldBeFalse();

        // The cohort page shows the match, not a chance.
        var html = await PageAsync(advisor, "/cohort");
        html.ShouldContain("data-testid=\"chance\">Matched</td>");
        html.ShouldContain("data-risk=\"None\"");
    }

    [Fact]
    public async Task an_unmatched_season_gives_the_reapplication_outlook_and_the_next_season_starts_before_applications()
    {
        var (advisor, id, url) = await FileWithListAsync("olu");
        await PostAsync(advisor, $"{url}/cycles", new { season = 2026 });
        await PostAsync(advisor, $"{url}/cycles/2026/applications", new { count = 120, submitted_on = "2025-09-03" });
        await PostAsync(advisor, $"{url}/cycles/2026/interviews", new { program_code = (await ProgramCodesAsync(advisor, 1))[0], invited_on = "2025-11-02" });
        await PostAsync(advisor, $"{url}/cycles/2026/rank-list", new { programs_ranked = 1, certified_on = "2026-02-25" });
        await PostAsync(advisor, $"{url}/cycles/2026/outcome", new { outcome = "unmatched" });

        var unmatched = await FileAsync(advisor, id);
        Stage(unmatched).ShouldBe("unmatched");
        unmatched.GetProperty("p_match").GetDouble().ShouldBeGreaterThanOrEqualTo(0);
        unmatched.GetProperty("risk").GetString().ShouldBeOneOf("on_track", "watch", "act");
        if (unmatched.GetProperty("risk").GetString() == "act")
            unmatched.GetProperty("attention").EnumerateArray().Select(a => a.GetString()).ShouldContain("act");

        await PostAsync(advisor, $"{url}/cycles", new { season = 2027 });
        Stage(await FileAsync(advisor, id)).ShouldBe("before_applications");
    }

    [Fact]
    public async Task the_candidate_sees_the_same_outlook_on_their_own_page_and_in_their_api()
    {
        var (advisor, id, url) = await FileWithListAsync("olc");
        await PostAsync(advisor, $"{url}/cycles", new { season = 2027 });
        await PostAsync(advisor, $"{url}/cycles/2027/applications", new { count = 100, submitted_on = "2026-09-02" });
        await PostAsync(advisor, $"{url}/cycles/2027/interviews", new { program_code = (await ProgramCodesAsync(advisor, 1))[0], invited_on = "2026-10-20" });
        var staff = await FileAsync(advisor, id);

        var candidate = await App.CreateUserAsync(advisor.Org, SmartPickRoles.Candidate, id);
        var mine = await GetAsync(candidate, "/api/me");
        mine.GetProperty("outlook").ToString().ShouldBe(staff.GetProperty("outlook").ToString());
        mine.GetProperty("risk").GetString().ShouldBe(staff.GetProperty("risk").GetString());

        var page = await PageAsync(candidate, "/me");
        page.ShouldContain(System.Net.WebUtility.HtmlEncode(staff.GetProperty("outlook").GetProperty("headline").GetString()!));
        var filePage = await PageAsync(advisor, $"/candidates/{id}");
        filePage.ShouldContain(System.Net.WebUtility.HtmlEncode(staff.GetProperty("outlook").GetProperty("headline").GetString()!));
    }

    [Fact]
    public async Task the_cohort_list_filters_by_the_new_risk_levels_and_refuses_the_old_ones()
    {
        var (advisor, id, _) = await FileWithListAsync("olf");
        var risk = (await FileAsync(advisor, id)).GetProperty("risk").GetString()!;
        var page = await GetAsync(advisor, $"/api/candidates?risk={risk}");
        page.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ShouldContain(id);
        foreach (var other in RiskWords.Where(r => r != risk))
            (await GetAsync(advisor, $"/api/candidates?risk={other}")).GetProperty("total").GetInt64().ShouldBe(0);
        await GetAsync(advisor, "/api/candidates?risk=high", 400);
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
