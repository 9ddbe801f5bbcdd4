using System.Globalization;

namespace SmartPick.Nudges.Calendar;

/// <summary>
/// Conversions between stored UTC instants and an organization's (or candidate's) wall clock, by IANA
/// time zone id. Display only: decisions compare UTC instants.
/// </summary>
public static class OrgTime
{
    private static readonly CultureInfo Display = CultureInfo.GetCultureInfo("en-US");

    /// <summary>Finds a zone by IANA id; throws for an unknown id.</summary>
    public static TimeZoneInfo Zone(string ianaTimeZoneId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ianaTimeZoneId);
        return TimeZoneInfo.FindSystemTimeZoneById(ianaTimeZoneId);
    }

    /// <summary>True when the id names a zone this machine knows.</summary>
    public static bool IsKnownZone(string? ianaTimeZoneId) =>
        !string.IsNullOrWhiteSpace(ianaTimeZoneId) && TimeZoneInfo.TryFindSystemTimeZoneById(ianaTimeZoneId, out _);

    /// <summary>The instant as wall-clock time in the zone, with that zone's offset at that instant.</summary>
    public static DateTimeOffset ToOrgLocal(DateTimeOffset instant, string ianaTimeZoneId) =>
        TimeZoneInfo.ConvertTime(instant, Zone(ianaTimeZoneId));

    /// <summary>
    /// The UTC instant of a wall-clock time in a zone. A time skipped by a spring-forward switch moves
    /// forward by the gap; a repeated time in the autumn takes its first (daylight) occurrence.
    /// </summary>
    public static DateTimeOffset FromLocal(DateOnly date, TimeOnly time, string ianaTimeZoneId)
    {
        var zone = Zone(ianaTimeZoneId);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // Inside the spring-forward gap: the standard offset applied to the wall time lands just after the gap.
            return new DateTimeOffset(local - zone.BaseUtcOffset, TimeSpan.Zero);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local - offset, TimeSpan.Zero);
    }

    /// <summary>"Wednesday, March 4, 2026 at 9:00 PM (UTC-05:00, America/New_York)".</summary>
    public static string FormatLong(DateTimeOffset instant, string ianaTimeZoneId)
    {
        var local = ToOrgLocal(instant, ianaTimeZoneId);
        return string.Create(Display, $"{local:dddd, MMMM d, yyyy} at {local:h:mm tt} ({FormatOffset(local.Offset)}, {ianaTimeZoneId})");
    }

    /// <summary>"March 4, 2026".</summary>
    public static string FormatDate(DateTimeOffset instant, string ianaTimeZoneId) =>
        ToOrgLocal(instant, ianaTimeZoneId).ToString("MMMM d, yyyy", Display);

    private static string FormatOffset(TimeSpan offset)
    {
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var abs = offset.Duration();
        return string.Create(CultureInfo.InvariantCulture, $"UTC{sign}{abs.Hours:00}:{abs.Minutes:00}");
    }
}
