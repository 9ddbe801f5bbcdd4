using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using SmartPick.Contracts;
using SmartPick.Nudges.Store;
using Wolverine.Http;

namespace SmartPick.Nudges.Http;

/// <summary>The organization's dates for one season: its own where the admin edited them, else the published-rule defaults.</summary>
public static class GetSeasonCalendarEndpoint
{
    [EndpointSummary("A season's dates: the organization's own, or the published defaults")]
    [WolverineGet("/api/org/calendar/{season}")]
    [Authorize(Policy = SmartPickPolicies.OrgAdmin)]
    public static async Task<IResult> Get(int season, IQuerySession session, IOrganizationSettings organizations, CancellationToken ct)
        => (await SeasonCalendarAnswer.ReadAsync(season, session, organizations, ct)).ToHttp();
}
