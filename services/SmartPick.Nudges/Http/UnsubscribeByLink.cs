using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using SmartPick.Nudges.Email;
using SmartPick.Nudges.Rules;
using SmartPick.Nudges.Store;
using Wolverine.Http;

namespace SmartPick.Nudges.Http;

/// <summary>
/// One-click unsubscribe (RFC 8058): a POST to the link in a nudge turns off every nudge for that
/// candidate. No session: the token names its tenant and is unguessable; an unknown token is 404.
/// </summary>
public static class UnsubscribeByLinkEndpoint
{
    [EndpointSummary("One-click unsubscribe from an email's link (RFC 8058)")]
    [WolverinePost("/u/{token}")]
    [AllowAnonymous]
    [NotTenanted]
    public static async Task<IResult> PostFromEmail(string token, IDocumentStore store, TimeProvider clock, CancellationToken ct)
        => await UnsubscribeAsync(token, store, clock, ct) is not null
            ? Results.Content(UnsubscribePages.Done(), "text/html; charset=utf-8")
            : NudgesHttp.NotFound();

    [EndpointSummary("Turn off every reminder for the candidate an unsubscribe token names")]
    [WolverinePost("/api/nudges/unsubscribe/{token}")]
    [AllowAnonymous]
    [NotTenanted]
    public static async Task<IResult> PostFromApi(string token, IDocumentStore store, TimeProvider clock, CancellationToken ct)
        => await UnsubscribeAsync(token, store, clock, ct) is not null
            ? Results.Json(new UnsubscribeAnswer(true, [.. Enum.GetValues<NudgeKind>().Select(NudgesHttp.KindName)]))
            : NudgesHttp.NotFound();

    /// <summary>Opts the link's candidate out of every kind; the candidate id, or null when the token is unknown.</summary>
    private static async Task<Guid?> UnsubscribeAsync(string token, IDocumentStore store, TimeProvider clock, CancellationToken ct)
    {
        if (!UnsubscribeToken.TryParse(token, out var parsed))
        {
            return null;
        }

        await using var session = store.LightweightSession(parsed.Tenant);
        if (await session.LoadAsync<UnsubscribeLink>(parsed.Hash(), ct) is not { } link)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var preferences = await session.PreferencesAsync(link.CandidateId, ct);
        preferences.OptedOut = [.. Enum.GetValues<NudgeKind>()];
        preferences.UpdatedAt = now;
        link.UsedAt ??= now;
        session.Store(preferences);
        session.Store(link);
        await session.SaveChangesAsync(ct);
        return link.CandidateId;
    }
}

/// <summary>The answer of an unsubscribe: which kinds are now off.</summary>
public sealed record UnsubscribeAnswer(bool Unsubscribed, IReadOnlyList<string> OptedOut);
