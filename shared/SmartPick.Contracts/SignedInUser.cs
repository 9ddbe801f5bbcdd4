using System.Security.Claims;

namespace SmartPick.Contracts;

/// <summary>
/// The one reader of the signed-in user: who they are, their organization (the tenant comes only from this claim)
/// and, for a candidate user, the one file they are bound to. Endpoints, handlers and pages all read it here.
/// </summary>
public static class SignedInUser
{
    public static string UserId(this ClaimsPrincipal user)
        => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.FindFirstValue("sub") ?? user.Identity?.Name ?? "unknown";

    public static string DisplayName(this ClaimsPrincipal user)
        => user.FindFirstValue(SmartPickClaims.DisplayName) ?? user.FindFirstValue(ClaimTypes.Name) ?? user.Identity?.Name ?? "";

    /// <summary>Who is recording a fact.</summary>
    public static RecordedBy Actor(this ClaimsPrincipal user)
        => new(user.UserId(), user.DisplayName() is { Length: > 0 } name ? name : user.UserId());

    public static string? OrganizationId(this ClaimsPrincipal user) => user.FindFirstValue(SmartPickClaims.OrganizationId);

    /// <summary>The tenant of a request that requires one (its policy guarantees the claim).</summary>
    public static string Tenant(this ClaimsPrincipal user)
        => user.OrganizationId() ?? throw new InvalidOperationException("The request requires an organization claim.");

    /// <summary>The file a candidate user is bound to; only the claim counts, never the request.</summary>
    public static Guid? CandidateFile(this ClaimsPrincipal user)
        => Guid.TryParse(user.FindFirstValue(SmartPickClaims.CandidateId), out var id) ? id : null;

    public static bool IsStaff(this ClaimsPrincipal user)
        => user.OrganizationId() is not null && (user.IsInRole(SmartPickRoles.OrgAdmin) || user.IsInRole(SmartPickRoles.Advisor));
}

/// <summary>The person (or the system) who recorded a fact: the user id and the name shown to people.</summary>
public sealed record RecordedBy(string UserId, string Name)
{
    /// <summary>Facts the product records on its own (list regeneration, a new organization's demo catalog).</summary>
    public static readonly RecordedBy System = new("system", "SmartPick");
}
