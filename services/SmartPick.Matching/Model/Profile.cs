namespace SmartPick.Matching.Model;

/// <summary>Whether the candidate is a graduate of a non-US school who is not a US citizen, or a US citizen who studied abroad.</summary>
public enum ImgType { NonUsImg, UsImg }

/// <summary>The visa the candidate needs to train in the US. <see cref="Either"/> means J-1 or H-1B will do.</summary>
public enum VisaNeed { None, J1, H1b, Either }

/// <summary>USMLE steps; on the wire <c>step1</c>, <c>step2ck</c>, <c>step3</c> everywhere (profile JSON and API).</summary>
public enum ExamKind
{
    Step1,
    [System.Text.Json.Serialization.JsonStringEnumMemberName("step2ck")] Step2Ck,
    Step3,
}

/// <summary>
/// One USMLE attempt. <see cref="Score"/> is the 3-digit score where one was reported (Step 1 before 2022,
/// Step 2 CK, Step 3); <see cref="Passed"/> is the pass/fail outcome. Null means unknown, never "no".
/// </summary>
public sealed record ExamResult(ExamKind Exam, int? Score, bool? Passed, int Attempt = 1);

public enum UsceKind { HandsOn, Externship, SubInternship, Observership, ResearchClinical }

/// <summary>US clinical experience. Hands-on kinds (hands-on, externship, sub-internship) weigh far more than observership.</summary>
public sealed record UsceItem(UsceKind Kind, string? Specialty, decimal Months, string? State);

public enum LetterStrength { Strong, Standard, Weak }

/// <summary>A letter of recommendation; <see cref="Us"/> is whether the writer practises in the US.</summary>
public sealed record LetterItem(bool Us, string? Specialty, string? WriterRole, LetterStrength? Strength);

public sealed record ResearchItem(string Kind, bool UsCollaborators);

/// <summary>
/// What the candidate can spend: a number of applications, dollars (ERAS, token, transcript and NRMP fees), or both
/// (the smaller limit applies). Either may be null, not both.
/// </summary>
public sealed record Budget(int? Applications, decimal? Dollars = null);

public enum CycleOutcome { Matched, Unmatched, Withdrawn }

public sealed record PreviousCycle(int Season, CycleOutcome Outcome, int? Interviews);

/// <summary>
/// Everything the engine knows about a candidate. Every optional field left null means unknown; the
/// engine reasons with priors for unknowns and says so, and never treats unknown as yes.
/// Specialties are the registry's snake_case keys (<see cref="Specialties"/>), states two-letter codes.
/// </summary>
public sealed record CandidateProfile
{
    public ImgType? ImgType { get; init; }
    public VisaNeed? VisaNeed { get; init; }
    public int? YearOfGraduation { get; init; }
    /// <summary>The Match year applied to (e.g. 2026 for the season whose ERAS opens in June 2025).</summary>
    public int? Season { get; init; }
    public IReadOnlyList<ExamResult> Exams { get; init; } = [];
    public IReadOnlyList<UsceItem> Usce { get; init; } = [];
    public IReadOnlyList<LetterItem> Letters { get; init; } = [];
    public IReadOnlyList<ResearchItem> Research { get; init; } = [];
    public IReadOnlyList<string> TargetSpecialties { get; init; } = [];
    public IReadOnlyList<string> PreferredStates { get; init; } = [];
    public IReadOnlyList<string> AvoidedStates { get; init; } = [];
    public Budget? Budget { get; init; }
    public IReadOnlyList<PreviousCycle> PreviousCycles { get; init; } = [];
    /// <summary>Signals and census divisions the advisor pinned or forbade; the engine chooses the rest.</summary>
    public StrategyChoices Strategy { get; init; } = StrategyChoices.None;
    /// <summary>Lists that are unknown rather than empty (e.g. omitted from the JSON); none by default.</summary>
    public ProfileSections UnknownSections { get; init; }
}
