using Ical.Net.CalendarComponents;
using SmartPick.Nudges.Calendar;
using SmartPick.Nudges.Feeds;
using static SmartPick.Nudges.Tests.Builders;

namespace SmartPick.Nudges.Tests;

public class CalendarFeeds
{
    private static readonly DateTimeOffset GeneratedAt = Utc(2026, 1, 10, 8);
    private static readonly FeedAudience Agency = FeedAudience.Agency(Tenant, "Acme Advising");

    private static IReadOnlyList<CalendarEvent> Events(string ics) => Ical.Net.Calendar.Load(ics)!.Events.ToList();

    [Fact]
    public void the_feed_parses_back_with_one_event_per_milestone_at_the_right_utc_time()
    {
        var ics = CalendarFeed.Build([Season2026], Agency, "America/New_York", GeneratedAt);

        var events = Events(ics);
        events.Count.ShouldBe(7);
        var deadline = events.Single(e => e.Summary == "Rank order list certification deadline (2026 Match)");
        deadline.DtStart!.AsUtc.ShouldBe(new DateTime(2026, 3, 5, 2, 0, 0, DateTimeKind.Utc));
        deadline.DtStart.IsUtc.ShouldBeTrue();
        deadline.Description!.ShouldContain("Wednesday, March 4, 2026 at 9:00 PM");
        events.Single(e => e.Summary == "Match Day (2026 Match)").DtStart!.AsUtc.ShouldBe(new DateTime(2026, 3, 20, 16, 0, 0, DateTimeKind.Utc));
        events.Single(e => e.Summary == "ERAS opens (2026 Match)").DtStart!.AsUtc.ShouldBe(new DateTime(2025, 6, 4, 13, 0, 0, DateTimeKind.Utc));
        ics.ShouldContain("DTSTART:20260305T020000Z");
    }

    [Fact]
    public void uids_are_unique_and_stay_the_same_when_the_admin_moves_a_date()
    {
        var original = Events(CalendarFeed.Build([Season2025, Season2026], Agency, "America/New_York", GeneratedAt));
        var moved = Season2026 with { RankOrderListDeadline = Season2026.RankOrderListDeadline.AddDays(1) };
        var edited = Events(CalendarFeed.Build([Season2025, moved], Agency, "America/New_York", GeneratedAt.AddDays(1)));

        original.Select(e => e.Uid).Distinct().Count().ShouldBe(14);
        edited.Select(e => e.Uid).ShouldBe(original.Select(e => e.Uid), ignoreOrder: true);
        var uid = "2026-rank-order-list-deadline.agency@acme.smartpick";
        edited.Single(e => e.Uid == uid).DtStart!.AsUtc.ShouldBe(new DateTime(2026, 3, 6, 2, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void a_candidate_feed_has_its_own_uids_and_title()
    {
        var candidate = FeedAudience.Candidate(Tenant, "Acme Advising", CandidateId, "Amina Rahman");

        var ics = CalendarFeed.Build([Season2026], candidate, "Asia/Kolkata", GeneratedAt);

        var events = Events(ics);
        events.ShouldAllBe(e => e.Uid!.Contains($"candidate-{CandidateId:N}"));
        ics.ShouldContain("X-WR-CALNAME:Amina Rahman — Match dates (Acme Advising)");
        events.Single(e => e.Summary!.StartsWith("Rank order list")).Description!.ShouldContain("Thursday, March 5, 2026 at 7:30 AM");
    }

    [Fact]
    public void the_same_inputs_give_the_same_feed_text()
    {
        CalendarFeed.Build([Season2026], Agency, "America/New_York", GeneratedAt)
            .ShouldBe(CalendarFeed.Build([Season2026], Agency, "America/New_York", GeneratedAt));
    }

    [Fact]
    public void a_name_with_line_breaks_cannot_add_properties_to_the_feed()
    {
        var hostile = FeedAudience.Candidate(Tenant, "Acme\r\nBEGIN:VEVENT", CandidateId, "Eve\r\nX-INJECTED:1");

        var ics = CalendarFeed.Build([Season2026], hostile, "America/New_York", GeneratedAt);

        ics.Split("\r\n").ShouldNotContain(l => l.StartsWith("X-INJECTED", StringComparison.Ordinal));
        Events(ics).Count.ShouldBe(7);
    }

    [Fact]
    public void an_unknown_organization_zone_is_refused()
    {
        Should.Throw<TimeZoneNotFoundException>(() => CalendarFeed.Build([Season2026], Agency, "Eastern", GeneratedAt));
    }
}
