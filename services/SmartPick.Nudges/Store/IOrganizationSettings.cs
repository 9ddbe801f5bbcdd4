namespace SmartPick.Nudges.Store;

/// <summary>What the nudges module needs to know about an organization (kept by the host's identity store).</summary>
/// <param name="Id">The organization's slug, which is its tenant id.</param>
/// <param name="Name">Shown in emails and feeds.</param>
/// <param name="TimeZone">IANA zone in which the organization's people see dates.</param>
/// <param name="SenderName">Display name of nudge emails; the organization name when blank.</param>
/// <param name="SenderEmail">From address of nudge emails; the configured <c>Smtp:FromAddress</c> when blank.</param>
public sealed record OrgSettings(string Id, string Name, string TimeZone, string? SenderName, string? SenderEmail);

/// <summary>
/// The organizations the nudges module serves. Implemented by the host, which owns organizations; the
/// module cannot reference the host.
/// </summary>
public interface IOrganizationSettings
{
    Task<OrgSettings?> GetAsync(string orgId, CancellationToken ct);

    Task<IReadOnlyList<string>> AllOrganizationIdsAsync(CancellationToken ct);
}
