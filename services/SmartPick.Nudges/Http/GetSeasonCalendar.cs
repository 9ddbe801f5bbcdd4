using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using SmartPick.Contracts;
using SmartPick.Nudges.Calendar;
using SmartPick.Nudges.Store;
using Wolverine.Http;

namespace SmartPick.Nudges.Http;

/// <summary>The organization's dates for one season: its own where the admin edited them, else the published-rule defaults.</summary>
public static class GetSeasonCalendarEndpoint
{
    [WolverineGet("/api/org/calendar/{season}")]
    [Authorize(Policy = SmartPickPolicies.OrgAdmin)]
    public static async Task<IResult> Get(int season, IQuerySession session, IOrganizationSettings organizations, CancellationToken ct)
    {
        if (season is < 2000 or > 2200)
        {
            return NudgesHttp.Invalid("season", "must be between 2000 and 2200");
        }

        if (await organizations.GetAsync(session.TenantId, ct) is not { } org)
        {
            return NudgesHttp.NotFound();
        }

        var stored = await session.LoadAsync<SeasonCalendarOverride>(season, ct);
        return Results.Json(SeasonCalendarAnswer.For(stored?.Calendar ?? SeasonCalendar.Default(season), stored is not null, NudgesHttp.ZoneOrEastern(org.TimeZone)));
    }
}
