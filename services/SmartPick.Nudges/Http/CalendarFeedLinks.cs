using SmartPick.Advising.CandidateFiles;
using Marten;
using SmartPick.Advising.Views;
using SmartPick.Nudges.Feeds;
using SmartPick.Nudges.Store;
using SmartPick.Nudges.Sweeps;

namespace SmartPick.Nudges.Http;

/// <summary>
/// Creating (or rotating) and revoking a feed URL, for a candidate's own file or for the agency; one live URL per
/// owner. Each call saves the session.
/// </summary>
public static class CalendarFeedLinks
{
    /// <summary>A new URL for the candidate's file; not found when there is no such file in the session's organization.</summary>
    public static async Task<NudgesAnswer<CalendarFeedAnswer>> CreateForCandidateAsync(IDocumentSession session, Guid? candidateId, string createdBy,
        NudgeOptions options, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (candidateId is not { } id || await session.LoadAsync<CandidateProfileView>(id, ct) is null)
        {
            return NudgesAnswer<CalendarFeedAnswer>.NotFound;
        }

        var answer = Rotate(session, id, createdBy, options, now);
        await session.SaveChangesAsync(ct);
        return answer;
    }

    /// <summary>Revokes the candidate's URL; false when the user has no file.</summary>
    public static async Task<bool> RevokeForCandidateAsync(IDocumentSession session, Guid? candidateId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (candidateId is not { } id)
        {
            return false;
        }

        Revoke(session, id);
        await session.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>A new URL for the agency's calendar; the old one stops working for every advisor subscribed to it.</summary>
    public static async Task<CalendarFeedAnswer> CreateForAgencyAsync(IDocumentSession session, string createdBy, NudgeOptions options,
        DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var answer = Rotate(session, candidateId: null, createdBy, options, now);
        await session.SaveChangesAsync(ct);
        return answer;
    }

    public static async Task RevokeForAgencyAsync(IDocumentSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        Revoke(session, candidateId: null);
        await session.SaveChangesAsync(ct);
    }

    private static CalendarFeedAnswer Rotate(IDocumentSession session, Guid? candidateId, string createdBy, NudgeOptions options, DateTimeOffset now)
    {
        var owner = CalendarFeedSubscription.OwnerFor(candidateId);
        var token = CalendarFeedToken.NewRandom(session.TenantId);
        session.DeleteWhere<CalendarFeedSubscription>(s => s.Owner == owner);
        session.Store(new CalendarFeedSubscription { Id = token.Hash(), Owner = owner, CandidateId = candidateId, CreatedAt = now, CreatedBy = createdBy });
        return new CalendarFeedAnswer($"{options.PublicBaseUrl.TrimEnd('/')}/feeds/{token.Value}.ics", token.Value);
    }

    private static void Revoke(IDocumentSession session, Guid? candidateId)
    {
        var owner = CalendarFeedSubscription.OwnerFor(candidateId);
        session.DeleteWhere<CalendarFeedSubscription>(s => s.Owner == owner);
    }
}

/// <summary>The subscription URL, shown once: only its hash is stored.</summary>
public sealed record CalendarFeedAnswer(string Url, string Token);
