using System.Globalization;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MimeKit;
using SmartPick.Contracts;
using SmartPick.Nudges.Calendar;
using SmartPick.Nudges.Email;
using SmartPick.Nudges.Rules;
using SmartPick.Nudges.Store;
using SmartPick.Nudges.Sweeps;
using SmartPick.Web.Identity;

namespace SmartPick.Web.Pages.Org;

/// <summary>What became of a test nudge: it left, or not and why.</summary>
public sealed record TestMailResult(bool Sent, string Text);

/// <summary>
/// One planned nudge as the email the candidate would get (From, To, Subject, the text part, and the HTML part in a
/// sandboxed frame served with its own restrictive policy), and a button that sends the same message to the signed-in
/// admin through the organization's mail route. Nothing is recorded, so the sweep still sends the candidate's own.
/// The nudge is named by candidate, kind, season and step; one the organization's rules do not plan is a 404.
/// </summary>
[Authorize(Policy = SmartPickPolicies.OrgAdmin)]
public sealed class NudgeModel(IDocumentStore store, IOrganizationSettings organizations, INudgeMailerFactory mailers, NudgeOptions options,
    UserManager<AppUser> users, TestMailLimiter limiter, TimeProvider clock) : PageModel
{
    /// <summary>What the email frame may do: show its own markup and inline styles, load nothing, run nothing, be framed only here.</summary>
    public const string EmailContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'; sandbox";

    [BindProperty(SupportsGet = true)] public Guid Candidate { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public int Season { get; set; }
    [BindProperty(SupportsGet = true)] public int Offset { get; set; }

    public Nudge? Planned { get; private set; }
    public MimeMessage? Message { get; private set; }
    /// <summary>Why the message cannot be composed (a stored address that is not a bare address), when it cannot.</summary>
    public string? Problem { get; private set; }
    public TestMailResult? Test { get; private set; }
    public string TimeZone { get; private set; } = SeasonCalendarRules.EasternTimeZoneId;

    private OrgSettings? _org;
    private NudgeMailRoute? _route;

    /// <summary>The address of this page for one preview line (the query string carries what names the nudge).</summary>
    public static string For(NudgePreviewLine line, string? handler = null)
    {
        ArgumentNullException.ThrowIfNull(line);
        return string.Create(CultureInfo.InvariantCulture,
            $"/org/calendar/nudge?{(handler is null ? "" : $"handler={handler}&")}candidate={line.CandidateId}&kind={line.Kind}&season={line.Season}&offset={line.OffsetDays}");
    }

    public string Self(string? handler = null) => string.Create(CultureInfo.InvariantCulture,
        $"/org/calendar/nudge?{(handler is null ? "" : $"handler={handler}&")}candidate={Candidate}&kind={Kind}&season={Season}&offset={Offset}");

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    /// <summary>The HTML part alone, for the sandboxed frame of the page.</summary>
    public async Task<IActionResult> OnGetHtmlAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || Message?.HtmlBody is not { } html)
        {
            return NotFound();
        }

        var headers = Response.Headers;
        headers.ContentSecurityPolicy = EmailContentSecurityPolicy;
        headers.XFrameOptions = "SAMEORIGIN";
        headers.CacheControl = "no-store";
        return Content(html, "text/html; charset=utf-8");
    }

    public async Task<IActionResult> OnPostTestAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Test = await SendTestAsync(ct);
        return Page();
    }

    public string Local(DateTimeOffset at) => OrgTime.FormatLong(at, TimeZone);

    public static string Addresses(InternetAddressList list) =>
        string.Join(", ", list.Mailboxes.Select(m => string.IsNullOrEmpty(m.Name) ? m.Address : $"{m.Name} <{m.Address}>"));

    private async Task<TestMailResult> SendTestAsync(CancellationToken ct)
    {
        if (Planned is null || _org is null || _route is null || Problem is not null)
        {
            return new TestMailResult(false, $"No test was sent: {Problem ?? "the message cannot be composed"}.");
        }

        if (!limiter.TryAcquire(User.UserId()))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return new TestMailResult(false, $"No test was sent: at most {TestMailLimiter.PerMinute} test emails a minute. Try again in a minute.");
        }

        if (await users.FindByIdAsync(User.UserId()) is not { Email: { Length: > 0 } email } admin)
        {
            return new TestMailResult(false, "No test was sent: your account has no email address.");
        }

        MimeMessage message;
        try
        {
            message = NudgeMessagePreview.TestCopy(Planned, _route.SenderFor(_org, options.PublicBaseUrl), admin.DisplayName, email, clock.GetUtcNow());
        }
        catch (ArgumentException e)
        {
            return new TestMailResult(false, $"No test was sent: {e.Message}");
        }

        return await _route.Mailer.SendAsync(message, ct) switch
        {
            DeliveryOutcome.Sent => new TestMailResult(true, $"A test copy left for {email}. The candidate's own email is still planned."),
            DeliveryOutcome.TemporaryFailure t => new TestMailResult(false, $"The test did not leave: {t.Reason} (the mail server may accept it later; try again)."),
            DeliveryOutcome.PermanentFailure p => new TestMailResult(false, $"The test did not leave: {p.Reason}"),
            _ => new TestMailResult(false, "The test did not leave."),
        };
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var tenant = User.Tenant();
        var text = string.Create(CultureInfo.InvariantCulture, $"nudge:{tenant}:{Candidate:N}:{Kind?.Replace('_', '-')}:{Season}:{Offset}d");
        if (!NudgeKey.TryParse(text, out var key) || await organizations.GetAsync(tenant, ct) is not { } org)
        {
            return false;
        }

        _org = org;
        TimeZone = OrgTime.IsKnownZone(org.TimeZone) ? org.TimeZone : SeasonCalendarRules.EasternTimeZoneId;
        await using var session = store.QuerySession(tenant);
        Planned = await NudgeMessagePreview.FindAsync(session, org, key, ct);
        if (Planned is null)
        {
            return false;
        }

        _route = await mailers.ForAsync(session, ct);
        try
        {
            Message = NudgeMessagePreview.Compose(Planned, _route.SenderFor(org, options.PublicBaseUrl), clock.GetUtcNow());
        }
        catch (ArgumentException e)
        {
            Problem = e.Message;
        }

        return true;
    }
}
