using System.Text.Encodings.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using SmartPick.Nudges.Email;
using SmartPick.Nudges.Store;
using Wolverine.Http;

namespace SmartPick.Nudges.Http;

/// <summary>
/// What opening the unsubscribe link in a browser shows: a confirmation with a button that POSTs. A GET
/// never unsubscribes, because mail scanners and link previews fetch links nobody clicked.
/// </summary>
public static class ShowUnsubscribePageEndpoint
{
    [EndpointSummary("The page an email's unsubscribe link opens; opening it never unsubscribes")]
    [WolverineGet("/u/{token}")]
    [AllowAnonymous]
    [NotTenanted]
    public static async Task<IResult> Get(string token, HttpContext http, IDocumentStore store, CancellationToken ct)
    {
        if (!UnsubscribeToken.TryParse(token, out var parsed))
        {
            return NudgesHttp.NotFound();
        }

        await using var session = store.QuerySession(parsed.Tenant);
        if (await session.LoadAsync<UnsubscribeLink>(parsed.Hash(), ct) is not { } link)
        {
            return NudgesHttp.NotFound();
        }

        var preferences = await session.PreferencesAsync(link.CandidateId, ct);
        if (http.Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return Results.Json(new UnsubscribeLinkAnswer(preferences.OptedOutOfAll, $"/u/{parsed.Value}"));
        }

        return Results.Content(UnsubscribePages.Confirm(parsed.Value, preferences.OptedOutOfAll), "text/html; charset=utf-8");
    }
}

/// <summary>What a GET of an unsubscribe link says: whether the candidate is already unsubscribed, and where to POST.</summary>
public sealed record UnsubscribeLinkAnswer(bool AlreadyUnsubscribed, string UnsubscribeWith);

internal static class UnsubscribePages
{
    public static string Confirm(string token, bool already)
    {
        var action = HtmlEncoder.Default.Encode($"/u/{token}");
        var lead = already ? "You are already unsubscribed from SmartPick nudge emails." : "Stop receiving SmartPick nudge emails?";
        return Page($"<p>{lead}</p><form method=\"post\" action=\"{action}\"><button type=\"submit\">Unsubscribe</button></form>");
    }

    public static string Done() => Page("<p>You are unsubscribed: SmartPick will not send you nudge emails any more. You can turn them back on in your settings.</p>");

    private static string Page(string body) =>
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>SmartPick emails</title></head><body>{body}</body></html>";
}
