using SmartPick.Advising.CandidateFiles;
using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using SmartPick.Contracts;
using SmartPick.Nudges.Sweeps;
using Wolverine.Http;

namespace SmartPick.Nudges.Http;

/// <summary>A candidate creates (or replaces) the URL of their own season-dates calendar feed, or revokes it.</summary>
public static class ManageMyCalendarFeedEndpoint
{
    [EndpointSummary("Create or replace your own calendar feed link")]
    [WolverinePost("/api/me/calendar-feed")]
    [Authorize(Policy = SmartPickPolicies.Candidate)]
    public static async Task<IResult> Post(ClaimsPrincipal user, IDocumentSession session, NudgeOptions options, TimeProvider clock, CancellationToken ct)
        => (await CalendarFeedLinks.CreateForCandidateAsync(session, user.CandidateFile(), user.UserId(), options, clock.GetUtcNow(), ct))
            .ToHttp(StatusCodes.Status201Created);

    [EndpointSummary("Revoke your own calendar feed link")]
    [WolverineDelete("/api/me/calendar-feed")]
    [Authorize(Policy = SmartPickPolicies.Candidate)]
    public static async Task<IResult> Delete(ClaimsPrincipal user, IDocumentSession session, CancellationToken ct)
        => await CalendarFeedLinks.RevokeForCandidateAsync(session, user.CandidateFile(), ct) ? Results.NoContent() : NudgesHttp.NotFound();
}
