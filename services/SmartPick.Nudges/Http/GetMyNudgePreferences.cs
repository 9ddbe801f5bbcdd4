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

/// <summary>A candidate's own nudge settings: which kinds are on, and the nudges already sent.</summary>
public static class GetMyNudgePreferencesEndpoint
{
    [EndpointSummary("Your email reminder settings and the reminders already sent")]
    [WolverineGet("/api/me/nudges")]
    [Authorize(Policy = SmartPickPolicies.Candidate)]
    public static async Task<IResult> Get(ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
        => (await MyNudgePreferences.OfAsync(session, user.CandidateFile(), ct)).ToHttp();
}

/// <summary>Whether each kind of nudge is on, and what was sent.</summary>
public sealed record MyNudgePreferences(bool Reapplication, bool RankList, IReadOnlyList<SentNudgeAnswer> Sent)
{
    /// <summary>The settings of the candidate's file; not found when the user has no file, or it is not in the session's organization.</summary>
    public static async Task<NudgesAnswer<MyNudgePreferences>> OfAsync(IQuerySession session, Guid? candidateId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (candidateId is not { } id || await session.LoadAsync<CandidateProfileView>(id, ct) is null)
        {
            return NudgesAnswer<MyNudgePreferences>.NotFound;
        }

        return await ReadAsync(session, id, ct);
    }

    public static async Task<MyNudgePreferences> ReadAsync(IQuerySession session, Guid candidateId, CancellationToken ct)
    {
        var preferences = await session.PreferencesAsync(candidateId, ct);
        var sent = await session.Query<NudgeDelivery>()
            .Where(d => d.CandidateId == candidateId && d.State == DeliveryState.Sent)
            .OrderBy(d => d.SentAt)
            .ToListAsync(ct);
        return new MyNudgePreferences(
            preferences.Allows(NudgeKind.Reapplication),
            preferences.Allows(NudgeKind.RankList),
            sent.Select(d => new SentNudgeAnswer(NudgesHttp.KindName(d.Kind), d.Season, d.OffsetDays, d.SentAt)).ToList());
    }
}

public sealed record SentNudgeAnswer(string Kind, int Season, int OffsetDays, DateTimeOffset? SentAt);
