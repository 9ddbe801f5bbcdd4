using Marten.Events.Aggregation;
using SmartPick.Advising.CandidateFiles;
using SmartPick.Advising.Lists;
using SmartPick.Matching.Model;

namespace SmartPick.Advising.Views;

/// <summary>Where a candidate stands in the advising journey, for the cohort list.</summary>
public enum CandidateStatus { Open, Applying, Interviewing, RankListCertified, Matched, Unmatched, Archived }

/// <summary>The risk of not matching with the current list: high below 50% P(match), medium below 75%.</summary>
public enum RiskLevel { Unknown, Low, Medium, High }

/// <summary>
/// One row of the cohort list. Its evolution lives here (not in a projection) because the per-candidate
/// summary and the organization's cohort dashboard must agree on it.
/// </summary>
public sealed class CandidateSummary
{
    public const double HighRiskBelow = 0.5;
    public const double MediumRiskBelow = 0.75;

    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public CandidateStatus Status { get; set; }
    public List<string> TargetSpecialties { get; set; } = [];
    public int? Season { get; set; }
    public int InterviewsThisSeason { get; set; }
    public int UnmatchedCycles { get; set; }
    /// <summary>Whether any new evidence (exam, USCE, letter, research) came in since the last unmatched season.</summary>
    public bool NewEvidenceSinceUnmatched { get; set; }
    public bool HasStep2Ck { get; set; }
    public double? PMatch { get; set; }
    public int? RecommendedApplications { get; set; }
    public RiskLevel Risk { get; set; }
    public List<string> Attention { get; set; } = [];
    public DateTimeOffset LastActivityAt { get; set; }

    public static RiskLevel RiskFor(double? pMatch) => pMatch switch
    {
        null => RiskLevel.Unknown,
        < HighRiskBelow => RiskLevel.High,
        < MediumRiskBelow => RiskLevel.Medium,
        _ => RiskLevel.Low,
    };

    public static CandidateSummary Open(CandidateFileOpened e) => new CandidateSummary
    {
        Id = e.CandidateId, Name = e.Name, Email = e.Email, Status = CandidateStatus.Open,
        TargetSpecialties = [.. e.TargetSpecialties], LastActivityAt = e.RecordedAt,
    }.Refreshed();

    public void Apply(PreferencesChanged e) { TargetSpecialties = [.. e.TargetSpecialties]; Touch(e.RecordedAt); }

    public void Apply(ExamTaken e)
    {
        HasStep2Ck |= e.Exam == ExamKind.Step2Ck;
        NewEvidence(e.RecordedAt);
    }

    public void Apply(ExamResultCorrected e) => Touch(e.RecordedAt);
    public void Apply(UsceAdded e) => NewEvidence(e.RecordedAt);
    public void Apply(LetterReceived e) => NewEvidence(e.RecordedAt);
    public void Apply(ResearchAdded e) => NewEvidence(e.RecordedAt);
    public void Apply(AdvisorNoteAdded e) => Touch(e.RecordedAt);

    public void Apply(CycleStarted e)
    {
        Season = e.Season;
        InterviewsThisSeason = 0;
        Status = CandidateStatus.Applying;
        Touch(e.RecordedAt);
    }

    public void Apply(ApplicationsSubmitted e) => Touch(e.RecordedAt);

    public void Apply(InterviewInvited e)
    {
        InterviewsThisSeason++;
        if (Status == CandidateStatus.Applying) Status = CandidateStatus.Interviewing;
        Touch(e.RecordedAt);
    }

    public void Apply(RankListCertified e) { Status = CandidateStatus.RankListCertified; Touch(e.RecordedAt); }
    public void Apply(CycleMatched e) { Status = CandidateStatus.Matched; Touch(e.RecordedAt); }

    public void Apply(CycleUnmatched e)
    {
        Status = CandidateStatus.Unmatched;
        UnmatchedCycles++;
        NewEvidenceSinceUnmatched = false;
        Touch(e.RecordedAt);
    }

    public void Apply(ProgramListRegenerated e)
    {
        PMatch = e.PMatch;
        RecommendedApplications = e.RecommendedApplications;
        Touch(e.RecordedAt);
    }

    public void Apply(ProgramListRegeneratedV1 e) => Apply(ListRecording.Outlook(e));

    public void Apply(CandidateFileArchived e) { Status = CandidateStatus.Archived; Touch(e.RecordedAt); }

    private void NewEvidence(DateTimeOffset at)
    {
        NewEvidenceSinceUnmatched = true;
        Touch(at);
    }

    private void Touch(DateTimeOffset at)
    {
        if (at > LastActivityAt) LastActivityAt = at;
        Refreshed();
    }

    /// <summary>Recomputes the derived fields: risk and the reasons an advisor should look at this file.</summary>
    private CandidateSummary Refreshed()
    {
        Risk = RiskFor(PMatch);
        Attention = [];
        if (Status is CandidateStatus.Archived or CandidateStatus.Matched) return this;
        if (Risk == RiskLevel.High) Attention.Add("high_risk");
        if (Status == CandidateStatus.Unmatched && !NewEvidenceSinceUnmatched) Attention.Add("unmatched_without_new_evidence");
        if (!HasStep2Ck) Attention.Add("no_step2ck");
        return this;
    }
}

public partial class CandidateSummaryProjection : SingleStreamProjection<CandidateSummary, Guid>
{
    public CandidateSummary Create(CandidateFileOpened e) => CandidateSummary.Open(e);
    public void Apply(PreferencesChanged e, CandidateSummary row) => row.Apply(e);
    public void Apply(ExamTaken e, CandidateSummary row) => row.Apply(e);
    public void Apply(ExamResultCorrected e, CandidateSummary row) => row.Apply(e);
    public void Apply(UsceAdded e, CandidateSummary row) => row.Apply(e);
    public void Apply(LetterReceived e, CandidateSummary row) => row.Apply(e);
    public void Apply(ResearchAdded e, CandidateSummary row) => row.Apply(e);
    public void Apply(AdvisorNoteAdded e, CandidateSummary row) => row.Apply(e);
    public void Apply(CycleStarted e, CandidateSummary row) => row.Apply(e);
    public void Apply(ApplicationsSubmitted e, CandidateSummary row) => row.Apply(e);
    public void Apply(InterviewInvited e, CandidateSummary row) => row.Apply(e);
    public void Apply(RankListCertified e, CandidateSummary row) => row.Apply(e);
    public void Apply(CycleMatched e, CandidateSummary row) => row.Apply(e);
    public void Apply(CycleUnmatched e, CandidateSummary row) => row.Apply(e);
    public void Apply(ProgramListRegenerated e, CandidateSummary row) => row.Apply(e);
    public void Apply(ProgramListRegeneratedV1 e, CandidateSummary row) => row.Apply(e);
    public void Apply(CandidateFileArchived e, CandidateSummary row) => row.Apply(e);
}
