using SmartPick.Advising.CandidateFiles;
using SmartPick.Advising.Lists;
using SmartPick.Advising.Views;
using SmartPick.Matching.Model;
using SmartPick.Matching.Stages;

namespace SmartPick.Advising.Queries;

/// <summary>A ranked list in the engine's output shape, as the API returns it.</summary>
public sealed record ProgramListResponse(
    Guid CandidateId,
    ListStatus Status,
    int Number,
    IReadOnlyList<ListedProgram> Programs,
    int EligibleCount,
    IReadOnlyList<ExclusionCount> Excluded,
    IReadOnlyList<CurvePoint> Curve,
    int RecommendedApplications,
    double PMatch,
    IReadOnlyList<string> RiskFactors,
    IReadOnlyList<ListedAdvice> Advice,
    EngineVersions? Versions,
    DateTimeOffset? GeneratedAt,
    ListChanges? Changes,
    SmartPick.Matching.Model.StrategyPlan? Plan = null,
    IReadOnlyList<SmartPick.Matching.Model.UnlockItem>? Unlock = null)
{
    public static ProgramListResponse From(CurrentList v) => new(v.Id, v.Status, v.Number, v.Programs, v.EligibleCount, v.Excluded,
        v.Curve, v.RecommendedApplications, v.PMatch, v.RiskFactors, v.Advice, v.Versions, v.GeneratedAt, v.Changes, v.Plan, v.Unlock);

    /// <summary>A list worked out but not recorded (what-if).</summary>
    public static ProgramListResponse From(Guid candidateId, ListContent c) => new(candidateId, ListStatus.Ready, 0, c.Programs, c.EligibleCount,
        c.Excluded, c.Curve, c.RecommendedApplications, c.PMatch, c.RiskFactors, c.Advice,
        new EngineVersions(c.EngineVersion, c.ParametersVersion, c.CatalogVersion), null, null, c.Plan, c.Unlock);
}

/// <summary>The stage-aware outlook as the API shows it; <c>p_match</c> is null once the candidate has matched.</summary>
public sealed record OutlookResponse(SeasonStage Stage, double? PMatch, double? ExpectedInterviews, string Headline)
{
    public static OutlookResponse? Of(CandidateOutlook? o) => o is null ? null : new(o.Stage, o.PMatch, o.ExpectedInterviews, o.Headline);
}

/// <summary>One row of the cohort list as the API shows it: the summary without the list figures it is computed from.</summary>
public sealed record CandidateRowResponse(
    Guid Id,
    string Name,
    string Email,
    CandidateStatus Status,
    IReadOnlyList<string> TargetSpecialties,
    int? Season,
    int? ApplicationsThisSeason,
    int InterviewsThisSeason,
    int UnmatchedCycles,
    bool NewEvidenceSinceUnmatched,
    bool HasStep2Ck,
    double? PMatch,
    int? RecommendedApplications,
    RiskLevel Risk,
    OutlookResponse? Outlook,
    IReadOnlyList<string> Attention,
    DateTimeOffset LastActivityAt)
{
    public static CandidateRowResponse From(CandidateSummary s) => new(s.Id, s.Name, s.Email, s.Status, s.TargetSpecialties, s.Season,
        s.ApplicationsThisSeason, s.InterviewsThisSeason, s.UnmatchedCycles, s.NewEvidenceSinceUnmatched, s.HasStep2Ck, s.PMatch,
        s.RecommendedApplications, s.Risk, OutlookResponse.Of(s.Outlook), s.Attention, s.LastActivityAt);
}

public sealed record ListHistoryResponse(Guid CandidateId, IReadOnlyList<ListHistoryEntry> Lists);

public sealed record ProgressResponse(
    Guid CandidateId,
    int? LastSeason,
    CycleOutcome? LastOutcome,
    EvidenceFacts? Then,
    EvidenceFacts Now,
    double? PMatchThen,
    double? PMatchNow,
    IReadOnlyList<Improvement> Improved,
    IReadOnlyList<ListedAdvice> StillMissing,
    IReadOnlyList<string> RiskFactors)
{
    public static ProgressResponse From(ProgressSinceLastCycle v) => new(v.Id, v.LastSeason, v.LastOutcome, v.Then, v.Now,
        v.PMatchThen, v.PMatchNow, v.Improved, v.StillMissing, v.RiskFactors);
}

public sealed record CyclesResponse(Guid CandidateId, IReadOnlyList<CycleView> Cycles);

public sealed record TimelineResponse(Guid CandidateId, IReadOnlyList<TimelineEntry> Entries);

/// <summary>A candidate file as the API shows it, with the version to send back as <c>expected_version</c>.</summary>
public sealed record CandidateResponse(
    Guid Id,
    long Version,
    string Name,
    string Email,
    string MedicalSchoolCountry,
    ImgType? ImgType,
    VisaNeed? VisaNeed,
    int? YearOfGraduation,
    IReadOnlyList<string> TargetSpecialties,
    IReadOnlyList<string> PreferredStates,
    IReadOnlyList<string> AvoidedStates,
    Budget? Budget,
    IReadOnlyList<ExamView> Exams,
    IReadOnlyList<UsceView> Usce,
    IReadOnlyList<LetterView> Letters,
    IReadOnlyList<ResearchView> Research,
    IReadOnlyList<CycleSummary> Cycles,
    CandidateStatus Status,
    RiskLevel Risk,
    double? PMatch,
    OutlookResponse? Outlook,
    IReadOnlyList<string> Attention,
    bool Archived,
    DateTimeOffset OpenedAt,
    DateTimeOffset LastRecordedAt)
{
    public static CandidateResponse From(CandidateProfileView v, CandidateSummary? s, long version) => new(v.Id, version, v.Name, v.Email,
        v.MedicalSchoolCountry, v.ImgType, v.VisaNeed, v.YearOfGraduation, v.TargetSpecialties, v.PreferredStates, v.AvoidedStates,
        v.ApplicationBudget is null && v.BudgetDollars is null ? null : new Budget(v.ApplicationBudget, v.BudgetDollars),
        v.Evidence.Exams, v.Evidence.Usce, v.Evidence.Letters, v.Evidence.Research, v.Cycles,
        s?.Status ?? CandidateStatus.Open, s?.Risk ?? RiskLevel.None, s?.PMatch, OutlookResponse.Of(s?.Outlook), s?.Attention ?? [], v.Archived, v.OpenedAt, v.LastRecordedAt);
}
