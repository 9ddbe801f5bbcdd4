using SmartPick.Contracts;
using SmartPick.Matching.Model;

namespace SmartPick.Advising.Lists;

// The facts of a candidate's ranked list: recorded by the product (RecordedBy.System) whenever the list says
// something new, in the candidate's own stream, after the facts that changed it.

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
    SmartPick.Matching.Model.SignalKind? Signal = null,
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
    ListChanges Changes,
    RecordedBy RecordedBy,
    DateTimeOffset RecordedAt,
    SmartPick.Matching.Model.StrategyPlan? Plan = null,
    IReadOnlyList<SmartPick.Matching.Model.UnlockItem>? Unlock = null);

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
