using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartPick.Contracts;
using SmartPick.Web.Auth;
using SmartPick.Web.Identity;
using SmartPick.Web.Organizations;
using SmartPick.Web.Pages.Org;
using SmartPick.Web.Pages.Shared;

namespace SmartPick.Web.Pages.Platform;

/// <summary>
/// The platform operator's page: every organization, a form to create one, and beside each organization a form
/// to invite its first administrator, through the same functions as <c>/api/platform/organizations</c>. It shows
/// no candidate data.
/// </summary>
[Authorize(Policy = SmartPickPolicies.PlatformAdmin)]
public sealed class IndexModel(OrganizationAdmin admin, InvitationDesk desk) : PageModel
{
    public static readonly string[] FormFields = ["slug", "name", "time_zone"];
    public static readonly string[] InviteFields = ["email"];

    [BindProperty(Name = "slug")] public string? Slug { get; set; }
    [BindProperty(Name = "name")] public string? Name { get; set; }
    [BindProperty(Name = "time_zone")] public string? TimeZone { get; set; } = "America/New_York";

    /// <summary>The email typed into an organization's "first administrator" form.</summary>
    [BindProperty(Name = "email")] public string? InviteEmail { get; set; }

    public IReadOnlyList<OrganizationView> Organizations { get; private set; } = [];

    /// <summary>The organization whose invitation form was just posted: its answer (link or errors) shows beside it.</summary>
    public string? InvitedInto { get; private set; }

    /// <summary>The link of the invitation just created: shown this once, never stored.</summary>
    public InvitationCreated? Invited { get; private set; }

    public FormErrors InviteErrors { get; private set; } = new();
    public OrganizationView? Created { get; private set; }
    public FormErrors Errors { get; private set; } = new();

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var answer = await admin.CreateAsync(new CreateOrganization(Slug?.Trim(), Name, TimeZone?.Trim()));
        if (answer is OrgOutcome<OrganizationView>.Done done)
        {
            Created = done.Value;
            Slug = Name = null;
        }
        else
        {
            Errors = OrgOutcomeForms.ErrorsOf(answer, FormFields);
            Response.StatusCode = answer.Status;
        }
        await LoadAsync();
        return Page();
    }

    /// <summary>Invites an administrator into <paramref name="organization"/> (its slug), as <c>POST /api/platform/organizations/{slug}/invitations</c>.</summary>
    public async Task<IActionResult> OnPostInviteAsync(string? organization)
    {
        var answer = await desk.InviteFirstAdminAsync(organization ?? "", new InviteOrganizationAdmin(InviteEmail?.Trim()), User.Actor());
        if (answer is OrgOutcome<InvitationCreated>.NotFound) return NotFound();
        InvitedInto = organization;
        if (answer is OrgOutcome<InvitationCreated>.Done done)
        {
            Invited = done.Value;
            InviteEmail = null;
        }
        else
        {
            InviteErrors = OrgOutcomeForms.ErrorsOf(answer, InviteFields);
            Response.StatusCode = answer.Status;
        }
        await LoadAsync();
        return Page();
    }

    /// <summary>The answer for <paramref name="slug"/>'s form, or none when another form was posted.</summary>
    public bool Answers(string slug) => string.Equals(InvitedInto, slug, StringComparison.Ordinal);

    private async Task LoadAsync() => Organizations = await admin.AllAsync();
}
