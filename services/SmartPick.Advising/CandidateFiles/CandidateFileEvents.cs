using SmartPick.Contracts;
using SmartPick.Matching.Model;

namespace SmartPick.Advising.CandidateFiles;

// The facts of a candidate file. Every event names its stream (CandidateId) first, says who recorded it
// and when (RecordedAt, from the business clock, never the database's), and carries any business date of
// its own (TakenOn, SubmittedOn…). Corrections are new facts; nothing is ever edited.

/// <summary>An advising agency opened a file for a candidate, with the profile's top-level facts known at the time.</summary>
public sealed record CandidateFileOpened(
    Guid CandidateId,
    string Name,
    string Email,
    string MedicalSchoolCountry,
    ImgType? ImgType,
    VisaNeed? VisaNeed,
    int? YearOfGraduation,
    IReadOnlyList<string> TargetSpecialties,
    IReadOnlyList<string> PreferredStates,
    IReadOnlyList<string> AvoidedStates,
    int? ApplicationBudget,
    decimal? BudgetDollars,
    RecordedBy RecordedBy,
    DateTimeOffset RecordedAt);

/// <summary>The candidate's targets or constraints changed; the event carries the complete new values.</summary>
public sealed record PreferencesChanged(
    Guid CandidateId,
    VisaNeed? VisaNeed,
    IReadOnlyList<string> TargetSpecialties,
    IReadOnlyList<string> PreferredStates,
    IReadOnlyList<string> AvoidedStates,
    int? ApplicationBudget,
    decimal? BudgetDollars,
    RecordedBy RecordedBy,
    DateTimeOffset RecordedAt);

/// <summary>
/// The advisor fixed parts of the application plan: signals pinned (with a kind, or the best kind left) or forbidden
/// at programs, census divisions named or never named; the complete choice, replacing the one before.
/// </summary>
public sealed record StrategyChosen(
    Guid CandidateId,
    IReadOnlyList<SmartPick.Matching.Strategy.PinnedSignal> PinnedSignals,
    IReadOnlyList<string> ForbiddenSignals,
    IReadOnlyList<string> PinnedRegions,
    IReadOnlyList<string> ForbiddenRegions,
    RecordedBy RecordedBy,
    DateTimeOffset RecordedAt)
{
    /// <summary>The choice as the engine reads it.</summary>
    public SmartPick.Matching.Strategy.StrategyChoices ToChoices() => new()
    {
        PinnedSignals = PinnedSignals, ForbiddenSignals = ForbiddenSignals, PinnedRegions = PinnedRegions, ForbiddenRegions = ForbiddenRegions,
    };
}

/// <summary>A USMLE attempt: a 3-digit score where reported, the pass/fail outcome, the attempt number.</summary>
public sealed record ExamTaken(
    Guid CandidateId,
    Guid ExamId,
    ExamKind Exam,
    int? Score,
    bool? Passed,
    int Attempt,
    DateOnly TakenOn,
    RecordedBy RecordedBy,
    DateTimeOffset RecordedAt);

/// <summary>An exam result was recorded wrongly; these are the right values for that attempt.</summary>
public sealed record ExamResultCorrected(
    Guid CandidateId,
    Guid ExamId,
    int? Score,
    bool? Passed,
    int Attempt,
    DateOnly TakenOn,
    string Reason,
    RecordedBy RecordedBy,
    DateTimeOffset RecordedAt);

/// <summary>US clinical experience: hands-on kinds weigh far more than observership.</summary>
public sealed record UsceAdded(
    Guid CandidateId,
    Guid UsceId,
    UsceKind Kind,
    string? Specialty,
    string Institution,
    string? State,
    decimal Months,
    DateOnly? StartedOn,
    DateOnly? EndedOn,
    RecordedBy RecordedBy,
    DateTimeOffset RecordedAt);

/// <summary>A letter of recommendation arrived; <c>Us</c> is whether the writer practises in the US.</summary>
public sealed record LetterReceived(
    Guid CandidateId,
    Guid LetterId,
    string? WriterRole,
    bool Us,
    string? Specialty,
    LetterStrength? Strength,
    DateOnly? ReceivedOn,
    RecordedBy RecordedBy,
    DateTimeOffset RecordedAt);

/// <summary>Research, QI or a publication, and whether US collaborators were involved.</summary>
public sealed record ResearchAdded(
    Guid CandidateId,
    Guid ResearchId,
    string Kind,
    bool UsCollaborators,
    string? Title,
    RecordedBy RecordedBy,
    DateTimeOffset RecordedAt);

/// <summary>The candidate entered a Match season (the Match year, e.g. 2026).</summary>
public sealed record CycleStarted(Guid CandidateId, int Season, RecordedBy RecordedBy, DateTimeOffset RecordedAt);

public sealed record ApplicationsSubmitted(
    Guid CandidateId,
    int Season,
    int Count,
    IReadOnlyList<string> ProgramCodes,
    DateOnly SubmittedOn,
    RecordedBy RecordedBy,
    DateTimeOffset RecordedAt);

public sealed record InterviewInvited(
    Guid CandidateId,
    int Season,
    string ProgramCode,
    DateOnly InvitedOn,
    RecordedBy RecordedBy,
    DateTimeOffset RecordedAt);

public sealed record RankListCertified(
    Guid CandidateId,
    int Season,
    int? ProgramsRanked,
    DateOnly CertifiedOn,
    RecordedBy RecordedBy,
    DateTimeOffset RecordedAt);

public sealed record CycleMatched(Guid CandidateId, int Season, string ProgramCode, RecordedBy RecordedBy, DateTimeOffset RecordedAt);

public sealed record CycleUnmatched(Guid CandidateId, int Season, RecordedBy RecordedBy, DateTimeOffset RecordedAt);

/// <summary>
/// One program of a stored list: code, p, tier and the top reason codes with their signed weights; the signal the
/// plan sends it and whether it lies in a named census division (lists stored before the plan have neither).
/// </summary>
public sealed record ListedProgram(
    string ProgramCode,
    string ProgramName,
    string State,
    string Specialty,
    double P,
    Tier Tier,
    IReadOnlyList<ListedReason> Reasons,
    SmartPick.Matching.Strategy.SignalKind? Signal = null,
    bool InNamedRegion = false);

/// <summary>
/// A reason of a stored program: its code and signed weight, and for the program's evidence (its observed or
/// estimated interview rate) the sentence naming it; lists stored before evidence have no message.
/// </summary>
public sealed record ListedReason(string Code, double Weight, string? Message = null);

/// <summary>How many programs one eligibility rule ruled out.</summary>
public sealed record ExclusionCount(string Code, int Count);

public sealed record ListedAdvice(string Code, string Message);

/// <summary>
/// One point of a list's curve with the interviews its first <paramref name="N"/> programs are expected to bring
/// (the sum of their shown p): what the stage-aware outlook reads of a list once applications are out.
/// </summary>
public sealed record ListPoint(int N, double PMatch, double ExpectedInterviews);

/// <summary>
/// The engine produced a new list for the candidate: the versions that make it reproducible (engine, parameter
/// set, catalog content hash) and what the list says in short. The ranked programs themselves are in the
/// <see cref="RankedListRecorded"/> appended right after it, so the views that need only the outlook (cohort
/// row, progress, seasons, timeline) never read a whole list. Stored as <c>program_list_regenerated_v2</c>.
/// <paramref name="Points"/> (the curve with expected interviews) came later: lists recorded before it have none,
/// and their outlook reads only the list's P(match) until the list is next regenerated.
/// </summary>
public sealed record ProgramListRegenerated(
    Guid CandidateId,
    string EngineVersion,
    string ParametersVersion,
    string CatalogVersion,
    int ProgramsListed,
    int EligibleCount,
    int RecommendedApplications,
    double PMatch,
    IReadOnlyList<string> RiskFactors,
    IReadOnlyList<ListedAdvice> Advice,
    RecordedBy RecordedBy,
    DateTimeOffset RecordedAt,
    IReadOnlyList<ListPoint>? Points = null);

/// <summary>
/// The list of the <see cref="ProgramListRegenerated"/> just before it: the ranked programs as shown, the
/// exclusions and the curve, and how the list differs from the one before (worked out once, when recorded).
/// </summary>
/// <paramref name="Plan"/> (price, signals, regions) and <paramref name="Unlock"/> (what would open programs) came
/// later: lists recorded before them have neither.
public sealed record RankedListRecorded(
    Guid CandidateId,
    IReadOnlyList<ListedProgram> Programs,
    IReadOnlyList<ExclusionCount> Excluded,
    IReadOnlyList<CurvePoint> Curve,
    Views.ListChanges Changes,
    RecordedBy RecordedBy,
    DateTimeOffset RecordedAt,
    SmartPick.Matching.Strategy.StrategyPlan? Plan = null,
    IReadOnlyList<SmartPick.Matching.Strategy.UnlockItem>? Unlock = null);

/// <summary>
/// A list as files recorded it before the outlook and the programs were two facts: everything in one event,
/// stored as <c>program_list_regenerated</c>. No longer appended; every view still reads it, so older files
/// rebuild as they were.
/// </summary>
public sealed record ProgramListRegeneratedV1(
    Guid CandidateId,
    string EngineVersion,
    string ParametersVersion,
    string CatalogVersion,
    IReadOnlyList<ListedProgram> Programs,
    int EligibleCount,
    IReadOnlyList<ExclusionCount> Excluded,
    IReadOnlyList<CurvePoint> Curve,
    int RecommendedApplications,
    double PMatch,
    IReadOnlyList<string> RiskFactors,
    IReadOnlyList<ListedAdvice> Advice,
    RecordedBy RecordedBy,
    DateTimeOffset RecordedAt);

public sealed record AdvisorNoteAdded(Guid CandidateId, Guid NoteId, string Text, RecordedBy RecordedBy, DateTimeOffset RecordedAt);

/// <summary>The file is closed; nothing more may be recorded in it.</summary>
public sealed record CandidateFileArchived(Guid CandidateId, string? Reason, RecordedBy RecordedBy, DateTimeOffset RecordedAt);

/// <summary>An email nudge went out (appended by the nudges module); at most one per candidate, kind, season and step.</summary>
public sealed record NudgeSent(
    Guid CandidateId,
    string Kind,
    int Season,
    string Offset,
    string Key,
    DateTimeOffset SentAt);
