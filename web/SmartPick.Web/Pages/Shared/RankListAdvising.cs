using SmartPick.Matching.Model;
using SmartPick.Advising.Views;
using SmartPick.Matching.Strategy;

namespace SmartPick.Web.Pages.Shared;

/// <summary>The rank-list assistant for a candidate who is interviewing: null at every other stage or before the first interview.</summary>
public static class RankListAdvising
{
    public static RankListAdvice? For(CandidateSummary? row, string? specialty, DateTimeOffset now) =>
        row is { Status: CandidateStatus.Interviewing, Season: { } season, InterviewsThisSeason: > 0 }
            ? RankListAssistant.For(row.InterviewsThisSeason, specialty, SeasonFactsTable.For(season),
                SmartPick.Matching.Parameters.DefaultParameters.Current,
                SmartPick.Nudges.Calendar.SeasonCalendar.Default(season).RankOrderListDeadline, now)
            : null;
}
