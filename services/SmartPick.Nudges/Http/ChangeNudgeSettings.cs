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
    int? SweepLookbackHours)
{
    /// <summary>Changes and saves the schedule of the session's organization; the schedule as now shown, or what is wrong.</summary>
    public async Task<NudgesAnswer<NudgeSettingsAnswer>> ApplyAsync(IDocumentSession session, IOrganizationSettings organizations,
        string changedBy, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(organizations);
        if (await organizations.GetAsync(session.TenantId, ct) is not { } org)
        {
            return NudgesAnswer<NudgeSettingsAnswer>.NotFound;
        }

        var zone = NudgesHttp.ZoneOrEastern(org.TimeZone);
        var settings = await session.LoadAsync<OrganizationNudgeSettings>(OrganizationNudgeSettings.SingletonId, ct) ?? new OrganizationNudgeSettings();
        if (SendAtLocalTime is { } sendAt)
        {
            if (!TimeOnly.TryParseExact(sendAt, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            {
                return FieldErrors.Of("send_at_local_time", "must be a time of day as HH:mm");
            }

            settings.SendAtLocalTime = time;
        }

        if (SweepLookbackHours is { } hours)
        {
            if (hours is < 0 or > 24 * 366)
            {
                return FieldErrors.Of("sweep_lookback_hours", "must be between 0 and 8784");
            }

            settings.SweepLookback = TimeSpan.FromHours(hours);
        }

        settings.ReapplicationOffsetDays = ReapplicationOffsetDays?.ToList() ?? settings.ReapplicationOffsetDays;
        settings.RankListOffsetDays = RankListOffsetDays?.ToList() ?? settings.RankListOffsetDays;
        if (NudgeSettingsValidator.Validate(settings.ToRules(zone)) is { Any: true } invalid)
        {
            return OnThisRequest(invalid);
        }

        settings.UpdatedAt = now;
        settings.UpdatedBy = changedBy;
        session.Store(settings);
        await session.SaveChangesAsync(ct);
        return NudgeSettingsAnswer.For(settings, zone);
    }

    /// <summary>The schedule's errors named by this request's fields (the lookback is given in hours; the zone is the organization's).</summary>
    private static FieldErrors OnThisRequest(FieldErrors errors)
    {
        var named = new FieldErrors();
        foreach (var (field, messages) in errors.Fields)
        {
            var name = field switch
            {
                "reapplication_offset_days" or "rank_list_offset_days" => field,
                "sweep_lookback" => "sweep_lookback_hours",
                _ => "settings",
            };
            foreach (var message in messages) named.Add(name, message);
        }

        return named;
    }
}

public static class ChangeNudgeSettingsEndpoint
{
    [EndpointSummary("Change the organization's reminder schedule")]
    [WolverinePut("/api/org/nudges/settings")]
    [Authorize(Policy = SmartPickPolicies.OrgAdmin)]
    public static async Task<IResult> Put(ChangeNudgeSettings command, ClaimsPrincipal user, IDocumentSession session,
        IOrganizationSettings organizations, TimeProvider clock, CancellationToken ct)
        => (await command.ApplyAsync(session, organizations, user.UserId(), clock.GetUtcNow(), ct)).ToHttp();
}
