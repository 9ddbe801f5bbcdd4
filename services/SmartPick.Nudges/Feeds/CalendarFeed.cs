using SmartPick.Contracts;
using System.Globalization;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using SmartPick.Nudges.Calendar;
using SmartPick.Nudges.Rules;

namespace SmartPick.Nudges.Feeds;

/// <summary>Whose feed: the agency as a whole, or one candidate (whose events name them).</summary>
/// <param name="Tenant">The organization the feed belongs to.</param>
/// <param name="OrganizationName">Shown in the calendar's name.</param>
/// <param name="CandidateId">Set for a candidate's own feed.</param>
/// <param name="CandidateName">The candidate's name, for the calendar's title.</param>
internal sealed record FeedAudience(string Tenant, string OrganizationName, Guid? CandidateId = null, string? CandidateName = null)
{
    public static FeedAudience Agency(string tenant, string organizationName) => new(tenant, organizationName);

    public static FeedAudience Candidate(string tenant, string organizationName, Guid candidateId, string candidateName) =>
        new(tenant, organizationName, candidateId, candidateName);

    /// <summary>Part of every event UID, so the same milestone in two feeds never collides in one client.</summary>
    internal string UidPart => CandidateId is { } id ? $"candidate-{id:N}" : "agency";
}

/// <summary>
/// Builds the iCalendar (.ics) subscription feed of season milestones: one event per milestone, times in
/// UTC, a UID that stays the same when the admin moves a date (so clients update the event in place),
/// and the local time in the organization's zone in the description.
/// </summary>
internal static class CalendarFeed
{
    public static string Build(IEnumerable<SeasonCalendar> calendars, FeedAudience audience, string organizationTimeZone, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(calendars);
        ArgumentNullException.ThrowIfNull(audience);
        if (!NudgeKey.IsValidTenant(audience.Tenant))
        {
            throw new ArgumentException("Invalid tenant id.", nameof(audience));
        }

        _ = OrgTime.Zone(organizationTimeZone);
        var organization = HeaderText.Clean(audience.OrganizationName);
        var title = audience.CandidateName is { } name && HeaderText.Clean(name) is { Length: > 0 } cleaned
            ? $"{cleaned} — Match dates ({organization})"
            : $"{organization} — Match dates";

        var feed = new Ical.Net.Calendar { ProductId = "-//SmartPick//Season calendar//EN" };
        feed.AddProperty("X-WR-CALNAME", title);
        feed.AddProperty("X-WR-TIMEZONE", organizationTimeZone);
        var stamp = new CalDateTime(generatedAt.UtcDateTime);

        foreach (var calendar in calendars.Select(c => c.InUtc()).OrderBy(c => c.Season))
        {
            foreach (var (milestone, at) in calendar.Milestones())
            {
                feed.Events.Add(new CalendarEvent
                {
                    Uid = string.Create(CultureInfo.InvariantCulture, $"{calendar.Season}-{Slug(milestone)}.{audience.UidPart}@{audience.Tenant}.smartpick"),
                    Summary = $"{Title(milestone)} ({calendar.Season} Match)",
                    Description = $"{Title(milestone)} for the {calendar.Season} Match: {OrgTime.FormatLong(at, organizationTimeZone)}.",
                    DtStart = new CalDateTime(at.UtcDateTime),
                    DtStamp = stamp,
                    Transparency = Ical.Net.TransparencyType.Transparent,
                });
            }
        }

        return new CalendarSerializer().SerializeToString(feed) ?? "";
    }

    public static string Title(Milestone milestone) => milestone switch
    {
        Milestone.ErasOpens => "ERAS opens",
        Milestone.SubmissionOpens => "ERAS submission opens",
        Milestone.ProgramReviewStarts => "Programs start reviewing applications",
        Milestone.RankingOpens => "NRMP ranking opens",
        Milestone.RankOrderListDeadline => "Rank order list certification deadline",
        Milestone.MatchWeekStarts => "Match Week and SOAP start",
        Milestone.MatchDay => "Match Day",
        _ => throw new ArgumentOutOfRangeException(nameof(milestone), milestone, "Unknown milestone."),
    };

    private static string Slug(Milestone milestone) => milestone switch
    {
        Milestone.ErasOpens => "eras-opens",
        Milestone.SubmissionOpens => "submission-opens",
        Milestone.ProgramReviewStarts => "program-review-starts",
        Milestone.RankingOpens => "ranking-opens",
        Milestone.RankOrderListDeadline => "rank-order-list-deadline",
        Milestone.MatchWeekStarts => "match-week-starts",
        Milestone.MatchDay => "match-day",
        _ => throw new ArgumentOutOfRangeException(nameof(milestone), milestone, "Unknown milestone."),
    };
}
