using SmartPick.Nudges.Calendar;
using SmartPick.Nudges.Rules;
using static SmartPick.Nudges.Tests.Builders;

namespace SmartPick.Nudges.Tests;

public class NudgeRulesAcrossTimeZones
{
    private static Nudge Step(NudgeCandidate candidate, int offsetDays, NudgeSettings? settings = null, params SeasonCalendar[] calendars) =>
        NudgeRules.Plan(Tenant, [candidate], calendars.Length > 0 ? calendars : Seasons, settings ?? NudgeSettings.Default)
            .Single(n => n.Key.OffsetDays == offsetDays && n.Season == (calendars.Length > 0 ? calendars[0].Season : n.Season));

    [Fact]
    public void a_step_before_a_deadline_moved_past_the_march_switch_keeps_its_eastern_wall_clock()
    {
        // Deadline moved by the admin to Wed Mar 11, 2026 21:00 EDT (after the Mar 8 switch) = Mar 12 01:00 UTC.
        var moved = Season2026 with { RankOrderListDeadline = Utc(2026, 3, 12, 1) };

        var nudge = Step(InterviewingIn(2026), 7, null, moved);

        // 7 days earlier is Mar 4, still on standard time: 9:00 EST is 14:00 UTC, not a naive 7×24 h.
        nudge.DueAt.ShouldBe(Utc(2026, 3, 4, 14));
        nudge.DueAt.ShouldNotBe(moved.RankOrderListDeadline.AddDays(-7));
    }

    [Fact]
    public void reapplication_steps_on_either_side_of_the_switch_are_both_due_at_nine_new_york_time()
    {
        var settings = NudgeSettings.Default with { ReapplicationOffsetDays = [100, 84] };

        var nudges = NudgeRules.Plan(Tenant, [UnmatchedIn(2026)], Seasons, settings);

        // ERAS opens Wed June 3, 2026. 100 days before: Feb 23 (EST); 84 days before: Mar 11 (EDT).
        nudges.Select(n => n.DueAt).ShouldBe([Utc(2026, 2, 23, 14), Utc(2026, 3, 11, 13)]);
        nudges.ShouldAllBe(n => OrgTime.ToOrgLocal(n.DueAt, "America/New_York").TimeOfDay == TimeSpan.FromHours(9));
    }

    [Fact]
    public void a_candidate_in_kolkata_counts_days_on_their_own_calendar()
    {
        // The deadline is Thu Mar 5, 07:30 in Kolkata, so "2 days before" is Tue Mar 3, 09:00 IST.
        var nudge = Step(InterviewingIn(2026, "Asia/Kolkata"), 2);

        nudge.RecipientTimeZone.ShouldBe("Asia/Kolkata");
        nudge.DueAt.ShouldBe(Utc(2026, 3, 3, 3, 30));
    }

    [Fact]
    public void an_organization_in_sydney_applies_its_zone_to_candidates_without_one()
    {
        var settings = NudgeSettings.Default with { OrganizationTimeZone = "Australia/Sydney" };

        var nudge = Step(InterviewingIn(2026), 2, settings);

        // Deadline: Thu Mar 5, 13:00 AEDT. Due: Tue Mar 3, 09:00 AEDT = Mon Mar 2, 22:00 UTC.
        nudge.RecipientTimeZone.ShouldBe("Australia/Sydney");
        nudge.DueAt.ShouldBe(Utc(2026, 3, 2, 22));
    }

    [Fact]
    public void a_candidate_zone_the_machine_does_not_know_falls_back_to_the_organization_zone()
    {
        var nudge = Step(InterviewingIn(2026, "Nowhere/Special"), 2);

        nudge.RecipientTimeZone.ShouldBe("America/New_York");
        nudge.DueAt.ShouldBe(Utc(2026, 3, 2, 14));
    }

    [Fact]
    public void a_sweep_at_23_59_local_sends_the_earlier_step_and_one_at_00_01_the_new_one()
    {
        var settings = NudgeSettings.Default with { SendAtLocalTime = TimeOnly.MinValue };
        var candidate = InterviewingIn(2026, "Asia/Kolkata");
        var beforeMidnight = new DateTimeOffset(2026, 3, 2, 23, 59, 0, TimeSpan.FromHours(5.5));
        var afterMidnight = new DateTimeOffset(2026, 3, 3, 0, 1, 0, TimeSpan.FromHours(5.5));

        var late = NudgeRules.DueAt(Tenant, [candidate], Seasons, settings, beforeMidnight);
        var early = NudgeRules.DueAt(Tenant, [candidate], Seasons, settings, afterMidnight);

        late.Single().Key.OffsetDays.ShouldBe(7);
        early.Single().Key.OffsetDays.ShouldBe(2);
        early.Single().DueAt.ShouldBe(new DateTimeOffset(2026, 3, 3, 0, 0, 0, TimeSpan.FromHours(5.5)));
    }

    [Fact]
    public void in_sydney_a_step_is_not_due_early_just_because_the_utc_date_changed()
    {
        var settings = NudgeSettings.Default with { OrganizationTimeZone = "Australia/Sydney" };
        var candidate = InterviewingIn(2026);
        var sent = new HashSet<string> { new NudgeKey(Tenant, CandidateId, NudgeKind.RankList, 2026, 7).ToString() };

        // Mar 3 00:01 in Sydney is still Mar 2 in UTC; the 2-day step waits for 09:00 local.
        NudgeRules.DueAt(Tenant, [candidate], Seasons, settings, new DateTimeOffset(2026, 3, 3, 0, 1, 0, TimeSpan.FromHours(11)), sent).ShouldBeEmpty();
        NudgeRules.DueAt(Tenant, [candidate], Seasons, settings, new DateTimeOffset(2026, 3, 3, 9, 0, 0, TimeSpan.FromHours(11)), sent)
            .Single().Key.OffsetDays.ShouldBe(2);
    }
}

public class NudgeSweepsAndWindows
{
    private static readonly NudgeCandidate Interviewing = InterviewingIn(2026);
    private static readonly DateTimeOffset TwoDayStepDue = Utc(2026, 3, 2, 14);

    private static IReadOnlyList<Nudge> Sweep(DateTimeOffset now, NudgeSettings? settings = null, IReadOnlySet<string>? sent = null) =>
        NudgeRules.DueAt(Tenant, [Interviewing], Seasons, settings ?? NudgeSettings.Default, now, sent);

    [Fact]
    public void a_step_is_due_from_its_due_time_inclusive()
    {
        Sweep(TwoDayStepDue).Single().Key.OffsetDays.ShouldBe(2);
        Sweep(TwoDayStepDue.AddTicks(-1)).Single().Key.OffsetDays.ShouldBe(7);
    }

    [Fact]
    public void nothing_is_sent_once_the_deadline_has_passed()
    {
        var deadline = Season2026.RankOrderListDeadline;

        Sweep(deadline.AddSeconds(-1)).Single().Key.OffsetDays.ShouldBe(2);
        Sweep(deadline).ShouldBeEmpty();
        Sweep(deadline.AddDays(3)).ShouldBeEmpty();
    }

    [Fact]
    public void a_candidate_who_qualifies_late_gets_only_the_latest_step_not_a_burst()
    {
        var threeDaysBefore = Season2026.RankOrderListDeadline.AddDays(-3);

        var due = Sweep(threeDaysBefore);

        due.Select(n => n.Key.OffsetDays).ShouldBe([7]);
    }

    [Fact]
    public void a_sent_step_is_not_sent_again_and_the_steps_it_superseded_stay_unsent()
    {
        var sevenDayKey = new NudgeKey(Tenant, CandidateId, NudgeKind.RankList, 2026, 7).ToString();

        Sweep(TwoDayStepDue.AddHours(-1), sent: new HashSet<string> { sevenDayKey }).ShouldBeEmpty();
        Sweep(TwoDayStepDue, sent: new HashSet<string> { sevenDayKey }).Single().Key.OffsetDays.ShouldBe(2);
    }

    [Fact]
    public void with_a_lookback_a_step_older_than_the_lookback_is_left_unsent()
    {
        var settings = NudgeSettings.Default with { SweepLookback = TimeSpan.FromDays(1) };
        var sevenDayDue = Utc(2026, 2, 25, 14);

        Sweep(sevenDayDue.AddHours(23), settings).Single().Key.OffsetDays.ShouldBe(7);
        Sweep(sevenDayDue.AddDays(3), settings).ShouldBeEmpty();
    }

    [Fact]
    public void a_preview_window_includes_its_start_and_excludes_its_end()
    {
        NudgeRules.DueBetween(Tenant, [Interviewing], Seasons, NudgeSettings.Default, TwoDayStepDue, TwoDayStepDue.AddTicks(1))
            .Single().Key.OffsetDays.ShouldBe(2);
        NudgeRules.DueBetween(Tenant, [Interviewing], Seasons, NudgeSettings.Default, TwoDayStepDue.AddHours(-1), TwoDayStepDue)
            .ShouldBeEmpty();
    }

    [Fact]
    public void a_preview_of_the_season_shows_every_step_in_order()
    {
        var preview = NudgeRules.DueBetween(Tenant, [Interviewing], Seasons, NudgeSettings.Default, Utc(2026, 1, 1), Utc(2026, 4, 1));

        preview.Select(n => n.Key.OffsetDays).ShouldBe([14, 7, 2]);
    }

    [Fact]
    public void every_sweep_between_two_due_times_returns_the_same_single_step()
    {
        var sweeps = Enumerable.Range(0, 24 * 5).Select(h => Utc(2026, 2, 25, 14).AddHours(h)).ToList();

        sweeps.Select(now => Sweep(now).Single().Key.ToString()).Distinct().ShouldHaveSingleItem();
    }
}
