using System.Security.Claims;
using SmartPick.Contracts;

namespace SmartPick.Web.Pages.Shared;

/// <summary>How pages present the signed-in user (read with <see cref="SignedInUser"/>): the role label and where they start.</summary>
public static class PageUser
{
    /// <summary>The one role shown in the header, the most capable first.</summary>
    public static string? RoleLabel(this ClaimsPrincipal user) =>
        user.IsInRole(SmartPickRoles.PlatformAdmin) ? "Platform admin"
        : user.IsInRole(SmartPickRoles.OrgAdmin) ? "Agency admin"
        : user.IsInRole(SmartPickRoles.Advisor) ? "Advisor"
        : user.IsInRole(SmartPickRoles.Candidate) ? "Candidate"
        : null;

    /// <summary>Where a user starts after signing in.</summary>
    public static string HomeOf(this ClaimsPrincipal user) =>
        user.IsStaff() ? "/cohort"
        : user.IsInRole(SmartPickRoles.Candidate) ? "/me"
        : user.IsInRole(SmartPickRoles.PlatformAdmin) ? "/platform"
        : "/";
}
