using SmartPick.Nudges.Calendar;
using static SmartPick.Nudges.Tests.Builders;

namespace SmartPick.Nudges.Tests;

public class SeasonCalendarDefaults
{
    private const string NewYork = "America/New_York";

    [Fact]
    public void the_2026_match_reproduces_the_published_dates_in_eastern_time()
    {
        var calendar = SeasonCalendar.Default(2026);

        Local(calendar.ErasOpensAt).ShouldBe(new DateTime(2025, 6, 4, 9, 0, 0));
        Local(calendar.SubmissionOpensAt).ShouldBe(new DateTime(2025, 9, 3, 9, 0, 0));
        Local(calendar.ProgramReviewStartsAt).ShouldBe(new DateTime(2025, 9, 24, 9, 0, 0));
        Local(calendar.RankOrderListDeadline).ShouldBe(new DateTime(2026, 3, 4, 21, 0, 0));
        Local(calendar.MatchDayAt).Date.ShouldBe(new DateTime(2026, 3, 20));
        Local(calendar.MatchWeekStartsAt).Date.ShouldBe(new DateTime(2026, 3, 16));
        Local(calendar.RankingOpensAt).Month.ShouldBe(2);
    }

    [Fact]
    public void instants_are_stored_in_utc_with_the_eastern_offset_of_their_date()
    {
        var calendar = SeasonCalendar.Default(2026);

        calendar.ErasOpensAt.ShouldBe(Utc(2025, 6, 4, 13));            // 9:00 EDT
        calendar.RankOrderListDeadline.ShouldBe(Utc(2026, 3, 5, 2));    // 21:00 EST, before the Mar 8 switch
        calendar.MatchDayAt.ShouldBe(Utc(2026, 3, 20, 16));             // 12:00 EDT, after it
        calendar.Milestones().ShouldAllBe(m => m.At.Offset == TimeSpan.Zero);
    }

    [Fact]
    public void the_2025_match_day_is_march_21()
    {
        var calendar = SeasonCalendar.Default(2025);

        Local(calendar.MatchDayAt).Date.ShouldBe(new DateTime(2025, 3, 21));
        Local(calendar.ErasOpensAt).Date.ShouldBe(new DateTime(2024, 6, 5));
    }

    [Fact]
    public void the_2024_match_day_is_march_15_and_the_rank_list_deadline_february_28_in_a_leap_year()
    {
        var calendar = SeasonCalendar.Default(2024);

        Local(calendar.MatchDayAt).Date.ShouldBe(new DateTime(2024, 3, 15));
        Local(calendar.RankOrderListDeadline).ShouldBe(new DateTime(2024, 2, 28, 21, 0, 0));
        calendar.RankOrderListDeadline.ShouldBe(Utc(2024, 2, 29, 2));
    }

    [Theory]
    [MemberData(nameof(Seasons2015To2040))]
    public void every_default_season_follows_the_weekday_rules_and_passes_validation(int season)
    {
        var calendar = SeasonCalendar.Default(season);

        var matchDay = Local(calendar.MatchDayAt);
        matchDay.DayOfWeek.ShouldBe(DayOfWeek.Friday);
        matchDay.Day.ShouldBeInRange(15, 21);
        matchDay.Month.ShouldBe(3);

        var deadline = Local(calendar.RankOrderListDeadline);
        deadline.DayOfWeek.ShouldBe(DayOfWeek.Wednesday);
        deadline.TimeOfDay.ShouldBe(TimeSpan.FromHours(21));
        (matchDay.Date - deadline.Date).TotalDays.ShouldBe(16);

        Local(calendar.MatchWeekStartsAt).DayOfWeek.ShouldBe(DayOfWeek.Monday);
        Local(calendar.ErasOpensAt).DayOfWeek.ShouldBe(DayOfWeek.Wednesday);
        Local(calendar.ErasOpensAt).Day.ShouldBeLessThanOrEqualTo(7);
        Local(calendar.RankingOpensAt).DayOfWeek.ShouldNotBeOneOf(DayOfWeek.Saturday, DayOfWeek.Sunday);

        var result = SeasonCalendarValidator.Validate(calendar);
        result.Any.ShouldBeFalse(result.ToString());
    }

    public static TheoryData<int> Seasons2015To2040()
    {
        var data = new TheoryData<int>();
        foreach (var season in Enumerable.Range(2015, 26))
        {
            data.Add(season);
        }

        return data;
    }

    private static DateTime Local(DateTimeOffset instant) => OrgTime.ToOrgLocal(instant, NewYork).DateTime;
}

public class SeasonCalendarEditing
{
    [Fact]
    public void an_admin_may_move_one_date_as_long_as_the_order_holds()
    {
        var edited = SeasonCalendar.Default(2026) with { RankOrderListDeadline = Utc(2026, 3, 6, 2) };

        SeasonCalendarValidator.Validate(edited).Any.ShouldBeFalse();
    }

    [Fact]
    public void submission_before_eras_opens_is_refused()
    {
        var calendar = SeasonCalendar.Default(2026);
        var edited = calendar with { SubmissionOpensAt = calendar.ErasOpensAt.AddDays(-1) };

        var result = SeasonCalendarValidator.Validate(edited);

        result.Has("submission_opens_at").ShouldBeTrue();
    }

    [Fact]
    public void a_rank_list_deadline_after_match_day_is_refused()
    {
        var calendar = SeasonCalendar.Default(2026);
        var edited = calendar with { RankOrderListDeadline = calendar.MatchDayAt.AddDays(1) };

        var result = SeasonCalendarValidator.Validate(edited);

        result.Any.ShouldBeTrue();
        (result.Has("match_week_starts_at") || result.Has("match_day_at")).ShouldBeTrue();
    }

    [Fact]
    public void review_equal_to_submission_is_refused_because_order_is_strict()
    {
        var calendar = SeasonCalendar.Default(2026);

        SeasonCalendarValidator.Validate(calendar with { ProgramReviewStartsAt = calendar.SubmissionOpensAt })
            .Has("program_review_starts_at").ShouldBeTrue();
    }

    [Fact]
    public void ranking_opening_after_the_deadline_is_refused()
    {
        var calendar = SeasonCalendar.Default(2026);

        SeasonCalendarValidator.Validate(calendar with { RankingOpensAt = calendar.RankOrderListDeadline.AddHours(1) })
            .Has("rank_order_list_deadline").ShouldBeTrue();
    }

    [Fact]
    public void an_instant_with_a_non_zero_offset_is_refused_until_normalised()
    {
        var calendar = SeasonCalendar.Default(2026);
        var edited = calendar with { MatchDayAt = calendar.MatchDayAt.ToOffset(TimeSpan.FromHours(-4)) };

        SeasonCalendarValidator.Validate(edited).Has("match_day_at").ShouldBeTrue();
        SeasonCalendarValidator.Validate(edited.InUtc()).Any.ShouldBeFalse();
        edited.InUtc().ShouldBe(calendar);
    }

    [Fact]
    public void match_day_outside_the_season_year_is_refused()
    {
        var calendar = SeasonCalendar.Default(2026);

        SeasonCalendarValidator.Validate(calendar with { Season = 2027 }).Has("match_day_at").ShouldBeTrue();
    }
}

public class OrganizationLocalTime
{
    [Fact]
    public void the_rank_list_deadline_reads_as_the_next_morning_in_kolkata_and_afternoon_in_sydney()
    {
        var deadline = SeasonCalendar.Default(2026).RankOrderListDeadline;

        OrgTime.ToOrgLocal(deadline, "Asia/Kolkata").ShouldBe(new DateTimeOffset(2026, 3, 5, 7, 30, 0, TimeSpan.FromHours(5.5)));
        OrgTime.ToOrgLocal(deadline, "Australia/Sydney").ShouldBe(new DateTimeOffset(2026, 3, 5, 13, 0, 0, TimeSpan.FromHours(11)));
    }

    [Fact]
    public void the_long_format_names_weekday_time_offset_and_zone()
    {
        var deadline = SeasonCalendar.Default(2026).RankOrderListDeadline;

        OrgTime.FormatLong(deadline, "America/New_York").ShouldBe("Wednesday, March 4, 2026 at 9:00 PM (UTC-05:00, America/New_York)");
        OrgTime.FormatLong(deadline, "Asia/Kolkata").ShouldBe("Thursday, March 5, 2026 at 7:30 AM (UTC+05:30, Asia/Kolkata)");
        OrgTime.FormatDate(deadline, "Australia/Sydney").ShouldBe("March 5, 2026");
    }

    [Fact]
    public void a_wall_time_inside_the_spring_forward_gap_lands_just_after_it()
    {
        OrgTime.FromLocal(new DateOnly(2026, 3, 8), new TimeOnly(2, 30), "America/New_York").ShouldBe(Utc(2026, 3, 8, 7, 30));
    }

    [Fact]
    public void a_repeated_autumn_wall_time_takes_its_first_occurrence()
    {
        OrgTime.FromLocal(new DateOnly(2026, 11, 1), new TimeOnly(1, 30), "America/New_York").ShouldBe(Utc(2026, 11, 1, 5, 30));
    }

    [Fact]
    public void an_unknown_zone_is_reported_not_guessed()
    {
        OrgTime.IsKnownZone("Mars/Olympus_Mons").ShouldBeFalse();
        Should.Throw<TimeZoneNotFoundException>(() => OrgTime.ToOrgLocal(Utc(2026, 1, 1), "Mars/Olympus_Mons"));
    }
}
