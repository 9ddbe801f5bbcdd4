using Marten;
using SmartPick.Contracts;
using SmartPick.Nudges.Calendar;
using SmartPick.Nudges.Feeds;
using SmartPick.Nudges.Store;

namespace SmartPick.Nudges.Http;

/// <summary>
/// One season's calendar as the org admin sees it: the stored UTC instants, and each milestone in the
/// organization's zone. <see cref="Custom"/> says whether the agency changed the published-rule defaults.
/// </summary>
public sealed record SeasonCalendarAnswer(int Season, bool Custom, string TimeZone, SeasonCalendar Calendar, IReadOnlyList<MilestoneAnswer> Milestones)
{
    public static SeasonCalendarAnswer For(SeasonCalendar calendar, bool custom, string timeZone) => new(
        calendar.Season,
        custom,
        timeZone,
        calendar,
        calendar.Milestones().Select(m => new MilestoneAnswer(
            Slug(m.Milestone), CalendarFeed.Title(m.Milestone), m.At, OrgTime.ToOrgLocal(m.At, timeZone), OrgTime.FormatLong(m.At, timeZone))).ToList());

    /// <summary>The season's calendar of the session's organization, or what is wrong with the season asked for.</summary>
    public static async Task<NudgesAnswer<SeasonCalendarAnswer>> ReadAsync(int season, IQuerySession session, IOrganizationSettings organizations,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(organizations);
        if (season is < 2000 or > 2200)
        {
            return FieldErrors.Of("season", "must be between 2000 and 2200");
        }

        if (await organizations.GetAsync(session.TenantId, ct) is not { } org)
        {
            return NudgesAnswer<SeasonCalendarAnswer>.NotFound;
        }

        var stored = await session.LoadAsync<SeasonCalendarOverride>(season, ct);
        return For(stored?.Calendar ?? SeasonCalendar.Default(season), stored is not null, NudgesHttp.ZoneOrEastern(org.TimeZone));
    }

    private static string Slug(Milestone milestone) => string.Concat(milestone.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? $"_{char.ToLowerInvariant(c)}" : $"{char.ToLowerInvariant(c)}"));
}

/// <summary>
/// One milestone: its snake_case name (e.g. <c>rank_order_list_deadline</c>), title, the stored UTC
/// instant, the same instant with the organization's offset at that moment, and a long form in that zone.
/// </summary>
public sealed record MilestoneAnswer(string Milestone, string Title, DateTimeOffset AtUtc, DateTimeOffset AtLocal, string Text);
