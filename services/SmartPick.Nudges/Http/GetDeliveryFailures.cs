using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using SmartPick.Contracts;
using SmartPick.Nudges.Store;
using Wolverine.Http;

namespace SmartPick.Nudges.Http;

/// <summary>One nudge that did not reach its candidate, and why (the mail server's answer, or a problem on our side).</summary>
public sealed record DeliveryFailure(string Key, Guid CandidateId, string Email, string State, string? Detail, int Attempts, DateTimeOffset LastTriedAt);

/// <summary>
/// The organization's undelivered nudges, newest first: mail fails after the API has long answered (a sweep runs
/// later, on a schedule), so this is where an org admin sees that their mail does not go out and why.
/// </summary>
public static class GetDeliveryFailuresEndpoint
{
    [EndpointSummary("Reminders that could not be delivered, and why")]
    [WolverineGet("/api/org/nudges/failures")]
    [Authorize(Policy = SmartPickPolicies.OrgAdmin)]
    public static async Task<IReadOnlyList<DeliveryFailure>> Get(IQuerySession session, CancellationToken ct)
    {
        var failed = await session.Query<NudgeDelivery>()
            .Where(d => d.State == DeliveryState.Failed || d.State == DeliveryState.Suppressed)
            .OrderByDescending(d => d.ClaimedAt)
            .Take(200)
            .ToListAsync(ct);
        return failed.Select(d => new DeliveryFailure(d.Id, d.CandidateId, d.Email,
            d.State == DeliveryState.Failed ? "failed" : "suppressed", d.Detail, d.Attempts, d.ClaimedAt)).ToList();
    }
}
