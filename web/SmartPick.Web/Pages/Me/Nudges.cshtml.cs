using Marten;
using Microsoft.AspNetCore.Authorization;
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
/// dates. Every read and change goes through the same nudges functions as <c>/api/me/nudges</c> and
/// <c>/api/me/calendar-feed</c>, with the signed-in user; the file comes only from the sign-in claim.
/// </summary>
[Authorize(Policy = SmartPickPolicies.Candidate)]
public sealed class NudgesModel(IDocumentStore store, NudgeOptions options, TimeProvider clock) : PageModel, IFormPage
{
    public MyNudgePreferences Preferences { get; private set; } = null!;

    /// <summary>When the live feed link was made, or null when there is none.</summary>
    public DateTimeOffset? FeedCreatedAt { get; private set; }

    /// <summary>The feed URL just created: shown once, since only its hash is stored.</summary>
    public string? NewFeedUrl { get; private set; }

    /// <summary>What the last POST did, for the status line.</summary>
    public string? Saved { get; private set; }

    public FormErrors Errors { get; } = new();

    [BindProperty] public bool Reapplication { get; set; }
    [BindProperty] public bool RankList { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPreferencesAsync(CancellationToken ct)
    {
        if (Errors.Any)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(ct, keepChoices: true) ? Page() : NotFound();
        }
        await using (var session = store.LightweightSession(User.Tenant()))
        {
            var answer = await new ChangeMyNudgePreferences(Reapplication, RankList).ApplyAsync(session, User.CandidateFile(), clock.GetUtcNow(), ct);
            if (answer.IsNotFound) return NotFound();
        }
        Saved = "preferences";
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostCreateFeedAsync(CancellationToken ct)
    {
        await using (var session = store.LightweightSession(User.Tenant()))
        {
            var answer = await CalendarFeedLinks.CreateForCandidateAsync(session, User.CandidateFile(), User.UserId(), options, clock.GetUtcNow(), ct);
            if (answer.Value is not { } created) return NotFound();
            NewFeedUrl = created.Url;
        }
        Saved = "feed";
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostRevokeFeedAsync(CancellationToken ct)
    {
        await using (var session = store.LightweightSession(User.Tenant()))
        {
            if (!await CalendarFeedLinks.RevokeForCandidateAsync(session, User.CandidateFile(), ct)) return NotFound();
        }
        Saved = "revoked";
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct, bool keepChoices = false)
    {
        if (User.CandidateFile() is not { } id) return false;
        await using var session = store.QuerySession(User.Tenant());
        if ((await MyNudgePreferences.OfAsync(session, id, ct)).Value is not { } preferences) return false;
        Preferences = preferences;
        if (!keepChoices) (Reapplication, RankList) = (preferences.Reapplication, preferences.RankList);
        var owner = CalendarFeedSubscription.OwnerFor(id);
        FeedCreatedAt = (await session.Query<CalendarFeedSubscription>().Where(s => s.Owner == owner).ToListAsync(ct))
            .Select(s => (DateTimeOffset?)s.CreatedAt).Max();
        return true;
    }
}
