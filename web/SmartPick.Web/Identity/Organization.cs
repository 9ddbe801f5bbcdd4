namespace SmartPick.Web.Identity;

/// <summary>
/// An advising agency: one tenant. Its <see cref="Id"/> is its slug, immutable once created, and is the
/// tenant id of every event and document it owns.
/// </summary>
public sealed class Organization
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    /// <summary>IANA time zone id used to show dates to the organization's people.</summary>
    public required string TimeZone { get; set; }
    public string? SenderName { get; set; }
    public string? SenderEmail { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// An invitation sent by an org admin. Only a SHA-256 hash of the token is stored; the token itself is
/// shown once. Single use: accepting sets <see cref="AcceptedAt"/> in the same transaction that creates
/// the user, guarded by a conditional update.
/// </summary>
public sealed class Invitation
{
    public Guid Id { get; set; }
    public required string OrganizationId { get; set; }
    public required string Email { get; set; }
    public required string Role { get; set; }
    public Guid? CandidateId { get; set; }
    public required string TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
