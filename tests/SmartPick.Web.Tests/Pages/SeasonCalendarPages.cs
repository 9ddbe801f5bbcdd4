using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Alba;
using Marten;
using Shouldly;
using SmartPick.Advising.CandidateFiles;
using SmartPick.Contracts;
using SmartPick.Matching.Model;
using SmartPick.Nudges.Calendar;
using SmartPick.Nudges.Store;
using SmartPick.Web.Tests.Infrastructure;

namespace SmartPick.Web.Tests.Pages;

public sealed class SeasonCalendarPages(AppFixture app) : AppTest(app)
{
    private const string Zone = "America/New_York";
    private static readonly RecordedBy Advisor = new("advisor-1", "Test advisor");

    [Fact]
    public async Task when_an_admin_opens_a_season_the_milestones_show_in_the_agency_time_zone()
    {
        var org = await App.CreateOrgAsync("cal");
        var admin = await App.OrgAdminAsync(org);

        var html = await App.PageAs(admin, "/org/calendar?season=2026");

        var calendar = PageForms.Text(Regex.Match(html, "<table data-testid=\"calendar\">.*?</table>", RegexOptions.Singleline).Value);
        calendar.ShouldContain("Wednesday, March 4, 2026 at 9:00 PM (UTC-05:00, America/New_York)");
        calendar.ShouldContain("Friday, March 20, 2026");
        html.ShouldContain("These dates follow the published rules");
        // The edit form holds the same instants as the agency's wall clock.
        html.ShouldContain("name=\"rank_order_list_deadline\" value=\"2026-03-04T21:00\"");
    }

    [Fact]
    public async Task when_the_milestones_are_out_of_order_the_field_says_why_and_nothing_is_stored()
    {
        var org = await App.CreateOrgAsync("cal");
        var admin = await App.OrgAdminAsync(org);
        var fields = FormOf(SeasonCalendar.Default(2027));
        fields["match_day_at"] = "2027-03-01T12:00";

        var result = await App.SubmitAs(admin, "/org/calendar?season=2027", "/org/calendar?handler=Calendar&season=2027", fields, 400);

        (await result.ReadAsTextAsync()).ShouldContain("id=\"f-match-day-at-error\">Match Day must not come before Match Week starts.");
        var stored = await (await As(admin, x => x.Get.Url("/api/org/calendar/2027"))).ReadAsJsonAsync<JsonElement>();
        stored.GetProperty("custom").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task when_an_admin_moves_the_deadline_the_preview_lists_the_seeded_candidates_nudges_in_agency_time_and_sends_nothing()
    {
        var org = await App.CreateOrgAsync("cal");
        var admin = await App.OrgAdminAsync(org);
        var name = "Preview Candidate " + Guid.NewGuid().ToString("N")[..6];
        await CandidateWithInterviewAsync(org, name, 2027);
        var fields = FormOf(SeasonCalendar.Default(2027));
        fields["rank_order_list_deadline"] = "2027-03-10T21:00";

        var saved = await App.SubmitAs(admin, "/org/calendar?season=2027", "/org/calendar?handler=Calendar&season=2027", fields, 200);
        (await saved.ReadAsTextAsync()).ShouldContain("Wednesday, March 10, 2027 at 9:00 PM (UTC-05:00, America/New_York)");
        var stored = await (await As(admin, x => x.Get.Url("/api/org/calendar/2027"))).ReadAsJsonAsync<JsonElement>();
        stored.GetProperty("calendar").GetProperty("rank_order_list_deadline").GetDateTimeOffset()
            .ShouldBe(new DateTimeOffset(2027, 3, 11, 2, 0, 0, TimeSpan.Zero));

        var html = await App.PageAs(admin, "/org/calendar?season=2027&from=2027-02-01&to=2027-03-15");

        // 14, 7 and 2 days before March 10 at 9:00 New York time: a day each.
        Regex.Matches(html, "<h3>(.*?)</h3>").Select(m => m.Groups[1].Value).ShouldBe(["Wednesday 24 February 2027", "Wednesday 3 March 2027", "Monday 8 March 2027"]);
        var groups = Regex.Matches(html, "<table data-testid=\"preview-group\">.*?</table>", RegexOptions.Singleline).Select(m => PageForms.Text(m.Value)).ToList();
        groups.Count.ShouldBe(3);
        groups[0].ShouldContain($"Rank list reminder, 2027 Match: 1 nudge Candidate Time Before the rank order list deadline Status Email {name} 9:00 AM 14 days Will be sent View this email");
        groups[1].ShouldContain($"{name} 9:00 AM 7 days Will be sent");
        groups[2].ShouldContain($"{name} 9:00 AM 2 days Will be sent");
        await using var session = App.Session(org);
        (await session.Query<NudgeDelivery>().CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task when_the_preview_window_is_backwards_the_field_says_why()
    {
        var org = await App.CreateOrgAsync("cal");
        var admin = await App.OrgAdminAsync(org);

        var html = await App.PageAs(admin, "/org/calendar?season=2027&from=2027-03-01&to=2027-02-01", 400);

        html.ShouldContain("id=\"f-to-error\">To must be after from, at most two years later.");
    }

    [Fact]
    public async Task when_an_admin_creates_the_feed_link_it_is_shown_once_and_revoking_it_ends_the_feed()
    {
        var org = await App.CreateOrgAsync("cal");
        var admin = await App.OrgAdminAsync(org);

        var created = await App.SubmitAs(admin, "/org/calendar", "/org/calendar?handler=Feed", new Dictionary<string, string>(), 200);
        var url = Regex.Match(await created.ReadAsTextAsync(), "value=\"(https?://[^\"]+/feeds/[^\"]+\\.ics)\"").Groups[1].Value;
        url.ShouldNotBeEmpty();
        var path = new Uri(url).AbsolutePath;
        var feed = await Host.Scenario(x => { x.Get.Url(path); x.StatusCodeShouldBe(200); });
        (await feed.ReadAsTextAsync()).ShouldContain("BEGIN:VCALENDAR");
        var again = await App.PageAs(admin, "/org/calendar");
        again.ShouldNotContain(path);
        again.ShouldContain("data-testid=\"feed-active\"");

        await App.SubmitAs(admin, "/org/calendar", "/org/calendar?handler=RevokeFeed", new Dictionary<string, string>(), 200);

        await Host.Scenario(x => { x.Get.Url(path); x.StatusCodeShouldBe(404); });
        (await App.PageAs(admin, "/org/calendar")).ShouldContain("data-testid=\"feed-none\"");
    }

    private static Dictionary<string, string> FormOf(SeasonCalendar calendar) => new()
    {
        ["eras_opens_at"] = Local(calendar.ErasOpensAt),
        ["submission_opens_at"] = Local(calendar.SubmissionOpensAt),
        ["program_review_starts_at"] = Local(calendar.ProgramReviewStartsAt),
        ["ranking_opens_at"] = Local(calendar.RankingOpensAt),
        ["rank_order_list_deadline"] = Local(calendar.RankOrderListDeadline),
        ["match_week_starts_at"] = Local(calendar.MatchWeekStartsAt),
        ["match_day_at"] = Local(calendar.MatchDayAt),
    };

    private static string Local(DateTimeOffset at) => OrgTime.ToOrgLocal(at, Zone).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    private async Task CandidateWithInterviewAsync(TestOrg org, string name, int season)
    {
        var id = Guid.NewGuid();
        var at = Host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        object[] events =
        [
            new CandidateFileOpened(id, name, $"{Guid.NewGuid():N}@candidates.test", "India", ImgType.NonUsImg, VisaNeed.J1, 2018, ["internal_medicine"], [], [], null, null, Advisor, at),
            new CycleStarted(id, season, Advisor, at),
            new InterviewInvited(id, season, "IM-1", new DateOnly(season - 1, 11, 1), Advisor, at),
        ];
        await using var session = App.Session(org);
        session.Events.StartStream<CandidateFile>(id, events);
        await session.SaveChangesAsync();
    }
}
