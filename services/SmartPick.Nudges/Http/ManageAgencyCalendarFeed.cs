using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using SmartPick.Contracts;
using SmartPick.Nudges.Sweeps;
using Wolverine.Http;

namespace SmartPick.Nudges.Http;

/// <summary>
/// Org admins create (or replace) the agency's season-dates calendar feed for advisors, or revoke it. Only they: a new
/// link cuts off every advisor subscribed to the old one, which is the agency's decision, not one advisor's.
/// </summary>
public static class ManageAgencyCalendarFeedEndpoint
{
    [EndpointSummary("Create or replace the agency's calendar feed link for its advisors")]
    [WolverinePost("/api/org/calendar-feed")]
    [Authorize(Policy = SmartPickPolicies.OrgAdmin)]
    public static async Task<IResult> Post(ClaimsPrincipal user, IDocumentSession session, NudgeOptions options, TimeProvider clock, CancellationToken ct)
        => Results.Json(await CalendarFeedLinks.CreateForAgencyAsync(session, user.UserId(), options, clock.GetUtcNow(), ct),
            statusCode: StatusCodes.Status201Created);

    [EndpointSummary("Revoke the agency's calendar feed link")]
    [WolverineDelete("/api/org/calendar-feed")]
    [Authorize(Policy = SmartPickPolicies.OrgAdmin)]
    public static async Task<IResult> Delete(IDocumentSession session, CancellationToken ct)
    {
        await CalendarFeedLinks.RevokeForAgencyAsync(session, ct);
        return Results.NoContent();
    }
}
