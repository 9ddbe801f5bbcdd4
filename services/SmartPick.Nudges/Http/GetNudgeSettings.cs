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
    [WolverineGet("/api/org/nudges/settings")]
    [Authorize(Policy = SmartPickPolicies.OrgAdmin)]
    public static async Task<IResult> Get(IQuerySession session, IOrganizationSettings organizations, CancellationToken ct)
    {
        if (await organizations.GetAsync(session.TenantId, ct) is not { } org)
        {
            return NudgesHttp.NotFound();
        }

        var stored = await session.LoadAsync<OrganizationNudgeSettings>(OrganizationNudgeSettings.SingletonId, ct) ?? new OrganizationNudgeSettings();
        return Results.Json(NudgeSettingsAnswer.For(stored, NudgesHttp.ZoneOrEastern(org.TimeZone)));
    }
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
    public static NudgeSettingsAnswer For(OrganizationNudgeSettings s, string timeZone) => new(
        s.ReapplicationOffsetDays,
        s.RankListOffsetDays,
        s.SendAtLocalTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        s.SweepLookback is { } l ? (int)l.TotalHours : null,
        timeZone);
}
