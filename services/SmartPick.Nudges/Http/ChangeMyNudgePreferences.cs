using SmartPick.Advising.CandidateFiles;
using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using SmartPick.Advising.Views;
using SmartPick.Contracts;
using SmartPick.Nudges.Rules;
using SmartPick.Nudges.Store;
using Wolverine.Http;

namespace SmartPick.Nudges.Http;

/// <summary>A candidate turns kinds of nudge on or off; a kind left out keeps its current setting.</summary>
public sealed record ChangeMyNudgePreferences(bool? Reapplication, bool? RankList);

public static class ChangeMyNudgePreferencesEndpoint
{
    [WolverinePut("/api/me/nudges")]
    [Authorize(Policy = SmartPickPolicies.Candidate)]
    public static async Task<IResult> Put(ChangeMyNudgePreferences command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        if (NudgesHttp.CandidateIdOf(user) is not { } candidateId
            || await session.LoadAsync<CandidateProfileView>(candidateId, ct) is null)
        {
            return NudgesHttp.NotFound();
        }

        var preferences = await session.PreferencesAsync(candidateId, ct);
        Set(preferences, NudgeKind.Reapplication, command.Reapplication);
        Set(preferences, NudgeKind.RankList, command.RankList);
        preferences.UpdatedAt = clock.GetUtcNow();
        session.Store(preferences);
        await session.SaveChangesAsync(ct);
        return Results.Json(await MyNudgePreferences.ReadAsync(session, candidateId, ct));
    }

    private static void Set(CandidateNudgePreferences preferences, NudgeKind kind, bool? enabled)
    {
        if (enabled is null)
        {
            return;
        }

        preferences.OptedOut.Remove(kind);
        if (enabled == false)
        {
            preferences.OptedOut.Add(kind);
        }
    }
}
