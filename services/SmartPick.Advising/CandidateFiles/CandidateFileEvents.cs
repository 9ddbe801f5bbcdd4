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
    DateTimeOffset RecordedAt) : IProfileFact;

/// <summary>
/// The advisor fixed parts of the application plan: signals pinned (with a kind, or the best kind left) or forbidden
/// at programs, census divisions named or never named; the complete choice, replacing the one before.
/// </summary>
public sealed record StrategyChosen(
    Guid CandidateId,
    IReadOnlyList<SmartPick.Matching.Model.PinnedSignal> PinnedSignals,
    IReadOnlyList<string> ForbiddenSignals,
    IReadOnlyList<string> PinnedRegions,
    IReadOnlyList<string> ForbiddenRegions,
    RecordedBy RecordedBy,
    DateTimeOffset RecordedAt) : IProfileFact
{
    /// <summary>The choice as the engine reads it.</summary>
    public SmartPick.Matching.Model.StrategyChoices ToChoices() => new()
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
    DateTimeOffset RecordedAt) : IProfileFact, IFileItemFact
{
    Guid IFileItemFact.ItemId => ExamId;
}

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
    DateTimeOffset RecordedAt) : IProfileFact, IFileItemFact
{
    Guid IFileItemFact.ItemId => ExamId;
}

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
    DateTimeOffset RecordedAt) : IProfileFact, IFileItemFact
{
    Guid IFileItemFact.ItemId => UsceId;
}

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
    DateTimeOffset RecordedAt) : IProfileFact, IFileItemFact
{
    Guid IFileItemFact.ItemId => LetterId;
}

/// <summary>Research, QI or a publication, and whether US collaborators were involved.</summary>
public sealed record ResearchAdded(
    Guid CandidateId,
    Guid ResearchId,
    string Kind,
    bool UsCollaborators,
    string? Title,
    RecordedBy RecordedBy,
    DateTimeOffset RecordedAt) : IProfileFact, IFileItemFact
{
    Guid IFileItemFact.ItemId => ResearchId;
}

/// <summary>The candidate entered a Match season (the Match year, e.g. 2026).</summary>
public sealed record CycleStarted(Guid CandidateId, int Season, RecordedBy RecordedBy, DateTimeOffset RecordedAt) : IProfileFact;

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

public sealed record CycleMatched(Guid CandidateId, int Season, string ProgramCode, RecordedBy RecordedBy, DateTimeOffset RecordedAt) : IProfileFact;

public sealed record CycleUnmatched(Guid CandidateId, int Season, RecordedBy RecordedBy, DateTimeOffset RecordedAt) : IProfileFact;

public sealed record AdvisorNoteAdded(Guid CandidateId, Guid NoteId, string Text, RecordedBy RecordedBy, DateTimeOffset RecordedAt) : IFileItemFact
{
    Guid IFileItemFact.ItemId => NoteId;
}

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
