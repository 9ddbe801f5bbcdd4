using SmartPick.Nudges.Calendar;

namespace SmartPick.Nudges.Rules;

/// <summary>
/// Decides which candidates get which nudge, and when. Pure: the same candidates, calendars, settings
/// and instant always give the same nudges, in the same order (due time, then key).
/// </summary>
/// <remarks>
/// <para>Reapplication series: the last cycle ended unmatched and no later cycle was started; one series
/// per supplied season after that cycle, steps before ERAS opens.</para>
/// <para>Rank-list series: the cycle in progress has at least one interview and no certified list; steps
/// before that season's rank order list deadline.</para>
/// <para>A step is due at <see cref="NudgeSettings.SendAtLocalTime"/> on the day that lies its offset in
/// whole days before the milestone's date in the recipient's zone. Every nudge expires at its milestone.
/// Opted-out candidates and candidates without an email address get none.</para>
/// </remarks>
internal static class NudgeRules
{
    /// <summary>Every step of every series the candidates qualify for, regardless of time.</summary>
    public static IReadOnlyList<Nudge> Plan(
        string tenant,
        IEnumerable<NudgeCandidate> candidates,
        IEnumerable<SeasonCalendar> calendars,
        NudgeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(settings);
        var bySeason = IndexBySeason(calendars);

        return candidates
            .SelectMany(candidate => PlanFor(tenant, candidate, bySeason, settings))
            .OrderBy(n => n.DueAt)
            .ThenBy(n => n.Key.ToString(), StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Preview: the steps whose due time lies in [<paramref name="from"/>, <paramref name="to"/>)
    /// (start inclusive, end exclusive, so consecutive windows never show a step twice).
    /// </summary>
    public static IReadOnlyList<Nudge> DueBetween(
        string tenant,
        IEnumerable<NudgeCandidate> candidates,
        IEnumerable<SeasonCalendar> calendars,
        NudgeSettings settings,
        DateTimeOffset from,
        DateTimeOffset to) =>
        Plan(tenant, candidates, calendars, settings)
            .Where(n => n.DueAt >= from && n.DueAt < to)
            .ToList();

    /// <summary>
    /// Sweep: what to send at <paramref name="now"/>. A step is live when its due time has come
    /// (due ≤ now), its milestone has not (now &lt; milestone) and, with a lookback, it is not older than
    /// the lookback. Of a series only the latest live step is returned: a candidate who qualifies late, or
    /// a sweep that was down for a while, gets one email, not a burst of stale ones. A step whose key is
    /// in <paramref name="alreadySent"/> is not returned, nor are the earlier steps it superseded.
    /// </summary>
    public static IReadOnlyList<Nudge> DueAt(
        string tenant,
        IEnumerable<NudgeCandidate> candidates,
        IEnumerable<SeasonCalendar> calendars,
        NudgeSettings settings,
        DateTimeOffset now,
        IReadOnlySet<string>? alreadySent = null)
    {
        var oldestDue = settings.SweepLookback is { } lookback ? now - lookback : DateTimeOffset.MinValue;

        return Plan(tenant, candidates, calendars, settings)
            .Where(n => n.DueAt <= now && now < n.ExpiresAt && n.DueAt >= oldestDue)
            .GroupBy(n => (n.Key.CandidateId, n.Kind, n.Season))
            .Select(series => series.MaxBy(n => n.DueAt)!)
            .Where(n => alreadySent is null || !alreadySent.Contains(n.Key.ToString()))
            .OrderBy(n => n.DueAt)
            .ThenBy(n => n.Key.ToString(), StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The UTC instant a step becomes due for a recipient in the given zone.</summary>
    public static DateTimeOffset DueTime(DateTimeOffset milestone, int offsetDays, string timeZone, TimeOnly sendAt)
    {
        var milestoneDay = DateOnly.FromDateTime(OrgTime.ToOrgLocal(milestone, timeZone).DateTime);
        return OrgTime.FromLocal(milestoneDay.AddDays(-offsetDays), sendAt, timeZone);
    }

    /// <summary>Non-blank entries, trimmed, in their original order, without repeats.</summary>
    public static IReadOnlyList<string> Meaningful(IReadOnlyList<string>? lines) =>
        lines is null ? [] : lines.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l.Trim()).Distinct(StringComparer.Ordinal).ToList();

    private static IEnumerable<Nudge> PlanFor(
        string tenant,
        NudgeCandidate candidate,
        IReadOnlyDictionary<int, SeasonCalendar> calendars,
        NudgeSettings settings)
    {
        if (candidate.OptedOut || string.IsNullOrWhiteSpace(candidate.Email) || candidate.LastCycle is not { } cycle)
        {
            yield break;
        }

        var zone = OrgTime.IsKnownZone(candidate.TimeZone) ? candidate.TimeZone! : settings.OrganizationTimeZone;

        if (cycle.Outcome == CycleOutcome.Unmatched)
        {
            foreach (var calendar in calendars.Values.Where(c => c.Season > cycle.Season).OrderBy(c => c.Season))
            {
                foreach (var step in Steps(tenant, candidate, calendar, NudgeKind.Reapplication, Milestone.ErasOpens, settings.ReapplicationOffsetDays, zone, settings))
                {
                    yield return step;
                }
            }
        }

        if (cycle.Outcome is null && !cycle.RankListCertified && Meaningful(cycle.InterviewPrograms).Count > 0
            && calendars.TryGetValue(cycle.Season, out var current))
        {
            foreach (var step in Steps(tenant, candidate, current, NudgeKind.RankList, Milestone.RankOrderListDeadline, settings.RankListOffsetDays, zone, settings))
            {
                yield return step;
            }
        }
    }

    private static IEnumerable<Nudge> Steps(
        string tenant,
        NudgeCandidate candidate,
        SeasonCalendar calendar,
        NudgeKind kind,
        Milestone milestone,
        IReadOnlyList<int> offsetDays,
        string zone,
        NudgeSettings settings)
    {
        var milestoneAt = calendar.At(milestone);
        foreach (var offset in offsetDays.Distinct())
        {
            var due = DueTime(milestoneAt, offset, zone, settings.SendAtLocalTime);
            if (due < milestoneAt)
            {
                yield return new Nudge(new NudgeKey(tenant, candidate.CandidateId, kind, calendar.Season, offset), candidate, calendar, milestone, due, zone);
            }
        }
    }

    private static Dictionary<int, SeasonCalendar> IndexBySeason(IEnumerable<SeasonCalendar> calendars)
    {
        ArgumentNullException.ThrowIfNull(calendars);
        var index = new Dictionary<int, SeasonCalendar>();
        foreach (var calendar in calendars)
        {
            if (!index.TryAdd(calendar.Season, calendar.InUtc()))
            {
                throw new ArgumentException($"Two calendars for season {calendar.Season}.", nameof(calendars));
            }
        }

        return index;
    }
}
