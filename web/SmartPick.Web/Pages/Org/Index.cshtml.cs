using SmartPick.Advising.CandidateFiles;
using System.Globalization;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartPick.Advising.Views;
using SmartPick.Contracts;
using SmartPick.Nudges.Http;
using SmartPick.Nudges.Store;
using SmartPick.Web.Auth;
using SmartPick.Web.Identity;
using SmartPick.Web.Organizations;
using SmartPick.Web.Pages.Shared;

namespace SmartPick.Web.Pages.Org;

/// <summary>
/// The agency's own administration: its name, time zone and email sender, the nudge schedule, its members, and
/// invitations. Every read and write goes through the functions behind <c>/api/org/…</c>, in the signed-in
/// admin's organization only.
/// </summary>
[Authorize(Policy = SmartPickPolicies.OrgAdmin)]
public sealed class IndexModel(OrganizationAdmin admin, InvitationDesk desk, IDocumentStore store,
    IOrganizationSettings organizations, TimeProvider clock) : PageModel
{
    public static readonly string[] SettingsFields = ["name", "time_zone", "sender_name", "sender_email"];
    public static readonly string[] NudgeFields = ["reapplication_offset_days", "rank_list_offset_days", "send_at_local_time", "sweep_lookback_hours"];
    public static readonly string[] InviteFields = ["email", "role", "candidate_id"];

    public static readonly IReadOnlyList<Choice> Roles =
    [
        new(SmartPickRoles.Advisor, "Advisor"), new(SmartPickRoles.OrgAdmin, "Agency admin"), new(SmartPickRoles.Candidate, "Candidate"),
    ];

    [BindProperty(Name = "name")] public string? Name { get; set; }
    [BindProperty(Name = "time_zone")] public string? TimeZone { get; set; }
    [BindProperty(Name = "sender_name")] public string? SenderName { get; set; }
    [BindProperty(Name = "sender_email")] public string? SenderEmail { get; set; }

    [BindProperty(Name = "reapplication_offset_days")] public string? ReapplicationOffsets { get; set; }
    [BindProperty(Name = "rank_list_offset_days")] public string? RankListOffsets { get; set; }
    [BindProperty(Name = "send_at_local_time")] public string? SendAt { get; set; }
    [BindProperty(Name = "sweep_lookback_hours")] public string? LookbackHours { get; set; }

    [BindProperty(Name = "email")] public string? InviteEmail { get; set; }
    [BindProperty(Name = "role")] public string? InviteRole { get; set; }
    [BindProperty(Name = "candidate_id")] public string? InviteCandidate { get; set; }

    public OrganizationView Organization { get; private set; } = null!;
    public NudgeSettingsAnswer? Nudges { get; private set; }
    public IReadOnlyList<MemberView> Members { get; private set; } = [];
    public IReadOnlyList<InvitationSummary> Invitations { get; private set; } = [];
    public IReadOnlyList<Choice> CandidateFiles { get; private set; } = [];

    public FormErrors SettingsErrors { get; private set; } = new();
    public FormErrors NudgeErrors { get; private set; } = new();
    public FormErrors InviteErrors { get; private set; } = new();

    /// <summary>What was just done, for the status line.</summary>
    public string? Done { get; private set; }
    /// <summary>Why a member change was refused, in a sentence.</summary>
    public string? Refusal { get; private set; }
    /// <summary>The signed-in admin's own user id (their own row has no actions).</summary>
    public string Me => User.UserId();

    /// <summary>The link of the invitation just created: shown this once, never stored.</summary>
    public InvitationCreated? Created { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct, fillForms: true);
        return Page();
    }

    public async Task<IActionResult> OnPostSettingsAsync(CancellationToken ct)
    {
        // The form always sends every field, so an emptied sender email reaches the API as "" and clears it.
        var answer = await admin.UpdateSettingsAsync(User.Tenant(),
            new UpdateOrganizationSettings(Name ?? "", TimeZone?.Trim() ?? "", SenderName?.Trim() ?? "", SenderEmail?.Trim() ?? ""));
        if (answer is OrgOutcome<OrganizationView>.Done)
        {
            Done = "Agency settings saved.";
            await LoadAsync(ct, fillForms: true);
            return Page();
        }
        SettingsErrors = OrgOutcomeForms.ErrorsOf(answer, SettingsFields);
        await LoadAsync(ct, fillForms: false);
        return Refused(answer);
    }

    public async Task<IActionResult> OnPostNudgesAsync(CancellationToken ct)
    {
        var errors = new FormErrors();
        var reapplication = Offsets(errors, "reapplication_offset_days", ReapplicationOffsets, "Reapplication nudges");
        var rankList = Offsets(errors, "rank_list_offset_days", RankListOffsets, "Rank-list nudges");
        var lookback = FormParse.Int(errors, "sweep_lookback_hours", LookbackHours, "Catch-up window");
        if (errors.Any)
        {
            NudgeErrors = errors;
            await LoadAsync(ct, fillForms: false);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await using var session = store.LightweightSession(User.Tenant());
        var answer = await new ChangeNudgeSettings(reapplication, rankList, Blank(SendAt), lookback)
            .ApplyAsync(session, organizations, User.UserId(), clock.GetUtcNow(), ct);
        if (answer.Value is not null)
        {
            Done = "Nudge schedule saved.";
            await LoadAsync(ct, fillForms: true);
            return Page();
        }
        NudgeErrors = answer.Errors(NudgeFields);
        await LoadAsync(ct, fillForms: false);
        Response.StatusCode = answer.Status;
        return Page();
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        Guid? candidate = null;
        if (!string.IsNullOrWhiteSpace(InviteCandidate))
        {
            if (Guid.TryParse(InviteCandidate, out var id)) candidate = id;
            else InviteErrors.Add("candidate_id", "Choose a candidate file from the list.");
        }
        if (InviteErrors.Any)
        {
            await LoadAsync(ct, fillForms: true);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var request = new CreateInvitation(InviteEmail?.Trim(), Blank(InviteRole), InviteRole == SmartPickRoles.Candidate ? candidate : null);
        var answer = await desk.CreateAsync(User.Tenant(), request, User.Actor());
        if (answer is OrgOutcome<InvitationCreated>.Done done)
        {
            Created = done.Value;
            InviteEmail = null;
            await LoadAsync(ct, fillForms: true);
            return Page();
        }
        InviteErrors = OrgOutcomeForms.ErrorsOf(answer, InviteFields);
        await LoadAsync(ct, fillForms: true);
        return Refused(answer);
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        var answer = await desk.RevokeAsync(User.Tenant(), id);
        // Another organization's invitation, or one already used or revoked, is "not found" to this admin.
        if (answer is OrgOutcome<Guid>.NotFound) return NotFound();
        Done = "Invitation revoked: its link no longer works.";
        await LoadAsync(ct, fillForms: true);
        return Page();
    }

    /// <summary>Sends an open invitation again with a new link; the page shows the outcome as after creating one.</summary>
    public async Task<IActionResult> OnPostResendAsync(Guid id, CancellationToken ct)
    {
        var answer = await desk.ResendAsync(User.Tenant(), id, User.Actor());
        if (answer is OrgOutcome<InvitationCreated>.NotFound) return NotFound();
        if (answer is OrgOutcome<InvitationCreated>.Done done) Created = done.Value;
        await LoadAsync(ct, fillForms: true);
        return answer is OrgOutcome<InvitationCreated>.Done ? Page() : Refused(answer);
    }

    public async Task<IActionResult> OnPostRoleAsync(string id, string? role, CancellationToken ct)
    {
        var answer = await admin.ChangeRoleAsync(User.Tenant(), User.Actor(), id, new ChangeMemberRole(role));
        if (answer is OrgOutcome<MemberView>.NotFound) return NotFound();
        if (answer is OrgOutcome<MemberView>.Done done) Done = $"{done.Value.DisplayName} is now {(role == SmartPickRoles.OrgAdmin ? "an administrator" : "an advisor")}; the change applies from their next sign-in.";
        else Refusal = answer.Sentence ?? "The role could not be changed.";
        await LoadAsync(ct, fillForms: true);
        return answer is OrgOutcome<MemberView>.Done ? Page() : Refused(answer);
    }

    public async Task<IActionResult> OnPostRemoveAsync(string id, CancellationToken ct)
    {
        var answer = await admin.RemoveMemberAsync(User.Tenant(), User.Actor(), id);
        if (answer is OrgOutcome<string>.NotFound) return NotFound();
        if (answer is OrgOutcome<string>.Done) Done = "The member was removed: their account and sessions have ended.";
        else Refusal = answer.Sentence ?? "The member could not be removed.";
        await LoadAsync(ct, fillForms: true);
        return answer is OrgOutcome<string>.Done ? Page() : Refused(answer);
    }

    public static string RoleName(string role) => Roles.FirstOrDefault(r => r.Value == role)?.Text
        ?? (role == SmartPickRoles.PlatformAdmin ? "Platform admin" : role);

    public string Local(DateTimeOffset at) => SmartPick.Nudges.Calendar.OrgTime.IsKnownZone(Organization.TimeZone)
        ? SmartPick.Nudges.Calendar.OrgTime.FormatLong(at, Organization.TimeZone)
        : Display.Date(at);

    /// <summary>"25 Nov 2026, 12:04 PM" in the agency's zone, for table cells.</summary>
    public string Short(DateTimeOffset at) => SmartPick.Nudges.Calendar.OrgTime.IsKnownZone(Organization.TimeZone)
        ? SmartPick.Nudges.Calendar.OrgTime.ToOrgLocal(at, Organization.TimeZone).ToString("d MMM yyyy, h:mm tt", CultureInfo.GetCultureInfo("en-US"))
        : Display.Date(at);

    /// <summary>IANA zone ids this server knows, offered as suggestions for the time zone field.</summary>
    public static IEnumerable<string> KnownZones() => TimeZoneInfo.GetSystemTimeZones()
        .Select(z => z.Id).Where(id => id.Contains('/', StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    private IActionResult Refused<T>(OrgOutcome<T> answer)
    {
        Response.StatusCode = answer.Status;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct, bool fillForms)
    {
        Organization = await admin.CurrentAsync(User.Tenant());
        Members = await admin.MembersAsync(User.Tenant());
        Invitations = await desk.ListAsync(User.Tenant());
        await using var session = store.QuerySession(User.Tenant());
        Nudges = (await NudgeSettingsAnswer.ReadAsync(session, organizations, ct)).Value;
        var bound = Members.Where(m => m.CandidateId is not null).Select(m => m.CandidateId!.Value).ToHashSet();
        // Candidate invitations name a file that has no account yet.
        var files = await session.Query<CandidateProfileView>().OrderBy(p => p.Name).Take(1000).ToListAsync(ct);
        CandidateFiles = files.Where(f => !bound.Contains(f.Id)).Select(f => new Choice(f.Id.ToString(), $"{f.Name} ({f.Email})")).ToList();
        if (!fillForms) return;
        Name = Organization.Name;
        TimeZone = Organization.TimeZone;
        SenderName = Organization.SenderName;
        SenderEmail = Organization.SenderEmail;
        if (Nudges is { } n)
        {
            ReapplicationOffsets = string.Join(", ", n.ReapplicationOffsetDays);
            RankListOffsets = string.Join(", ", n.RankListOffsetDays);
            SendAt = n.SendAtLocalTime;
            LookbackHours = n.SweepLookbackHours?.ToString(CultureInfo.InvariantCulture);
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>"90, 60, 30" → [90, 60, 30]; the API's validator judges the values.</summary>
    private static List<int>? Offsets(FormErrors errors, string field, string? text, string label)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var values = new List<int>();
        foreach (var part in text.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var days))
            {
                errors.Add(field, $"{label}: write whole numbers of days separated by commas, such as 90, 60, 30.");
                return null;
            }
            values.Add(days);
        }
        return values;
    }
}
