using SmartPick.Contracts;

namespace SmartPick.Nudges.Calendar;

/// <summary>
/// Checks an admin-edited calendar: every instant stored in UTC, milestones in order
/// (ERAS opens &lt; submission &lt; review &lt; ranking opens &lt; rank list deadline &lt; Match Week ≤ Match Day),
/// and Match Day inside the season's own year. Errors are keyed by the calendar's snake_case field names.
/// </summary>
internal static class SeasonCalendarValidator
{
    private const string UtcMessage = "Store instants in UTC (offset zero).";

    public static FieldErrors Validate(SeasonCalendar c)
    {
        ArgumentNullException.ThrowIfNull(c);
        // Every rule of a field is checked, so one field may carry several messages (in this order).
        return new FieldErrors()
            .Check(c.Season is >= 2000 and <= 2200, "season", $"'Season' must be between 2000 and 2200. You entered {c.Season}.")
            .Check(BeUtc(c.ErasOpensAt), "eras_opens_at", UtcMessage)
            .Check(BeUtc(c.SubmissionOpensAt), "submission_opens_at", UtcMessage)
            .Check(c.SubmissionOpensAt > c.ErasOpensAt, "submission_opens_at", "Submission must open after ERAS opens.")
            .Check(BeUtc(c.ProgramReviewStartsAt), "program_review_starts_at", UtcMessage)
            .Check(c.ProgramReviewStartsAt > c.SubmissionOpensAt, "program_review_starts_at", "Program review must start after submission opens.")
            .Check(BeUtc(c.RankingOpensAt), "ranking_opens_at", UtcMessage)
            .Check(c.RankingOpensAt > c.ProgramReviewStartsAt, "ranking_opens_at", "Ranking must open after program review starts.")
            .Check(BeUtc(c.RankOrderListDeadline), "rank_order_list_deadline", UtcMessage)
            .Check(c.RankOrderListDeadline > c.RankingOpensAt, "rank_order_list_deadline", "The rank order list deadline must come after ranking opens.")
            .Check(BeUtc(c.MatchWeekStartsAt), "match_week_starts_at", UtcMessage)
            .Check(c.MatchWeekStartsAt > c.RankOrderListDeadline, "match_week_starts_at", "Match Week must start after the rank order list deadline.")
            .Check(BeUtc(c.MatchDayAt), "match_day_at", UtcMessage)
            .Check(c.MatchDayAt >= c.MatchWeekStartsAt, "match_day_at", "Match Day must not come before Match Week starts.")
            .Check(c.MatchDayAt > c.RankOrderListDeadline, "match_day_at", "Match Day must come after the rank order list deadline.")
            .Check(c.MatchDayAt.Year == c.Season, "match_day_at", "Match Day must fall in the season's Match year.");
    }

    private static bool BeUtc(DateTimeOffset instant) => instant.Offset == TimeSpan.Zero;
}
