using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Alba;
using Marten;
using Shouldly;
using SmartPick.Advising.CandidateFiles;
using SmartPick.Advising.Lists;
using SmartPick.Advising.Views;
using SmartPick.Contracts;
using SmartPick.Matching.Model;
using SmartPick.Web.Tests.Infrastructure;

namespace SmartPick.Web.Tests.Pages;

/// <summary>The seasons-side-by-side pages (staff and the candidate's own) and the candidate's reminders page.</summary>
public sealed partial class CandidateSeasonsAndRemindersPages(AppFixture app) : AppTest(app)
{
    private static readonly RecordedBy Advisor = new("advisor-seasons", "Seasons advisor");

    [Fact]
    public async Task when_an_advisor_opens_a_reapplicants_seasons_both_seasons_the_chart_and_what_is_still_missing_show()
    {
        var org = await App.CreateOrgAsync("sea");
        var id = await ReapplicantAsync(org, "Dr. Season Reapplicant");
        var advisor = await App.AdvisorAsync(org);

        var html = await PageAsync(advisor, $"/candidates/{id}/cycles");
        var text = Text(html);

        text.ShouldContain("Dr. Season Reapplicant");
        text.ShouldContain("2026 season");
        text.ShouldContain("2027 season");
        text.ShouldContain("Unmatched");
        text.ShouldContain("In progress");
        // The file then (1 month of observership only) and now (3 months hands-on).
        Regex.IsMatch(text, @"Hands-on USCE 0 months 3 months 3 months").ShouldBeTrue(text);
        html.ShouldContain("data-testid=\"comparison-chart\"");
        html.ShouldContain("aria-current=\"page\">Seasons</a>");

        await using var session = App.Session(org);
        var progress = await session.LoadAsync<ProgressSinceLastCycle>(id);
        progress!.Improved.ShouldContain(i => i.Code == "hands_on_usce_months");
        text.ShouldContain("Hands-on USCE (months): 0 → 3");
        progress.StillMissing.ShouldNotBeEmpty();
        foreach (var advice in progress.StillMissing) text.ShouldContain(advice.Message);
    }

    [Fact]
    public async Task when_a_file_has_no_season_yet_the_seasons_page_says_so()
    {
        var org = await App.CreateOrgAsync("seb");
        var id = await FileAsync(org, "Dr. First Timer");
        var advisor = await App.AdvisorAsync(org);
        var html = await PageAsync(advisor, $"/candidates/{id}/cycles");
        html.ShouldContain("data-testid=\"no-cycles\"");
        Text(html).ShouldContain("No finished season yet");
    }

    [Fact]
    public async Task when_an_advisor_of_another_organization_asks_for_the_seasons_page_it_is_not_found()
    {
        var owner = await App.CreateOrgAsync("sec");
        var other = await App.CreateOrgAsync("sed");
        var id = await ReapplicantAsync(owner, "Dr. Hidden Reapplicant");
        var outsider = await App.OrgAdminAsync(other);
        var html = await PageAsync(outsider, $"/candidates/{id}/cycles", 404);
        html.ShouldNotContain("Hidden Reapplicant");
    }

    [Fact]
    public async Task when_a_candidate_asks_for_the_staff_seasons_page_of_their_own_file_they_are_refused()
    {
        var org = await App.CreateOrgAsync("see");
        var id = await ReapplicantAsync(org, "Dr. Own Staff Page");
        var candidate = await App.CreateUserAsync(org, SmartPickRoles.Candidate, id);
        await PageAsync(candidate, $"/candidates/{id}/cycles", 403);
    }

    [Fact]
    public async Task when_a_candidate_opens_their_seasons_they_see_their_own_file_and_nobody_elses()
    {
        var org = await App.CreateOrgAsync("sef");
        var own = await ReapplicantAsync(org, "Dr. Own Seasons");
        var other = await FileAsync(org, "Dr. Other Seasons", id => [
            new CycleStarted(id, 2025, Advisor, Now(1)),
            new ApplicationsSubmitted(id, 2025, 77, [], new DateOnly(2024, 9, 4), Advisor, Now(2)),
        ]);
        var candidate = await App.CreateUserAsync(org, SmartPickRoles.Candidate, own);

        var me = await PageAsync(candidate, "/me");
        me.ShouldContain("href=\"/me/cycles\"");

        // A file id in the query is ignored: the file comes from the sign-in.
        var text = Text(await PageAsync(candidate, $"/me/cycles?id={other}"));
        text.ShouldContain("2026 season");
        text.ShouldContain("2027 season");
        text.ShouldNotContain("2025 season");

        var staff = await App.AdvisorAsync(org);
        await PageAsync(staff, "/me/cycles", 403);
    }

    [Fact]
    public async Task when_a_candidate_turns_a_reminder_off_the_page_shows_it_saved_and_the_api_agrees()
    {
        var org = await App.CreateOrgAsync("seg");
        var id = await FileAsync(org, "Dr. Reminder Chooser");
        var candidate = await App.CreateUserAsync(org, SmartPickRoles.Candidate, id);

        var before = await PageAsync(candidate, "/me/nudges");
        before.ShouldContain("id=\"f-reapplication\" name=\"Reapplication\" value=\"true\" checked");

        var post = await SubmitAsync(candidate, "/me/nudges", "/me/nudges?handler=Preferences", new()
        {
            ["Reapplication"] = "false", ["RankList"] = "true",
        });
        var html = await post.ReadAsTextAsync();
        Text(html).ShouldMatch(@"Saved\. Reapplication reminders are off\s*; rank list reminders are on\s*\.");
        html.ShouldContain("id=\"f-reapplication\" name=\"Reapplication\" value=\"true\">");
        html.ShouldContain("id=\"f-ranklist\" name=\"RankList\" value=\"true\" checked");

        var api = await As(candidate, x => x.Get.Url("/api/me/nudges"));
        var json = await api.ReadAsJsonAsync<JsonElement>();
        json.GetProperty("reapplication").GetBoolean().ShouldBeFalse();
        json.GetProperty("rank_list").GetBoolean().ShouldBeTrue();

        var again = await SubmitAsync(candidate, "/me/nudges", "/me/nudges?handler=Preferences", new()
        {
            ["Reapplication"] = "true", ["RankList"] = "false",
        });
        Text(await again.ReadAsTextAsync()).ShouldMatch(@"Reapplication reminders are on\s*; rank list reminders are off\s*\.");
    }

    [Fact]
    public async Task when_a_candidate_creates_a_calendar_link_it_is_shown_once_works_and_stops_when_revoked()
    {
        var org = await App.CreateOrgAsync("seh");
        var id = await FileAsync(org, "Dr. Calendar Keeper");
        var candidate = await App.CreateUserAsync(org, SmartPickRoles.Candidate, id);
        Text(await PageAsync(candidate, "/me/nudges")).ShouldContain("You have no calendar link.");

        var created = await SubmitAsync(candidate, "/me/nudges", "/me/nudges?handler=CreateFeed", new());
        var html = await created.ReadAsTextAsync();
        var url = FeedUrl().Match(html).Groups[1].Value;
        url.ShouldEndWith(".ics");
        var path = new Uri(WebUtility.HtmlDecode(url)).AbsolutePath;
        var feed = await Host.Scenario(x =>
        {
            x.Get.Url(path);
            x.StatusCodeShouldBe(200);
        });
        (await feed.ReadAsTextAsync()).ShouldContain("BEGIN:VCALENDAR");

        var later = await PageAsync(candidate, "/me/nudges");
        later.ShouldNotContain(url);
        Text(later).ShouldContain("You have a calendar link, made");

        var revoked = await SubmitAsync(candidate, "/me/nudges", "/me/nudges?handler=RevokeFeed", new());
        Text(await revoked.ReadAsTextAsync()).ShouldContain("The calendar link is revoked");
        await Host.Scenario(x =>
        {
            x.Get.Url(path);
            x.StatusCodeShouldBe(404);
        });
    }

    /// <summary>Recording times from the host's clock: a day ago, a few minutes apart.</summary>
    private DateTimeOffset Now(int minutes) => Host.Services.GetRequiredService<TimeProvider>().GetUtcNow().AddDays(-1).AddMinutes(minutes);

    private async Task<Guid> FileAsync(TestOrg org, string name, Func<Guid, object[]>? facts = null)
    {
        var id = Guid.NewGuid();
        await using var session = App.Session(org);
        session.Events.StartStream<CandidateFile>(id, [
            new CandidateFileOpened(id, name, $"{Guid.NewGuid():N}@candidates.test", "India", ImgType.NonUsImg, VisaNeed.J1, 2019,
                ["internal_medicine"], [], [], null, null, Advisor, Now(0)),
            new ExamTaken(id, Guid.NewGuid(), ExamKind.Step1, null, true, 1, new DateOnly(2022, 8, 9), Advisor, Now(0)),
            new ExamTaken(id, Guid.NewGuid(), ExamKind.Step2Ck, 224, true, 1, new DateOnly(2023, 11, 21), Advisor, Now(0)),
            .. (facts?.Invoke(id) ?? Array.Empty<object>()),
        ]);
        await session.SaveChangesAsync();
        await RegenerateAsync(org, id, Now(30));
        return id;
    }

    /// <summary>Unmatched in 2026 with one month of observership; 3 months hands-on and a strong US letter since; now in the 2027 season.</summary>
    private async Task<Guid> ReapplicantAsync(TestOrg org, string name)
    {
        var id = await FileAsync(org, name, id => [
            new UsceAdded(id, Guid.NewGuid(), UsceKind.Observership, "internal_medicine", "Community hospital", "NY", 1m, null, null, Advisor, Now(1)),
            new CycleStarted(id, 2026, Advisor, Now(2)),
            new ApplicationsSubmitted(id, 2026, 110, [], new DateOnly(2025, 9, 3), Advisor, Now(3)),
            new InterviewInvited(id, 2026, "IM-1", new DateOnly(2025, 11, 4), Advisor, Now(4)),
            new RankListCertified(id, 2026, 1, new DateOnly(2026, 2, 25), Advisor, Now(5)),
        ]);
        await using (var session = App.Session(org))
        {
            session.Events.Append(id,
                new CycleUnmatched(id, 2026, Advisor, Now(40)),
                new UsceAdded(id, Guid.NewGuid(), UsceKind.HandsOn, "internal_medicine", "Teaching hospital", "MI", 3m, null, null, Advisor, Now(41)),
                new LetterReceived(id, Guid.NewGuid(), "attending", true, "internal_medicine", LetterStrength.Strong, null, Advisor, Now(42)),
                new CycleStarted(id, 2027, Advisor, Now(43)));
            await session.SaveChangesAsync();
        }
        await RegenerateAsync(org, id, Now(50));
        return id;
    }

    private async Task RegenerateAsync(TestOrg org, Guid id, DateTimeOffset at)
    {
        await using var session = App.Session(org);
        var catalog = await Host.Services.GetRequiredService<ICurrentCatalog>().ForTenantAsync(session, CancellationToken.None);
        await RegenerateListHandler.RegenerateAsync(session, catalog, id, at, CancellationToken.None);
        await session.SaveChangesAsync();
    }

    private async Task<string> PageAsync(TestUser user, string url, int status = 200)
    {
        var result = await As(user, x =>
        {
            x.Get.Url(url);
            x.StatusCodeShouldBe(status);
        });
        return await result.ReadAsTextAsync();
    }

    /// <summary>Opens the page for its antiforgery field and cookie, then posts the form as a browser would.</summary>
    private async Task<IScenarioResult> SubmitAsync(TestUser user, string pageUrl, string postUrl, Dictionary<string, string> fields, int status = 200)
    {
        var get = await As(user, x => x.Get.Url(pageUrl));
        var token = Antiforgery().Match(await get.ReadAsTextAsync()).Groups[1].Value;
        var cookie = get.Context.Response.Headers.SetCookie.ToString().Split(';')[0];
        fields["__RequestVerificationToken"] = token;
        return await As(user, x =>
        {
            x.WithRequestHeader("Cookie", cookie);
            PostTo(x.Post.FormData(fields), postUrl);
            x.StatusCodeShouldBe(status);
        });
    }

    private static string Text(string html) => WebUtility.HtmlDecode(Spaces().Replace(Tags().Replace(html, " "), " "));

    /// <summary>Alba takes the query apart from the path (a page handler is chosen by <c>?handler=</c>).</summary>
    private static void PostTo(SendExpression send, string url)
    {
        var parts = url.Split('?', 2);
        send.ToUrl(parts[0]);
        if (parts.Length < 2) return;
        foreach (var (key, value) in Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(parts[1])) send.QueryString(key, value.ToString());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

    [GeneratedRegex("value=\"([^\"]+\\.ics)\"")]
    private static partial Regex FeedUrl();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("\\s+")]
    private static partial Regex Spaces();
}
