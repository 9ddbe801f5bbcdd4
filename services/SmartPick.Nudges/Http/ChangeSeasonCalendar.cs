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
    public (SeasonCalendar? Calendar, Dictionary<string, string[]> Errors) ToCalendar(int season)
    {
        var errors = new Dictionary<string, string[]>();
        DateTimeOffset Required(DateTimeOffset? value, string field)
        {
            if (value is null)
            {
                errors[field] = ["is required"];
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
        return errors.Count > 0 ? (null, errors) : (calendar, errors);
    }
}

public static class ChangeSeasonCalendarEndpoint
{
    private static readonly SeasonCalendarValidator Validator = new();

    [WolverinePut("/api/org/calendar/{season}")]
    [Authorize(Policy = SmartPickPolicies.OrgAdmin)]
    public static async Task<IResult> Put(int season, ChangeSeasonCalendar command, ClaimsPrincipal user, IDocumentSession session,
        IOrganizationSettings organizations, TimeProvider clock, CancellationToken ct)
    {
        if (await organizations.GetAsync(session.TenantId, ct) is not { } org)
        {
            return NudgesHttp.NotFound();
        }

        var (calendar, missing) = command.ToCalendar(season);
        if (calendar is null)
        {
            return NudgesHttp.Invalid(missing);
        }

        var result = await Validator.ValidateAsync(calendar, ct);
        if (!result.IsValid)
        {
            return NudgesHttp.Invalid(result.Errors
                .GroupBy(e => Snake(e.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray()));
        }

        session.Store(new SeasonCalendarOverride { Id = season, Calendar = calendar, UpdatedAt = clock.GetUtcNow(), UpdatedBy = NudgesHttp.UserIdOf(user) });
        await session.SaveChangesAsync(ct);
        return Results.Json(SeasonCalendarAnswer.For(calendar, custom: true, NudgesHttp.ZoneOrEastern(org.TimeZone)));
    }

    private static string Snake(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? $"_{char.ToLowerInvariant(c)}" : $"{char.ToLowerInvariant(c)}"));
}
