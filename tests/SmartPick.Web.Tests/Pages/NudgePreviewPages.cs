using System.Net;
using System.Text.RegularExpressions;
using Alba;
using Marten;
using Shouldly;
using SmartPick.Nudges.Calendar;
using SmartPick.Nudges.Store;
using SmartPick.Web.Pages.Org;
using SmartPick.Web.Tests.Infrastructure;
using SmartPick.Web.Tests.Nudges;

namespace SmartPick.Web.Tests.Pages;

/// <summary>
/// The nudge preview of <c>/org/calendar</c> by day and kind, one candidate's email as it would leave, and the test
/// copy an admin sends to themselves through the organization's mail route (the in-process SMTP server here).
/// </summary>
public sealed class NudgePreviewPages(AppFixture app) : NudgeTest(app)
{
    private const string Zone = "America/New_York";
    private const string Window = "/org/calendar?season=2026&from=2026-02-01&to=2026-03-01";

    /// <summary>Fourteen days before the 2026 rank order list deadline (March 4, 2026): the day the scenario's nudges fall due.</summary>
    private static readonly DateOnly DueDay = LocalDate(SeasonCalendar.Default(2026).RankOrderListDeadline).AddDays(-14);

    [Fact]
    public async Task the_preview_groups_the_nudges_by_day_and_kind_in_plain_words_without_keys()
    {
        var admin = await App.OrgAdminAsync(Org);
        var (rhea, ian, ivy) = await ThreeDueTheSameDayAsync(admin);

        var html = await App.PageAs(admin, Window);

        Regex.Matches(html, "data-testid=\"preview-day\"").Count.ShouldBe(1);
        html.ShouldContain("<h3>Wednesday 18 February 2026</h3>");
        var groups = Regex.Matches(html, "<table data-testid=\"preview-group\">.*?</table>", RegexOptions.Singleline).Select(m => PageForms.Text(m.Value).Trim()).ToList();
        groups.Count.ShouldBe(2);
        groups[0].ShouldStartWith("Reapplication reminder, 2027 Match: 1 nudge ");
        groups[0].ShouldContain("Rhea Unmatched 9:00 AM");
        groups[0].ShouldContain("Before ERAS opens");
        groups[0].ShouldContain("Will be sent");
        groups[1].ShouldStartWith("Rank list reminder, 2026 Match: 2 nudges ");
        groups[1].ShouldContain("Ian Interviewing 9:00 AM 14 days Will be sent View this email");
        groups[1].ShouldContain("Ivy Interviewing 9:00 AM 14 days Will be sent");
        html.ShouldContain($"href=\"/candidates/{ian}\"");
        // No internal key, in text or markup.
        foreach (var id in new[] { rhea, ian, ivy })
        {
            html.ShouldNotContain(id.ToString("N"));
        }

        html.ShouldNotContain("nudge:");
        html.ShouldNotContain("rank-list");
        html.ShouldNotContain(">Key<");
    }

    [Fact]
    public async Task view_this_email_shows_the_message_as_it_would_leave_and_the_html_part_under_its_own_policy()
    {
        var admin = await App.OrgAdminAsync(Org);
        var (rhea, ian, _) = await ThreeDueTheSameDayAsync(admin);
        var preview = await App.PageAs(admin, Window);

        var rankList = await App.PageAs(admin, ViewLink(preview, ian));
        var text = PageForms.Text(rankList);
        text.ShouldContain("From Test agency");
        text.ShouldContain("<nudges@agency.test>");
        text.ShouldContain($"To Ian Interviewing <{EmailOf("Ian Interviewing")}>");
        text.ShouldContain("Subject Certify your rank order list by");
        var textPart = PageForms.Text(Regex.Match(rankList, "<pre class=\"mail-text\" data-testid=\"text-part\">.*?</pre>", RegexOptions.Singleline).Value);
        textPart.ShouldContain("Dear Ian Interviewing,");
        textPart.ShouldContain("- IM-100");
        textPart.ShouldContain("Your rank order list is not certified yet.");
        var frame = Regex.Match(rankList, "<iframe class=\"mail-frame\" sandbox(?:=\"\")? src=\"([^\"]+)\"");
        frame.Success.ShouldBeTrue();

        var part = await As(admin, x => { x.Get.Url(WebUtility.HtmlDecode(frame.Groups[1].Value)); x.StatusCodeShouldBe(200); });
        var headers = part.Context.Response.Headers;
        headers.ContentSecurityPolicy.ToString().ShouldBe(NudgeModel.EmailContentSecurityPolicy);
        headers.ContentSecurityPolicy.ToString().ShouldStartWith("default-src 'none'; style-src 'unsafe-inline'; img-src data:;");
        headers.XFrameOptions.ToString().ShouldBe("SAMEORIGIN");
        headers.ContentType.ToString().ShouldStartWith("text/html");
        var body = await part.ReadAsTextAsync();
        body.ShouldContain("<li>IM-100</li>");
        body.ShouldNotContain("<nav");

        var reapplication = PageForms.Text(await App.PageAs(admin, ViewLink(preview, rhea)));
        reapplication.ShouldContain("Subject ERAS opens");
        reapplication.ShouldContain("ERAS opens for the 2027 Match on");
        reapplication.ShouldContain("Dear Rhea Unmatched,");
    }

    [Fact]
    public async Task another_organizations_admin_gets_404_for_the_candidate_and_an_advisor_is_refused()
    {
        var admin = await App.OrgAdminAsync(Org);
        var (_, ian, _) = await ThreeDueTheSameDayAsync(admin);
        var link = ViewLink(await App.PageAs(admin, Window), ian);
        var html = link.Replace("/org/calendar/nudge?", "/org/calendar/nudge?handler=Html&", StringComparison.Ordinal);

        var outsider = await App.OrgAdminAsync(await App.CreateOrgAsync("nudgeother"));
        await As(outsider, x => { x.Get.Url(link); x.StatusCodeShouldBe(404); });
        await As(outsider, x => { x.Get.Url(html); x.StatusCodeShouldBe(404); });
        var advisor = await App.AdvisorAsync(Org);
        await As(advisor, x => { x.Get.Url(link); x.StatusCodeShouldBe(403); });
        await As(advisor, x => { x.Get.Url(html); x.StatusCodeShouldBe(403); });
        // A step the rules do not plan is not a message either.
        await As(admin, x => { x.Get.Url(link.Replace("offset=14", "offset=15", StringComparison.Ordinal)); x.StatusCodeShouldBe(404); });
        await As(admin, x => { x.Get.Url(link); x.StatusCodeShouldBe(200); });
    }

    [Fact]
    public async Task send_me_a_test_reaches_the_admin_through_the_agencys_route_and_the_candidate_still_gets_the_real_nudge()
    {
        var admin = await App.OrgAdminAsync(Org);
        var (_, ian, _) = await ThreeDueTheSameDayAsync(admin);
        var link = ViewLink(await App.PageAs(admin, Window), ian);

        var posted = await App.SubmitAs(admin, link, link.Replace("/org/calendar/nudge?", "/org/calendar/nudge?handler=Test&", StringComparison.Ordinal),
            new Dictionary<string, string>(), 200);

        (await posted.ReadAsTextAsync()).ShouldContain($"A test copy left for {admin.Email}.");
        var test = (await Smtp.WaitForAsync(admin.Email))[0];
        test.Subject.ShouldStartWith("[Test] Certify your rank order list by");
        test.To.Mailboxes.Single().Address.ShouldBe(admin.Email);
        (test.TextBody ?? "").ShouldContain("IM-100");
        KeyHeader(test).ShouldBeEmpty();
        Smtp.To(EmailOf("Ian Interviewing")).ShouldBeEmpty();

        // Nothing recorded: still planned, and the sweep sends the candidate's own message.
        var preview = PageForms.Text(Regex.Match(await App.PageAs(admin, Window), "Rank list reminder.*?</table>", RegexOptions.Singleline).Value);
        preview.ShouldContain("Ian Interviewing 9:00 AM 14 days Will be sent");
        await using (var session = App.Session(Org))
        {
            (await session.Query<NudgeDelivery>().CountAsync()).ShouldBe(0);
        }

        var report = await SweepAsync(new DateTimeOffset(DueDay.ToDateTime(new TimeOnly(15, 0)), TimeSpan.Zero));
        var key = $"nudge:{Org.Slug}:{ian:N}:rank-list:2026:14d";
        report.Sent.ShouldContain(key);
        var real = (await Smtp.WaitForAsync(EmailOf("Ian Interviewing")))[0];
        KeyHeader(real).ShouldBe(key);
        real.MessageId.ShouldNotBe(test.MessageId);
        (real.Subject ?? "").ShouldNotContain("[Test]");
    }

    [Fact]
    public async Task a_sixth_test_in_a_minute_is_refused_and_says_why()
    {
        var admin = await App.OrgAdminAsync(Org);
        var (_, ian, _) = await ThreeDueTheSameDayAsync(admin);
        var link = ViewLink(await App.PageAs(admin, Window), ian);
        var post = link.Replace("/org/calendar/nudge?", "/org/calendar/nudge?handler=Test&", StringComparison.Ordinal);

        for (var i = 0; i < TestMailLimiter.PerMinute; i++)
        {
            await App.SubmitAs(admin, link, post, new Dictionary<string, string>(), 200);
        }

        var refused = await App.SubmitAs(admin, link, post, new Dictionary<string, string>(), 429);

        (await refused.ReadAsTextAsync()).ShouldContain("at most 5 test emails a minute");
        (await Smtp.WaitForAsync(admin.Email, TestMailLimiter.PerMinute)).Count.ShouldBe(TestMailLimiter.PerMinute);
    }

    /// <summary>
    /// Rhea (unmatched in 2026, so reminded before ERAS opens for 2027) and Ian and Ivy (interviewing in 2026, reminded
    /// before that season's rank list deadline), with steps set so that all three fall due on <see cref="DueDay"/>.
    /// </summary>
    private async Task<(Guid Rhea, Guid Ian, Guid Ivy)> ThreeDueTheSameDayAsync(TestUser admin)
    {
        var rhea = await CandidateAsync("Rhea Unmatched", Started(2026), Unmatched(2026));
        var ian = await CandidateAsync("Ian Interviewing", Started(2026), Interview(2026, "IM-100"), Interview(2026, "IM-200"));
        var ivy = await CandidateAsync("Ivy Interviewing", Started(2026), Interview(2026, "FM-300"));
        var reapplication = LocalDate(SeasonCalendar.Default(2027).ErasOpensAt).DayNumber - DueDay.DayNumber;
        await As(admin, x =>
        {
            x.Put.Json(new { reapplication_offset_days = new[] { reapplication }, rank_list_offset_days = new[] { 14 } }).ToUrl("/api/org/nudges/settings");
            x.StatusCodeShouldBe(200);
        });
        return (rhea, ian, ivy);
    }

    private static string ViewLink(string previewHtml, Guid candidate)
    {
        var match = Regex.Match(previewHtml, $"href=\"(/org/calendar/nudge\\?candidate={candidate}[^\"]*)\"");
        match.Success.ShouldBeTrue($"no view link for {candidate}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    private static DateOnly LocalDate(DateTimeOffset at) => DateOnly.FromDateTime(OrgTime.ToOrgLocal(at, Zone).DateTime);
}
