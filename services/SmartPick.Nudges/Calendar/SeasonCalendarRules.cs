namespace SmartPick.Nudges.Calendar;

/// <summary>
/// The rules behind <see cref="SeasonCalendar.Default"/>. Dates are fixed in Eastern Time (ERAS and NRMP
/// publish their times in ET) and then converted to UTC, so a milestone keeps its wall-clock time on
/// either side of a daylight-saving switch.
/// </summary>
/// <remarks>
/// For season S (the Match year):
/// <list type="bullet">
/// <item>ERAS opens: first Wednesday of June of S−1, 9:00 ET (June 4, 2025 for 2026).</item>
/// <item>Submission opens: first Wednesday of September of S−1, 9:00 ET (Sept 3, 2025).</item>
/// <item>Programs start reviewing: three weeks after submission opens, 9:00 ET (Sept 24, 2025).</item>
/// <item>Match Day: third Friday of March of S, results at 12:00 ET (Mar 15, 2024; Mar 21, 2025;
/// Mar 20, 2026).</item>
/// <item>Match Week / SOAP: the Monday of Match Day's week (Match Day − 4 days), 11:00 ET, when applicants
/// learn whether they matched.</item>
/// <item>Rank order list deadline: the Wednesday 16 days before Match Day, 21:00 ET (Feb 28, 2024;
/// Mar 5, 2025; Mar 4, 2026) — "about 2.5 weeks" before Match Day.</item>
/// <item>Ranking opens: the first weekday on or after February 1 of S, 12:00 ET ("early February"). This
/// one is a convention rather than a published rule; the admin adjusts it when NRMP publishes.</item>
/// </list>
/// </remarks>
public static class SeasonCalendarRules
{
    /// <summary>The zone in which ERAS and NRMP publish their times.</summary>
    public const string EasternTimeZoneId = "America/New_York";

    public static readonly TimeOnly ErasOpensLocalTime = new(9, 0);
    public static readonly TimeOnly SubmissionOpensLocalTime = new(9, 0);
    public static readonly TimeOnly ProgramReviewLocalTime = new(9, 0);
    public static readonly TimeOnly RankingOpensLocalTime = new(12, 0);
    public static readonly TimeOnly RankOrderListDeadlineLocalTime = new(21, 0);
    public static readonly TimeOnly MatchWeekLocalTime = new(11, 0);
    public static readonly TimeOnly MatchDayLocalTime = new(12, 0);

    /// <summary>Computes the default calendar for a Match year.</summary>
    public static SeasonCalendar Compute(int season)
    {
        // DateOnly covers years 1..9999; the previous year must exist too.
        ArgumentOutOfRangeException.ThrowIfLessThan(season, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(season, 9999);

        var applicationYear = season - 1;
        var erasOpens = NthWeekday(applicationYear, 6, DayOfWeek.Wednesday, 1);
        var submission = NthWeekday(applicationYear, 9, DayOfWeek.Wednesday, 1);
        var review = submission.AddDays(21);
        var matchDay = NthWeekday(season, 3, DayOfWeek.Friday, 3);
        var matchWeek = matchDay.AddDays(-4);
        var rankDeadline = matchDay.AddDays(-16);
        var rankingOpens = FirstWeekdayOnOrAfter(new DateOnly(season, 2, 1));

        return new SeasonCalendar
        {
            Season = season,
            ErasOpensAt = Eastern(erasOpens, ErasOpensLocalTime),
            SubmissionOpensAt = Eastern(submission, SubmissionOpensLocalTime),
            ProgramReviewStartsAt = Eastern(review, ProgramReviewLocalTime),
            RankingOpensAt = Eastern(rankingOpens, RankingOpensLocalTime),
            RankOrderListDeadline = Eastern(rankDeadline, RankOrderListDeadlineLocalTime),
            MatchWeekStartsAt = Eastern(matchWeek, MatchWeekLocalTime),
            MatchDayAt = Eastern(matchDay, MatchDayLocalTime),
        };
    }

    /// <summary>The n-th (1-based) given weekday of a month.</summary>
    public static DateOnly NthWeekday(int year, int month, DayOfWeek day, int n)
    {
        var first = new DateOnly(year, month, 1);
        var shift = ((int)day - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(shift + (7 * (n - 1)));
    }

    private static DateOnly FirstWeekdayOnOrAfter(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(2),
        DayOfWeek.Sunday => date.AddDays(1),
        _ => date,
    };

    private static DateTimeOffset Eastern(DateOnly date, TimeOnly time) =>
        OrgTime.FromLocal(date, time, EasternTimeZoneId);
}
