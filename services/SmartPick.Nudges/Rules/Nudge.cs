using SmartPick.Nudges.Calendar;

namespace SmartPick.Nudges.Rules;

/// <summary>
/// One planned email: who, which step of which series, when it becomes due and when it expires.
/// </summary>
/// <param name="Key">Identity of the step; sent at most once.</param>
/// <param name="Candidate">The recipient.</param>
/// <param name="Calendar">The season the nudge is about.</param>
/// <param name="Milestone">The date the nudge points at (ERAS opening or rank order list deadline).</param>
/// <param name="DueAt">UTC instant from which a sweep may send it.</param>
/// <param name="RecipientTimeZone">IANA zone used for the due time and for dates shown in the email.</param>
public sealed record Nudge(
    NudgeKey Key,
    NudgeCandidate Candidate,
    SeasonCalendar Calendar,
    Milestone Milestone,
    DateTimeOffset DueAt,
    string RecipientTimeZone)
{
    public NudgeKind Kind => Key.Kind;

    public int Season => Key.Season;

    /// <summary>The milestone instant: from then on this nudge (and its whole series) is pointless.</summary>
    public DateTimeOffset ExpiresAt => Calendar.At(Milestone);

    /// <summary>Interview programs of the cycle a rank-list nudge is about; empty for reapplication nudges.</summary>
    public IReadOnlyList<string> InterviewPrograms =>
        Kind == NudgeKind.RankList && Candidate.LastCycle is { } cycle ? NudgeRules.Meaningful(cycle.InterviewPrograms) : [];
}
