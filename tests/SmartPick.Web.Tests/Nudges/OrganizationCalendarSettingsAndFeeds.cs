using System.Text.Json;
using Shouldly;
using SmartPick.Web.Tests.Infrastructure;

namespace SmartPick.Web.Tests.Nudges;

public sealed class OrganizationCalendarSettingsAndFeeds(AppFixture app) : NudgeTest(app)
{
    [Fact]
    public async Task when_an_admin_reads_a_season_without_edits_the_published_dates_come_back_in_utc_and_local_time()
    {
        var admin = await App.OrgAdminAsync(Org);

        var json = await (await As(admin, x => x.Get.Url("/api/org/calendar/2026"))).ReadAsJsonAsync<JsonElement>();

        json.GetProperty("custom").GetBoolean().ShouldBeFalse();
        json.GetProperty("time_zone").GetString().ShouldBe("America/New_York");
        var deadline = json.GetProperty("milestones").EnumerateArray().Single(m => m.GetProperty("milestone").GetString() == "rank_order_list_deadline");
        deadline.GetProperty("at_utc").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2026, 3, 5, 2, 0, 0, TimeSpan.Zero));
        deadline.GetProperty("at_local").GetDateTimeOffset().Offset.ShouldBe(TimeSpan.FromHours(-5));
    }

    [Fact]
    public async Task when_an_admin_moves_the_deadline_the_calendar_is_stored_in_utc_and_the_nudges_follow_it()
    {
        var admin = await App.OrgAdminAsync(Org);
        await CandidateAsync("Moved Deadline", Started(2027), Interview(2027, "IM-1"));
        var edited = Calendar2027(rankDeadline: "2027-03-10T21:00:00-05:00");

        var saved = await (await As(admin, x => x.Put.Json(edited).ToUrl("/api/org/calendar/2027"))).ReadAsJsonAsync<JsonElement>();
        var preview = await (await As(admin, x => x.Get.Url("/api/org/nudges/preview?from=2027-02-01&to=2027-03-15"))).ReadAsJsonAsync<JsonElement>();

        saved.GetProperty("custom").GetBoolean().ShouldBeTrue();
        saved.GetProperty("calendar").GetProperty("rank_order_list_deadline").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2027, 3, 11, 2, 0, 0, TimeSpan.Zero));
        var due = preview.GetProperty("nudges").EnumerateArray().Select(n => n.GetProperty("due_utc").GetDateTimeOffset()).ToList();
        // 14, 7 and 2 days before March 10 at 9:00 New York time (EST until March 14).
        due.ShouldBe([
            new DateTimeOffset(2027, 2, 24, 14, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2027, 3, 3, 14, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2027, 3, 8, 14, 0, 0, TimeSpan.Zero),
        ]);
        preview.GetProperty("nudges")[0].GetProperty("status").GetString().ShouldBe("planned");
        Smtp.Messages.ShouldBeEmpty();
    }

    [Fact]
    public async Task when_a_calendar_breaks_the_order_of_milestones_it_is_refused_with_field_errors()
    {
        var admin = await App.OrgAdminAsync(Org);

        var result = await As(admin, x =>
        {
            x.Put.Json(Calendar2027(rankDeadline: "2027-01-10T21:00:00-05:00")).ToUrl("/api/org/calendar/2027");
            x.StatusCodeShouldBe(400);
        });

        (await result.ReadAsTextAsync()).ShouldContain("rank_order_list_deadline");
        var stored = await (await As(admin, x => x.Get.Url("/api/org/calendar/2027"))).ReadAsJsonAsync<JsonElement>();
        stored.GetProperty("custom").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task when_an_advisor_or_candidate_asks_for_the_org_calendar_or_settings_they_are_refused()
    {
        var advisor = await App.AdvisorAsync(Org);
        var candidate = await CandidateUserAsync(await CandidateAsync("Not Admin"));

        foreach (var user in new[] { advisor, candidate })
        {
            await As(user, x => { x.Get.Url("/api/org/calendar/2027"); x.StatusCodeShouldBe(403); });
            await As(user, x => { x.Put.Json(new { send_at_local_time = "07:00" }).ToUrl("/api/org/nudges/settings"); x.StatusCodeShouldBe(403); });
            await As(user, x => { x.Get.Url("/api/org/nudges/preview"); x.StatusCodeShouldBe(403); });
        }
    }

    [Fact]
    public async Task when_an_admin_changes_the_offsets_the_sweep_uses_them_and_bad_offsets_are_refused()
    {
        var admin = await App.OrgAdminAsync(Org);
        var candidate = await CandidateAsync("Custom Offsets", Started(2027), Interview(2027, "IM-1"));

        var saved = await (await As(admin, x => x.Put.Json(new { rank_list_offset_days = new[] { 10 }, send_at_local_time = "08:00" }).ToUrl("/api/org/nudges/settings")))
            .ReadAsJsonAsync<JsonElement>();
        await As(admin, x => { x.Put.Json(new { rank_list_offset_days = new[] { 0, 0 } }).ToUrl("/api/org/nudges/settings"); x.StatusCodeShouldBe(400); });
        var sent = await SweepDailyAsync(new DateOnly(2027, 2, 1), new DateOnly(2027, 3, 4));

        saved.GetProperty("rank_list_offset_days").EnumerateArray().Select(e => e.GetInt32()).ShouldBe([10]);
        saved.GetProperty("send_at_local_time").GetString().ShouldBe("08:00");
        sent.ShouldBe([$"nudge:{Org.Slug}:{candidate:N}:rank-list:2027:10d"]);
    }

    [Fact]
    public async Task when_a_candidate_creates_a_feed_it_is_served_without_a_session_until_rotated_or_revoked()
    {
        var candidate = await CandidateAsync("Fay Feed");
        var user = await CandidateUserAsync(candidate);

        var first = await (await As(user, x => { x.Post.Json(new { }).ToUrl("/api/me/calendar-feed"); x.StatusCodeShouldBe(201); })).ReadAsJsonAsync<JsonElement>();
        var firstToken = first.GetProperty("token").GetString()!;
        var ics = await (await Host.Scenario(x => x.Get.Url($"/feeds/{firstToken}.ics"))).ReadAsTextAsync();
        var second = await (await As(user, x => { x.Post.Json(new { }).ToUrl("/api/me/calendar-feed"); x.StatusCodeShouldBe(201); })).ReadAsJsonAsync<JsonElement>();
        var secondToken = second.GetProperty("token").GetString()!;

        ics.ShouldContain("BEGIN:VCALENDAR");
        ics.ShouldContain("Rank order list certification deadline");
        ics.ShouldContain("Fay Feed");
        first.GetProperty("url").GetString()!.ShouldEndWith($"/feeds/{firstToken}.ics");
        await Host.Scenario(x => { x.Get.Url($"/feeds/{firstToken}.ics"); x.StatusCodeShouldBe(404); });
        await Host.Scenario(x => { x.Get.Url($"/feeds/{secondToken}.ics"); x.StatusCodeShouldBe(200); });

        await As(user, x => { x.Delete.Url("/api/me/calendar-feed"); x.StatusCodeShouldBe(204); });
        await Host.Scenario(x => { x.Get.Url($"/feeds/{secondToken}.ics"); x.StatusCodeShouldBe(404); });
    }

    [Fact]
    public async Task when_an_org_admin_creates_the_agency_feed_it_lists_the_season_dates_and_a_forged_token_is_not_found()
    {
        var admin = await App.OrgAdminAsync(Org);

        var feed = await (await As(admin, x => { x.Post.Json(new { }).ToUrl("/api/org/calendar-feed"); x.StatusCodeShouldBe(201); })).ReadAsJsonAsync<JsonElement>();
        var token = feed.GetProperty("token").GetString()!;
        var ics = await (await Host.Scenario(x => x.Get.Url($"/feeds/{token}.ics"))).ReadAsTextAsync();
        var forged = SmartPick.Nudges.Feeds.CalendarFeedToken.NewRandom(Org.Slug).Value;

        ics.ShouldContain("Match Day");
        await Host.Scenario(x => { x.Get.Url($"/feeds/{forged}.ics"); x.StatusCodeShouldBe(404); });
        await Host.Scenario(x => { x.Get.Url($"/feeds/{token}"); x.StatusCodeShouldBe(404); });
    }

    [Fact]
    public async Task an_advisor_may_neither_rotate_nor_revoke_the_agency_feed()
    {
        var admin = await App.OrgAdminAsync(Org);
        var advisor = await App.AdvisorAsync(Org);
        var feed = await (await As(admin, x => { x.Post.Json(new { }).ToUrl("/api/org/calendar-feed"); x.StatusCodeShouldBe(201); })).ReadAsJsonAsync<JsonElement>();

        await As(advisor, x => { x.Post.Json(new { }).ToUrl("/api/org/calendar-feed"); x.StatusCodeShouldBe(403); });
        await As(advisor, x => { x.Delete.Url("/api/org/calendar-feed"); x.StatusCodeShouldBe(403); });

        await Host.Scenario(x => { x.Get.Url($"/feeds/{feed.GetProperty("token").GetString()}.ics"); x.StatusCodeShouldBe(200); });
    }

    [Fact]
    public async Task when_another_tenant_uses_this_tenants_ids_and_links_it_gets_not_found()
    {
        var candidate = await CandidateAsync("Private Person", Started(2027), Interview(2027, "IM-1"));
        var other = await OrgWithMailAsync("other");
        var outsider = await App.CreateUserAsync(other, SmartPick.Contracts.SmartPickRoles.Candidate, candidate);

        await As(outsider, x => { x.Get.Url("/api/me/nudges"); x.StatusCodeShouldBe(404); });
        await As(outsider, x => { x.Put.Json(new { rank_list = false }).ToUrl("/api/me/nudges"); x.StatusCodeShouldBe(404); });
        await As(outsider, x => { x.Post.Json(new { }).ToUrl("/api/me/calendar-feed"); x.StatusCodeShouldBe(404); });

        var report = await SweepAsync(new DateTimeOffset(2027, 2, 18, 15, 0, 0, TimeSpan.Zero));
        report.Sent.ShouldHaveSingleItem();
        (await SweepAsync(new DateTimeOffset(2027, 2, 18, 15, 0, 0, TimeSpan.Zero), other)).Sent.ShouldBeEmpty();
    }

    private static object Calendar2027(string rankDeadline) => new
    {
        eras_opens_at = "2026-06-02T13:00:00Z",
        submission_opens_at = "2026-09-02T13:00:00Z",
        program_review_starts_at = "2026-09-23T13:00:00Z",
        ranking_opens_at = "2027-02-01T17:00:00Z",
        rank_order_list_deadline = rankDeadline,
        match_week_starts_at = "2027-03-15T15:00:00Z",
        match_day_at = "2027-03-19T16:00:00Z",
    };
}
