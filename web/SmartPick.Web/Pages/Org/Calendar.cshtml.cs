using SmartPick.Advising.Seasons;
using System.Globalization;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartPick.Advising.Lists;
using SmartPick.Contracts;
using SmartPick.Nudges.Calendar;
using SmartPick.Nudges.Http;
using SmartPick.Nudges.Store;
using SmartPick.Nudges.Sweeps;
using SmartPick.Web.Pages.Shared;

namespace SmartPick.Web.Pages.Org;

/// <summary>One editable milestone of the season form: its API field name, label and value in the agency's wall-clock time.</summary>
public sealed record MilestoneField(string Field, string Label, string? Value);

/// <summary>The previewed nudges of one kind and season that fall due on one day.</summary>
public sealed record PreviewGroup(string Kind, int Season, IReadOnlyList<NudgePreviewLine> Lines);

/// <summary>One day of the preview (in the agency's time zone) and its nudges by kind.</summary>
public sealed record PreviewDay(DateOnly Day, IReadOnlyList<PreviewGroup> Groups)
{
    public string Heading => Day.ToString("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("en-US"));
}

/// <summary>
/// A season's calendar in the agency's time zone, editable; the nudges the rules would send in a window (nothing
/// is sent); and the agency's calendar feed link. Through the same functions as <c>/api/org/calendar</c>,
/// <c>/api/org/nudges/preview</c> and <c>/api/org/calendar-feed</c>.
/// </summary>
[Authorize(Policy = SmartPickPolicies.OrgAdmin)]
public sealed class CalendarModel(IDocumentStore store, IOrganizationSettings organizations, NudgeOptions options, TimeProvider clock) : PageModel
{
    private const string LocalFormat = "yyyy-MM-dd'T'HH:mm";

    /// <summary>The milestones in order, by the field names the API and its validator use.</summary>
    public static readonly IReadOnlyList<(string Field, string Label, Milestone Milestone)> Milestones =
    [
        ("eras_opens_at", "ERAS opens", Milestone.ErasOpens),
        ("submission_opens_at", "Applications may be submitted", Milestone.SubmissionOpens),
        ("program_review_starts_at", "Programs start reviewing", Milestone.ProgramReviewStarts),
        ("ranking_opens_at", "Rank list entry opens", Milestone.RankingOpens),
        ("rank_order_list_deadline", "Rank order list certification deadline", Milestone.RankOrderListDeadline),
        ("match_week_starts_at", "Match Week starts", Milestone.MatchWeekStarts),
        ("match_day_at", "Match Day", Milestone.MatchDay),
    ];

    [BindProperty(SupportsGet = true)] public int? Season { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public string TimeZone { get; private set; } = SeasonCalendarRules.EasternTimeZoneId;
    public SeasonCalendarAnswer? Calendar { get; private set; }
    public IReadOnlyList<MilestoneField> Form { get; private set; } = [];
    public NudgePreviewAnswer? Preview { get; private set; }
    public CalendarFeedSubscription? Feed { get; private set; }
    public CalendarFeedAnswer? NewFeed { get; private set; }
    public string? Done { get; private set; }

    public FormErrors SeasonErrors { get; private set; } = new();
    public FormErrors CalendarErrors { get; private set; } = new();
    public FormErrors PreviewErrors { get; private set; } = new();

    public int SeasonShown => Season ?? MatchSeasons.Next(clock.GetUtcNow());

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct, fillForm: true);
        return Page();
    }

    public async Task<IActionResult> OnPostCalendarAsync(CancellationToken ct)
    {
        await using var session = store.LightweightSession(User.Tenant());
        TimeZone = await ZoneAsync(ct);
        var errors = new FormErrors();
        DateTimeOffset? Read(string field, string label)
        {
            var text = Request.Form[field].ToString();
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (DateTime.TryParseExact(text.Trim(), [LocalFormat, "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
                return OrgTime.FromLocal(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local), TimeZone);
            errors.Add(field, $"{label} must be a date and time.");
            return null;
        }
        var at = Milestones.ToDictionary(m => m.Field, m => Read(m.Field, m.Label));
        if (errors.Any)
        {
            CalendarErrors = errors;
            await LoadAsync(ct, fillForm: false);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var command = new ChangeSeasonCalendar(at["eras_opens_at"], at["submission_opens_at"], at["program_review_starts_at"], at["ranking_opens_at"],
            at["rank_order_list_deadline"], at["match_week_starts_at"], at["match_day_at"]);
        var answer = await command.ApplyAsync(SeasonShown, session, organizations, User.UserId(), clock.GetUtcNow(), ct);
        if (answer.Value is null)
        {
            CalendarErrors = answer.Errors(Milestones.Select(m => m.Field).Append("season"));
            await LoadAsync(ct, fillForm: false);
            Response.StatusCode = answer.Status;
            return Page();
        }
        Done = $"The {SeasonShown} season calendar is saved; nudges follow the new dates.";
        await LoadAsync(ct, fillForm: true);
        return Page();
    }

    public async Task<IActionResult> OnPostFeedAsync(CancellationToken ct)
    {
        await using var session = store.LightweightSession(User.Tenant());
        NewFeed = await CalendarFeedLinks.CreateForAgencyAsync(session, User.UserId(), options, clock.GetUtcNow(), ct);
        await LoadAsync(ct, fillForm: true);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeFeedAsync(CancellationToken ct)
    {
        await using var session = store.LightweightSession(User.Tenant());
        await CalendarFeedLinks.RevokeForAgencyAsync(session, ct);
        Done = "The calendar feed link is revoked; calendars subscribed to it stop updating.";
        await LoadAsync(ct, fillForm: true);
        return Page();
    }

    public string Local(DateTimeOffset at) => OrgTime.FormatLong(at, TimeZone);

    /// <summary>"9:00 AM" in the agency's zone.</summary>
    public string Time(DateTimeOffset at) => OrgTime.ToOrgLocal(at, TimeZone).ToString("h:mm tt", CultureInfo.GetCultureInfo("en-US"));

    /// <summary>The preview by day in the agency's zone, then by kind (reapplication first) and season, each in due order.</summary>
    public IReadOnlyList<PreviewDay> Days => Preview is not { } preview ? [] : preview.Nudges
        .GroupBy(n => DateOnly.FromDateTime(OrgTime.ToOrgLocal(n.DueUtc, TimeZone).DateTime))
        .OrderBy(day => day.Key)
        .Select(day => new PreviewDay(day.Key, day
            .GroupBy(n => (n.Kind, n.Season))
            .OrderBy(g => g.Key.Kind == "reapplication" ? 0 : 1).ThenBy(g => g.Key.Season)
            .Select(g => new PreviewGroup(g.Key.Kind, g.Key.Season, g.OrderBy(n => n.DueUtc).ThenBy(n => n.Name, StringComparer.CurrentCulture).ToList()))
            .ToList()))
        .ToList();

    private async Task<string> ZoneAsync(CancellationToken ct) =>
        await organizations.GetAsync(User.Tenant(), ct) is { } org && OrgTime.IsKnownZone(org.TimeZone) ? org.TimeZone : SeasonCalendarRules.EasternTimeZoneId;

    private async Task LoadAsync(CancellationToken ct, bool fillForm)
    {
        TimeZone = await ZoneAsync(ct);
        await using var session = store.QuerySession(User.Tenant());

        var calendar = await SeasonCalendarAnswer.ReadAsync(SeasonShown, session, organizations, ct);
        Calendar = calendar.Value;
        if (calendar.Value is null)
        {
            SeasonErrors = calendar.Errors(["season"]);
            Response.StatusCode = calendar.Status;
        }
        Form = Milestones.Select(m => new MilestoneField(m.Field, m.Label,
            fillForm && Calendar is { } c ? OrgTime.ToOrgLocal(c.Calendar.At(m.Milestone), TimeZone).ToString(LocalFormat, CultureInfo.InvariantCulture)
            : Request.HasFormContentType ? Request.Form[m.Field].ToString() : null)).ToList();

        var preview = await NudgePreviewAnswer.ReadAsync(Blank(From), Blank(To), session, organizations, clock.GetUtcNow(), ct);
        Preview = preview.Value;
        if (preview.Value is null)
        {
            PreviewErrors = preview.Errors(["from", "to"]);
            Response.StatusCode = preview.Status;
        }
        else if (Preview is { } p)
        {
            From ??= OrgTime.ToOrgLocal(p.From, TimeZone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            To ??= OrgTime.ToOrgLocal(p.To, TimeZone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        Feed = await session.Query<CalendarFeedSubscription>().FirstOrDefaultAsync(s => s.Owner == CalendarFeedSubscription.AgencyOwner, ct);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
