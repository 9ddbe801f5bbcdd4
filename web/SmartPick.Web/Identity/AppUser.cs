using Microsoft.AspNetCore.Identity;

namespace SmartPick.Web.Identity;

/// <summary>
/// A person who signs in. Staff and candidates belong to exactly one organization (the tenant);
/// a candidate user is bound to exactly one candidate file. Platform admins belong to none.
/// </summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    /// <summary>The organization slug, which is also the tenant id; null for platform admins.</summary>
    public string? OrganizationId { get; set; }
    /// <summary>For candidate users: the candidate file (event stream id) they may see.</summary>
    public Guid? CandidateId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
