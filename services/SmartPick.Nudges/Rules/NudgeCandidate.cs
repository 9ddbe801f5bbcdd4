namespace SmartPick.Nudges.Rules;

/// <summary>
/// What the nudge rules need to know about one candidate, mapped from the advising views.
/// </summary>
/// <param name="CandidateId">The candidate's stream id.</param>
/// <param name="Name">Display name, as entered (sanitized when put into an email).</param>
/// <param name="Email">The one address nudges go to.</param>
/// <param name="LastCycle">
/// The latest cycle the candidate started (its <see cref="NudgeCycle.Outcome"/> is null while in progress).
/// A candidate who has started the next season has that season here, which is how the rules see it.
/// </param>
/// <param name="TimeZone">IANA zone of the candidate; the organization's zone is used when null or unknown.</param>
/// <param name="ProgressLines">What improved since the last cycle, one line each (shown in reapplication nudges).</param>
/// <param name="OpenGaps">What is still missing, one line each (shown in reapplication nudges).</param>
/// <param name="OptedOut">The candidate turned nudges off; no rule yields a nudge for them.</param>
/// <param name="Outlook">
/// The headline of the candidate's stage-aware outlook, the same the cohort, the file and /me show; null while
/// the file has none (no list yet, or archived).
/// </param>
public sealed record NudgeCandidate(
    Guid CandidateId,
    string Name,
    string Email,
    string? TimeZone,
    NudgeCycle? LastCycle,
    IReadOnlyList<string> ProgressLines,
    IReadOnlyList<string> OpenGaps,
    bool OptedOut = false,
    string? Outlook = null);

/// <summary>One application cycle as the nudge rules see it.</summary>
/// <param name="Season">The Match year of the cycle.</param>
/// <param name="Outcome">How it ended; null while it is in progress.</param>
/// <param name="InterviewPrograms">Programs that invited the candidate to interview in this cycle.</param>
/// <param name="RankListCertified">Whether the candidate certified a rank order list in this cycle.</param>
public sealed record NudgeCycle(
    int Season,
    CycleOutcome? Outcome,
    IReadOnlyList<string> InterviewPrograms,
    bool RankListCertified);

/// <summary>How a cycle ended.</summary>
public enum CycleOutcome
{
    Matched,
    Unmatched,
}
