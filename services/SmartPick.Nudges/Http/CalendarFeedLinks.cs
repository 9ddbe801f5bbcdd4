using Marten;
using SmartPick.Nudges.Feeds;
using SmartPick.Nudges.Store;
using SmartPick.Nudges.Sweeps;

namespace SmartPick.Nudges.Http;

/// <summary>Creating (or rotating) and revoking a feed URL; one live URL per owner.</summary>
internal static class CalendarFeedLinks
{
    public static CalendarFeedAnswer Rotate(IDocumentSession session, Guid? candidateId, string createdBy, NudgeOptions options, DateTimeOffset now)
    {
        var owner = CalendarFeedSubscription.OwnerFor(candidateId);
        var token = CalendarFeedToken.NewRandom(session.TenantId);
        session.DeleteWhere<CalendarFeedSubscription>(s => s.Owner == owner);
        session.Store(new CalendarFeedSubscription { Id = token.Hash(), Owner = owner, CandidateId = candidateId, CreatedAt = now, CreatedBy = createdBy });
        return new CalendarFeedAnswer($"{options.PublicBaseUrl.TrimEnd('/')}/feeds/{token.Value}.ics", token.Value);
    }

    public static void Revoke(IDocumentSession session, Guid? candidateId)
    {
        var owner = CalendarFeedSubscription.OwnerFor(candidateId);
        session.DeleteWhere<CalendarFeedSubscription>(s => s.Owner == owner);
    }
}

/// <summary>The subscription URL, shown once: only its hash is stored.</summary>
public sealed record CalendarFeedAnswer(string Url, string Token);
