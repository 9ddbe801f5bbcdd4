using SmartPick.Advising.Seasons;
using SmartPick.Advising.Lists;
using SmartPick.Advising.Views;
using SmartPick.Nudges.Calendar;

namespace SmartPick.Web.Pages.Shared;

/// <summary>A dated step of the Match season, for "next deadline" columns.</summary>
public sealed record Deadline(string What, DateTimeOffset At);

/// <summary>
/// The next milestone that matters to a candidate, from the season calendar's published rules: the season in
/// progress, or the next one for a candidate outside any season. Finished candidates have none.
/// </summary>
public static class Deadlines
{
    public static Deadline? Next(CandidateSummary row, DateTimeOffset now)
    {
        if (row.Status is CandidateStatus.Matched or CandidateStatus.Archived) return null;
        var season = row.Status is CandidateStatus.Open or CandidateStatus.Unmatched || row.Season is null
            ? MatchSeasons.Next(now)
            : row.Season.Value;
        // A certified list has nothing left before Match Week.
        var skipRankList = row.Status == CandidateStatus.RankListCertified;
        foreach (var (milestone, at) in SeasonCalendar.Default(season).Milestones())
        {
            if (at <= now) continue;
            if (skipRankList && milestone is Milestone.RankingOpens or Milestone.RankOrderListDeadline) continue;
            return new Deadline(Display.Enum(milestone), at);
        }
        return null;
    }
}
