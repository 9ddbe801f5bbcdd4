using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartPick.Contracts;
using SmartPick.Nudges.Http;
using SmartPick.Nudges.Store;
using SmartPick.Nudges.Sweeps;
using SmartPick.Web.Pages.Shared;

namespace SmartPick.Web.Pages.Me;

/// <summary>
/// The candidate's email reminders (on or off for each kind) and their personal calendar feed of season
/// dates. Every change goes through the nudges module's own <c>/api/me/nudges</c> and
/// <c>/api/me/calendar-feed</c> endpoints, called in process with the signed-in user; the file comes only
/// from the sign-in claim.
/// </summary>
[Authorize(Policy = SmartPickPolicies.Candidate)]
public sealed class NudgesModel(IDocumentStore store, NudgeOptions options, TimeProvider clock) : PageModel
{
    public MyNudgePreferences Preferences { get; private set; } = null!;

    /// <summary>When the live feed link was made, or null when there is none.</summary>
    public DateTimeOffset? FeedCreatedAt { get; private set; }

    /// <summary>The feed URL just created: shown once, since only its hash is stored.</summary>
    public string? NewFeedUrl { get; private set; }

    /// <summary>What the last POST did, for the status line.</summary>
    public string? Saved { get; private set; }

    [BindProperty] public bool Reapplication { get; set; }
    [BindProperty] public bool RankList { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPreferencesAsync(CancellationToken ct)
    {
        await using (var session = store.LightweightSession(User.Tenant()))
        {
            var result = await ChangeMyNudgePreferencesEndpoint.Put(new ChangeMyNudgePreferences(Reapplication, RankList), User, session, clock, ct);
            if (result is not IValueHttpResult<MyNudgePreferences>) return NotFoundOrProblem(result);
        }
        Saved = "preferences";
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostCreateFeedAsync(CancellationToken ct)
    {
        await using (var session = store.LightweightSession(User.Tenant()))
        {
            var result = await ManageMyCalendarFeedEndpoint.Post(User, session, options, clock, ct);
            if (result is not IValueHttpResult<CalendarFeedAnswer> { Value: { } answer }) return NotFoundOrProblem(result);
            NewFeedUrl = answer.Url;
        }
        Saved = "feed";
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostRevokeFeedAsync(CancellationToken ct)
    {
        await using (var session = store.LightweightSession(User.Tenant()))
        {
            var result = await ManageMyCalendarFeedEndpoint.Delete(User, session, ct);
            if (result is not NoContent) return NotFoundOrProblem(result);
        }
        Saved = "revoked";
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private IActionResult NotFoundOrProblem(IResult result) =>
        result is IStatusCodeHttpResult { StatusCode: StatusCodes.Status404NotFound } ? NotFound() : StatusCode(StatusCodes.Status500InternalServerError);

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (User.CandidateFile() is not { } id) return false;
        await using var session = store.QuerySession(User.Tenant());
        if (await GetMyNudgePreferencesEndpoint.Get(User, session, ct) is not IValueHttpResult<MyNudgePreferences> { Value: { } preferences }) return false;
        Preferences = preferences;
        (Reapplication, RankList) = (preferences.Reapplication, preferences.RankList);
        var owner = CalendarFeedSubscription.OwnerFor(id);
        FeedCreatedAt = (await session.Query<CalendarFeedSubscription>().Where(s => s.Owner == owner).ToListAsync(ct))
            .Select(s => (DateTimeOffset?)s.CreatedAt).Max();
        return true;
    }
}
