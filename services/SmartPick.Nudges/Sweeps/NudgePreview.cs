using System.Globalization;
using Marten;
using SmartPick.Nudges.Calendar;
using SmartPick.Nudges.Rules;
using SmartPick.Nudges.Store;

namespace SmartPick.Nudges.Sweeps;

/// <summary>
/// One planned nudge in a preview window and what would happen to it now. Status is planned, opted_out,
/// address_suppressed, or the delivery state (claimed, sent, failed, suppressed).
/// </summary>
public sealed record NudgePreviewLine(
    string Key,
    Guid CandidateId,
    string Name,
    string Kind,
    int Season,
    int OffsetDays,
    DateTimeOffset DueUtc,
    DateTimeOffset DueLocal,
    string TimeZone,
    string Status);

/// <summary>
/// Which nudges fall due in a window, without sending anything: the same rules and data as the sweep,
/// with each step's current standing (opted out, address suppressed, already delivered).
/// </summary>
public static class NudgePreview
{
    public static readonly TimeSpan LongestWindow = TimeSpan.FromDays(2 * 366);

    public static async Task<IReadOnlyList<NudgePreviewLine>> ForAsync(IQuerySession session, OrgSettings org, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(org);
        var zone = OrgTime.IsKnownZone(org.TimeZone) ? org.TimeZone : SeasonCalendarRules.EasternTimeZoneId;
        var candidates = await NudgeCandidates.LoadAsync(session, ct);
        var seasons = Enumerable.Range(from.Year - 1, to.Year - from.Year + 4);
        var calendars = await session.CalendarsAsync(seasons, ct);
        var settings = await session.SettingsAsync(zone, ct);
        var planned = NudgeRules.DueBetween(org.Id, candidates, calendars, settings, from.ToUniversalTime(), to.ToUniversalTime());
        if (planned.Count == 0)
        {
            return [];
        }

        var deliveries = (await session.LoadManyAsync<NudgeDelivery>(ct, planned.Select(n => n.Key.ToString()).ToArray())).ToDictionary(d => d.Id);
        var suppressed = (await session.LoadManyAsync<SuppressedAddress>(ct, planned.Select(n => SuppressedAddress.IdFor(n.Candidate.Email)).Distinct().ToArray()))
            .Select(s => s.Id).ToHashSet();
        var preferences = (await session.LoadManyAsync<CandidateNudgePreferences>(ct, planned.Select(n => n.Key.CandidateId).Distinct().ToArray())).ToDictionary(p => p.Id);

        return planned.Select(n =>
        {
            var key = n.Key.ToString();
            var status = deliveries.TryGetValue(key, out var d) ? d.State.ToString().ToLowerInvariant()
                : preferences.TryGetValue(n.Key.CandidateId, out var p) && !p.Allows(n.Kind) ? "opted_out"
                : suppressed.Contains(SuppressedAddress.IdFor(n.Candidate.Email)) ? "address_suppressed"
                : "planned";
            return new NudgePreviewLine(key, n.Key.CandidateId, n.Candidate.Name, NudgeKey.KindText(n.Kind).Replace('-', '_'), n.Season, n.Key.OffsetDays,
                n.DueAt, OrgTime.ToOrgLocal(n.DueAt, n.RecipientTimeZone), n.RecipientTimeZone, status);
        }).ToList();
    }

    /// <summary>A date (midnight in the organization's zone) or an instant with an offset.</summary>
    public static bool TryParseBound(string? text, string timeZone, out DateTimeOffset instant)
    {
        instant = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            instant = OrgTime.FromLocal(date, TimeOnly.MinValue, timeZone);
            return true;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant);
    }
}
