using SmartPick.Advising.CandidateFiles;
using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using SmartPick.Advising.Views;
using SmartPick.Contracts;
using SmartPick.Nudges.Sweeps;
using Wolverine.Http;

namespace SmartPick.Nudges.Http;

/// <summary>A candidate creates (or replaces) the URL of their own season-dates calendar feed, or revokes it.</summary>
public static class ManageMyCalendarFeedEndpoint
{
    [WolverinePost("/api/me/calendar-feed")]
    [Authorize(Policy = SmartPickPolicies.Candidate)]
    public static async Task<IResult> Post(ClaimsPrincipal user, IDocumentSession session, NudgeOptions options, TimeProvider clock, CancellationToken ct)
    {
        if (NudgesHttp.CandidateIdOf(user) is not { } candidateId || await session.LoadAsync<CandidateProfileView>(candidateId, ct) is null)
        {
            return NudgesHttp.NotFound();
        }

        var answer = CalendarFeedLinks.Rotate(session, candidateId, NudgesHttp.UserIdOf(user), options, clock.GetUtcNow());
        await session.SaveChangesAsync(ct);
        return Results.Json(answer, statusCode: StatusCodes.Status201Created);
    }

    [WolverineDelete("/api/me/calendar-feed")]
    [Authorize(Policy = SmartPickPolicies.Candidate)]
    public static async Task<IResult> Delete(ClaimsPrincipal user, IDocumentSession session, CancellationToken ct)
    {
        if (NudgesHttp.CandidateIdOf(user) is not { } candidateId)
        {
            return NudgesHttp.NotFound();
        }

        CalendarFeedLinks.Revoke(session, candidateId);
        await session.SaveChangesAsync(ct);
        return Results.NoContent();
    }
}
