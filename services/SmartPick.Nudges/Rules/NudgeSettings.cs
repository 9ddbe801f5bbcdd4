using SmartPick.Contracts;
using SmartPick.Nudges.Calendar;

namespace SmartPick.Nudges.Rules;

/// <summary>
/// An organization's nudge schedule. Offsets are whole days before the milestone, counted on the
/// recipient's calendar; each step is due at <see cref="SendAtLocalTime"/> on that day in the recipient's
/// zone, so nobody is emailed in the middle of their night.
/// </summary>
public sealed record NudgeSettings
{
    /// <summary>Days before ERAS opens (default 12, 4 and 1 week).</summary>
    public IReadOnlyList<int> ReapplicationOffsetDays { get; init; } = [84, 28, 7];

    /// <summary>Days before the rank order list deadline (default 14, 7 and 2 days).</summary>
    public IReadOnlyList<int> RankListOffsetDays { get; init; } = [14, 7, 2];

    /// <summary>Local time of day at which a step becomes due.</summary>
    public TimeOnly SendAtLocalTime { get; init; } = new(9, 0);

    /// <summary>IANA zone of the organization; used for candidates without a (known) zone of their own.</summary>
    public string OrganizationTimeZone { get; init; } = SeasonCalendarRules.EasternTimeZoneId;

    /// <summary>
    /// How long after its due time a step may still be sent by a sweep. Null: until the milestone passes.
    /// Either way, only the latest due step of a series is sent (see <see cref="NudgeRules.DueAt"/>).
    /// </summary>
    public TimeSpan? SweepLookback { get; init; }

    public static NudgeSettings Default { get; } = new();
}

/// <summary>
/// Offsets positive and distinct, a known organization zone, a non-negative lookback; errors are keyed by the
/// schedule's snake_case names (<c>reapplication_offset_days</c>, <c>rank_list_offset_days</c>,
/// <c>organization_time_zone</c>, <c>sweep_lookback</c>).
/// </summary>
internal static class NudgeSettingsValidator
{
    public const string OffsetsMessage = "Offsets are distinct whole days between 1 and 366.";

    public static FieldErrors Validate(NudgeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new FieldErrors()
            .Check(BeDistinctPositive(settings.ReapplicationOffsetDays), "reapplication_offset_days", OffsetsMessage)
            .Check(BeDistinctPositive(settings.RankListOffsetDays), "rank_list_offset_days", OffsetsMessage)
            .Check(OrgTime.IsKnownZone(settings.OrganizationTimeZone), "organization_time_zone", "Unknown time zone; use an IANA id such as America/New_York.")
            .Check(settings.SweepLookback is null || settings.SweepLookback >= TimeSpan.Zero, "sweep_lookback", "The lookback cannot be negative.");
    }

    private static bool BeDistinctPositive(IReadOnlyList<int> offsets) =>
        offsets is not null && offsets.All(d => d is >= 1 and <= 366) && offsets.Distinct().Count() == offsets.Count;
}
