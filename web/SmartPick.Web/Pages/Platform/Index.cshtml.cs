using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartPick.Contracts;
using SmartPick.Web.Identity;
using SmartPick.Web.Organizations;
using SmartPick.Web.Pages.Org;
using SmartPick.Web.Pages.Shared;

namespace SmartPick.Web.Pages.Platform;

/// <summary>
/// The platform operator's page: every organization and a form to create one, through the same functions as
/// <c>/api/platform/organizations</c>. It shows no candidate data.
/// </summary>
[Authorize(Policy = SmartPickPolicies.PlatformAdmin)]
public sealed class IndexModel(IdentityDb db, OrganizationProvisioner provisioner) : PageModel
{
    public static readonly string[] FormFields = ["slug", "name", "time_zone"];

    [BindProperty(Name = "slug")] public string? Slug { get; set; }
    [BindProperty(Name = "name")] public string? Name { get; set; }
    [BindProperty(Name = "time_zone")] public string? TimeZone { get; set; } = "America/New_York";

    public IReadOnlyList<OrganizationView> Organizations { get; private set; } = [];
    public OrganizationView? Created { get; private set; }
    public FormErrors Errors { get; private set; } = new();

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var answer = EndpointAnswer.Of(await OrganizationEndpoints.Create(
            new CreateOrganization(Slug?.Trim(), Name, TimeZone?.Trim()), provisioner));
        if (answer.Succeeded)
        {
            Created = answer.ValueAs<OrganizationView>();
            Slug = Name = null;
        }
        else
        {
            Errors = answer.Errors(FormFields);
            Response.StatusCode = answer.Status;
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync() =>
        Organizations = EndpointAnswer.Of(await OrganizationEndpoints.All(db)).ValueAs<IReadOnlyList<OrganizationView>>() ?? [];
}
