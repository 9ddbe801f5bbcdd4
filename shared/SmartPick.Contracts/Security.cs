namespace SmartPick.Contracts;

/// <summary>Claims the host puts on every signed-in user; the tenant comes only from <see cref="OrganizationId"/>.</summary>
public static class SmartPickClaims
{
    /// <summary>The organization (tenant) id, the Marten tenant id; absent for platform admins outside a tenant.</summary>
    public const string OrganizationId = "org_id";
    /// <summary>For a candidate user: the id of the one candidate file they are bound to.</summary>
    public const string CandidateId = "candidate_id";
    public const string DisplayName = "display_name";
}

public static class SmartPickRoles
{
    public const string PlatformAdmin = "platform_admin";
    public const string OrgAdmin = "org_admin";
    public const string Advisor = "advisor";
    public const string Candidate = "candidate";

    /// <summary>Every role, in the order they are created.</summary>
    public static readonly IReadOnlyList<string> All = [PlatformAdmin, OrgAdmin, Advisor, Candidate];
}

/// <summary>Authorization policy names, registered by the host.</summary>
public static class SmartPickPolicies
{
    /// <summary>Org admins and advisors of the signed-in user's organization.</summary>
    public const string Staff = "staff";
    public const string OrgAdmin = "org_admin";
    /// <summary>A candidate user bound to a file.</summary>
    public const string Candidate = "candidate";
    public const string PlatformAdmin = "platform_admin";
    /// <summary>Any signed-in member of an organization (staff or candidate).</summary>
    public const string Member = "member";
}
