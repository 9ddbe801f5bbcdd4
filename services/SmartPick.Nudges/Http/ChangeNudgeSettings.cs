using System.Globalization;
using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using SmartPick.Contracts;
using SmartPick.Nudges.Rules;
using SmartPick.Nudges.Store;
using Wolverine.Http;

namespace SmartPick.Nudges.Http;

/// <summary>The org admin changes the nudge schedule; a field left out keeps its current value.</summary>
public sealed record ChangeNudgeSettings(
    IReadOnlyList<int>? ReapplicationOffsetDays,
    IReadOnlyList<int>? RankListOffsetDays,
    string? SendAtLocalTime,
    int? SweepLookbackHours);

public static class ChangeNudgeSettingsEndpoint
{
    private static readonly NudgeSettingsValidator Validator = new();

    [WolverinePut("/api/org/nudges/settings")]
    [Authorize(Policy = SmartPickPolicies.OrgAdmin)]
    public static async Task<IResult> Put(ChangeNudgeSettings command, ClaimsPrincipal user, IDocumentSession session,
        IOrganizationSettings organizations, TimeProvider clock, CancellationToken ct)
    {
        if (await organizations.GetAsync(session.TenantId, ct) is not { } org)
        {
            return NudgesHttp.NotFound();
        }

        var zone = NudgesHttp.ZoneOrEastern(org.TimeZone);
        var settings = await session.LoadAsync<OrganizationNudgeSettings>(OrganizationNudgeSettings.SingletonId, ct) ?? new OrganizationNudgeSettings();
        if (command.SendAtLocalTime is { } sendAt)
        {
            if (!TimeOnly.TryParseExact(sendAt, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            {
                return NudgesHttp.Invalid("send_at_local_time", "must be a time of day as HH:mm");
            }

            settings.SendAtLocalTime = time;
        }

        if (command.SweepLookbackHours is { } hours)
        {
            if (hours is < 0 or > 24 * 366)
            {
                return NudgesHttp.Invalid("sweep_lookback_hours", "must be between 0 and 8784");
            }

            settings.SweepLookback = TimeSpan.FromHours(hours);
        }

        settings.ReapplicationOffsetDays = command.ReapplicationOffsetDays?.ToList() ?? settings.ReapplicationOffsetDays;
        settings.RankListOffsetDays = command.RankListOffsetDays?.ToList() ?? settings.RankListOffsetDays;
        var result = await Validator.ValidateAsync(settings.ToRules(zone), ct);
        if (!result.IsValid)
        {
            return NudgesHttp.Invalid(result.Errors
                .GroupBy(e => e.PropertyName switch
                {
                    nameof(NudgeSettings.ReapplicationOffsetDays) => "reapplication_offset_days",
                    nameof(NudgeSettings.RankListOffsetDays) => "rank_list_offset_days",
                    nameof(NudgeSettings.SweepLookback) => "sweep_lookback_hours",
                    _ => "settings",
                })
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray()));
        }

        settings.UpdatedAt = clock.GetUtcNow();
        settings.UpdatedBy = NudgesHttp.UserIdOf(user);
        session.Store(settings);
        await session.SaveChangesAsync(ct);
        return Results.Json(NudgeSettingsAnswer.For(settings, zone));
    }
}
