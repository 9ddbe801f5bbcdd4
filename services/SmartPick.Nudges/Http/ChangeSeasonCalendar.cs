using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using SmartPick.Contracts;
using SmartPick.Nudges.Calendar;
using SmartPick.Nudges.Store;
using Wolverine.Http;

namespace SmartPick.Nudges.Http;

/// <summary>
/// The org admin sets a season's dates. Instants may carry any offset; they are stored in UTC, and the
/// milestones must stay in their natural order (<see cref="SeasonCalendarValidator"/>).
/// </summary>
public sealed record ChangeSeasonCalendar(
    DateTimeOffset? ErasOpensAt,
    DateTimeOffset? SubmissionOpensAt,
    DateTimeOffset? ProgramReviewStartsAt,
    DateTimeOffset? RankingOpensAt,
    DateTimeOffset? RankOrderListDeadline,
    DateTimeOffset? MatchWeekStartsAt,
    DateTimeOffset? MatchDayAt)
{
    /// <summary>The calendar in UTC, or the missing fields.</summary>
    public (SeasonCalendar? Calendar, FieldErrors Errors) ToCalendar(int season)
    {
        var errors = new FieldErrors();
        DateTimeOffset Required(DateTimeOffset? value, string field)
        {
            if (value is null)
            {
                errors.Add(field, "is required");
            }

            return value?.ToUniversalTime() ?? default;
        }

        var calendar = new SeasonCalendar
        {
            Season = season,
            ErasOpensAt = Required(ErasOpensAt, "eras_opens_at"),
            SubmissionOpensAt = Required(SubmissionOpensAt, "submission_opens_at"),
            ProgramReviewStartsAt = Required(ProgramReviewStartsAt, "program_review_starts_at"),
            RankingOpensAt = Required(RankingOpensAt, "ranking_opens_at"),
            RankOrderListDeadline = Required(RankOrderListDeadline, "rank_order_list_deadline"),
            MatchWeekStartsAt = Required(MatchWeekStartsAt, "match_week_starts_at"),
            MatchDayAt = Required(MatchDayAt, "match_day_at"),
        };
        return errors.Any ? (null, errors) : (calendar, errors);
    }

    /// <summary>Stores the season's dates for the session's organization; the calendar as now shown, or what is wrong.</summary>
    public async Task<NudgesAnswer<SeasonCalendarAnswer>> ApplyAsync(int season, IDocumentSession session, IOrganizationSettings organizations,
        string changedBy, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(organizations);
        if (await organizations.GetAsync(session.TenantId, ct) is not { } org)
        {
            return NudgesAnswer<SeasonCalendarAnswer>.NotFound;
        }

        var (calendar, missing) = ToCalendar(season);
        if (calendar is null)
        {
            return missing;
        }

        if (SeasonCalendarValidator.Validate(calendar) is { Any: true } invalid)
        {
            return invalid;
        }

        session.Store(new SeasonCalendarOverride { Id = season, Calendar = calendar, UpdatedAt = now, UpdatedBy = changedBy });
        await session.SaveChangesAsync(ct);
        return SeasonCalendarAnswer.For(calendar, custom: true, NudgesHttp.ZoneOrEastern(org.TimeZone));
    }
}

public static class ChangeSeasonCalendarEndpoint
{
    [EndpointSummary("Set a season's dates for the organization")]
    [WolverinePut("/api/org/calendar/{season}")]
    [Authorize(Policy = SmartPickPolicies.OrgAdmin)]
    public static async Task<IResult> Put(int season, ChangeSeasonCalendar command, ClaimsPrincipal user, IDocumentSession session,
        IOrganizationSettings organizations, TimeProvider clock, CancellationToken ct)
        => (await command.ApplyAsync(season, session, organizations, user.UserId(), clock.GetUtcNow(), ct)).ToHttp();
}
