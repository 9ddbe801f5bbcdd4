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
public sealed record ChangeMyNudgePreferences(bool? Reapplication, bool? RankList)
{
    /// <summary>Changes and saves the settings of the candidate's file; not found when there is no such file in the session's organization.</summary>
    public async Task<NudgesAnswer<MyNudgePreferences>> ApplyAsync(IDocumentSession session, Guid? candidateId, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (candidateId is not { } id || await session.LoadAsync<CandidateProfileView>(id, ct) is null)
        {
            return NudgesAnswer<MyNudgePreferences>.NotFound;
        }

        var preferences = await session.PreferencesAsync(id, ct);
        Set(preferences, NudgeKind.Reapplication, Reapplication);
        Set(preferences, NudgeKind.RankList, RankList);
        preferences.UpdatedAt = now;
        session.Store(preferences);
        await session.SaveChangesAsync(ct);
        return await MyNudgePreferences.ReadAsync(session, id, ct);
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

public static class ChangeMyNudgePreferencesEndpoint
{
    [EndpointSummary("Turn kinds of email reminder on or off for yourself")]
    [WolverinePut("/api/me/nudges")]
    [Authorize(Policy = SmartPickPolicies.Candidate)]
    public static async Task<IResult> Put(ChangeMyNudgePreferences command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken ct)
        => (await command.ApplyAsync(session, user.CandidateFile(), clock.GetUtcNow(), ct)).ToHttp();
}
