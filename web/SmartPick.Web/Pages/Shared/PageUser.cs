using System.Security.Claims;
using SmartPick.Contracts;

namespace SmartPick.Web.Pages.Shared;

/// <summary>What pages need to know about the signed-in user; the tenant comes only from the claim.</summary>
public static class PageUser
{
    public static string? OrganizationId(this ClaimsPrincipal user) => user.FindFirstValue(SmartPickClaims.OrganizationId);

    /// <summary>The tenant of a page that requires one (its policy guarantees the claim).</summary>
    public static string Tenant(this ClaimsPrincipal user) =>
        user.OrganizationId() ?? throw new InvalidOperationException("The page requires an organization claim.");

    public static Guid? CandidateFile(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(SmartPickClaims.CandidateId), out var id) ? id : null;

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(SmartPickClaims.DisplayName) ?? user.Identity?.Name ?? "";

    public static bool IsStaff(this ClaimsPrincipal user) =>
        user.OrganizationId() is not null && (user.IsInRole(SmartPickRoles.OrgAdmin) || user.IsInRole(SmartPickRoles.Advisor));

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
