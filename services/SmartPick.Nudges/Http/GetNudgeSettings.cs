using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using SmartPick.Contracts;
using SmartPick.Nudges.Store;
using Wolverine.Http;

namespace SmartPick.Nudges.Http;

/// <summary>The organization's nudge schedule: offsets in days before each milestone, the local send time and the lookback.</summary>
public static class GetNudgeSettingsEndpoint
{
    [EndpointSummary("The organization's reminder schedule")]
    [WolverineGet("/api/org/nudges/settings")]
    [Authorize(Policy = SmartPickPolicies.OrgAdmin)]
    public static async Task<IResult> Get(IQuerySession session, IOrganizationSettings organizations, CancellationToken ct)
        => (await NudgeSettingsAnswer.ReadAsync(session, organizations, ct)).ToHttp();
}

/// <summary>
/// The schedule as shown: offsets in days, the send time as "HH:mm" in each recipient's zone, the lookback
/// in hours (null = until the milestone), and the organization's zone (for candidates without their own).
/// </summary>
public sealed record NudgeSettingsAnswer(
    IReadOnlyList<int> ReapplicationOffsetDays,
    IReadOnlyList<int> RankListOffsetDays,
    string SendAtLocalTime,
    int? SweepLookbackHours,
    string TimeZone)
{
    /// <summary>The schedule of the session's organization (the defaults until an admin changes it).</summary>
    public static async Task<NudgesAnswer<NudgeSettingsAnswer>> ReadAsync(IQuerySession session, IOrganizationSettings organizations, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(organizations);
        if (await organizations.GetAsync(session.TenantId, ct) is not { } org)
        {
            return NudgesAnswer<NudgeSettingsAnswer>.NotFound;
        }

        var stored = await session.LoadAsync<OrganizationNudgeSettings>(OrganizationNudgeSettings.SingletonId, ct) ?? new OrganizationNudgeSettings();
        return For(stored, NudgesHttp.ZoneOrEastern(org.TimeZone));
    }

    public static NudgeSettingsAnswer For(OrganizationNudgeSettings s, string timeZone) => new(
        s.ReapplicationOffsetDays,
        s.RankListOffsetDays,
        s.SendAtLocalTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        s.SweepLookback is { } l ? (int)l.TotalHours : null,
        timeZone);
}
