using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SmartPick.Contracts;
using SmartPick.Web.Identity;

namespace SmartPick.Web.Organizations;

/// <summary>Whom a platform admin invites as an organization's administrator.</summary>
public sealed record InviteOrganizationAdmin(string? Email);

/// <summary>
/// A new organization has no members, and a platform admin belongs to no organization, so the agency's own
/// invitation endpoint cannot reach it. A platform admin therefore invites an organization's administrator
/// (typically its first) by slug; the invitation is made by <see cref="Invitations.CreateInAsync"/>, exactly as
/// an org admin's would be, and is always for the org admin role.
/// </summary>
public static class FirstAdminInvitations
{
    /// <summary>Where the platform route lives, below <c>/api/platform/organizations</c>.</summary>
    public const string Route = "/{slug}/invitations";

    /// <summary>Creates an org admin invitation into the organization <paramref name="slug"/>; the API and the platform page both create through here.</summary>
    public static async Task<IResult> Create(string slug, InviteOrganizationAdmin? request, ClaimsPrincipal user, IdentityDb db,
        UserManager<AppUser> users, Marten.IDocumentStore store, AuthThrottle throttle, TimeProvider clock, HttpContext http)
    {
        if (!await db.Organizations.AsNoTracking().AnyAsync(o => o.Id == slug)) return StateProblems.NotFound("Organization");
        return await Invitations.CreateInAsync(slug, new CreateInvitation(request?.Email, SmartPickRoles.OrgAdmin, CandidateId: null), user,
            $"/api/platform/organizations/{slug}/invitations", db, users, store, throttle, clock, http);
    }
}
