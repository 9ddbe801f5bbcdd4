using SmartPick.Nudges.Calendar;
using SmartPick.Nudges.Rules;

namespace SmartPick.Nudges.Store;

/// <summary>
/// An organization's own dates for one season, stored when an org admin edits the calendar; seasons
/// without one use <see cref="SeasonCalendarRules"/>. Id = the season (Match year).
/// </summary>
public sealed class SeasonCalendarOverride
{
    public int Id { get; set; }
    public required SeasonCalendar Calendar { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}

/// <summary>The organization's nudge schedule (offsets, send time, lookback). One per tenant.</summary>
public sealed class OrganizationNudgeSettings
{
    public const string SingletonId = "nudge-settings";

    public string Id { get; set; } = SingletonId;
    public List<int> ReapplicationOffsetDays { get; set; } = [.. NudgeSettings.Default.ReapplicationOffsetDays];
    public List<int> RankListOffsetDays { get; set; } = [.. NudgeSettings.Default.RankListOffsetDays];
    public TimeOnly SendAtLocalTime { get; set; } = NudgeSettings.Default.SendAtLocalTime;
    public TimeSpan? SweepLookback { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";

    /// <summary>The rules' settings in the organization's zone (the zone lives with the organization, not here).</summary>
    public NudgeSettings ToRules(string organizationTimeZone) => new()
    {
        ReapplicationOffsetDays = ReapplicationOffsetDays,
        RankListOffsetDays = RankListOffsetDays,
        SendAtLocalTime = SendAtLocalTime,
        SweepLookback = SweepLookback,
        OrganizationTimeZone = organizationTimeZone,
    };
}

/// <summary>Which nudge kinds a candidate turned off (from their settings page or an unsubscribe link). Id = candidate id.</summary>
public sealed class CandidateNudgePreferences
{
    public Guid Id { get; set; }
    public List<NudgeKind> OptedOut { get; set; } = [];
    public DateTimeOffset UpdatedAt { get; set; }

    public bool Allows(NudgeKind kind) => !OptedOut.Contains(kind);

    public bool OptedOutOfAll => Enum.GetValues<NudgeKind>().All(k => OptedOut.Contains(k));
}

/// <summary>An address the mail server refused for good (5xx for the recipient); no nudge goes to it again. Id = the address, lower case.</summary>
public sealed class SuppressedAddress
{
    public required string Id { get; set; }
    public string Reason { get; set; } = "";
    public int? SmtpStatusCode { get; set; }
    public string NudgeKey { get; set; } = "";
    public DateTimeOffset SuppressedAt { get; set; }

    public static string IdFor(string email) => email.Trim().ToLowerInvariant();
}

/// <summary>
/// One unsubscribe link sent in a nudge. Only the SHA-256 of the token is kept (Id), so a copy of the table
/// holds no working link. Opening the link in its tenant unsubscribes <see cref="CandidateId"/>.
/// </summary>
public sealed class UnsubscribeLink
{
    public required string Id { get; set; }
    public Guid CandidateId { get; set; }
    public string NudgeKey { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
}

/// <summary>
/// A live calendar subscription URL: the agency's (<see cref="CandidateId"/> null) or one candidate's.
/// Id = SHA-256 of the token; rotating or revoking deletes the row, so the old URL answers 404.
/// </summary>
public sealed class CalendarFeedSubscription
{
    public const string AgencyOwner = "agency";

    public required string Id { get; set; }

    /// <summary>"agency" or the candidate id: at most one live feed per owner.</summary>
    public required string Owner { get; set; }

    public Guid? CandidateId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";

    public static string OwnerFor(Guid? candidateId) => candidateId is { } id ? id.ToString("N") : AgencyOwner;
}
