using Marten.Events.Aggregation;
using SmartPick.Advising.CandidateFiles;
using SmartPick.Advising.Lists;
using SmartPick.Matching.Model;
using SmartPick.Matching.Stages;

namespace SmartPick.Advising.Views;

/// <summary>Where a candidate stands in the advising journey, for the cohort list.</summary>
public enum CandidateStatus { Open, Applying, Interviewing, RankListCertified, Matched, Unmatched, Archived }

/// <summary>
/// One row of the cohort list. Its evolution lives here (not in a projection) because the per-candidate
/// summary and the organization's cohort dashboard must agree on it. The chance and the risk are the engine's
/// stage-aware outlook (<see cref="CandidateOutlook"/>) of the current list at the candidate's stage of the season:
/// a matched candidate has no chance and no risk, an interviewing one is judged on the interviews held.
/// </summary>
public sealed class CandidateSummary
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public CandidateStatus Status { get; set; }
    public List<string> TargetSpecialties { get; set; } = [];
    public bool UsImg { get; set; }
    public int? Season { get; set; }
    /// <summary>Applications submitted in the season in progress; null until some are recorded.</summary>
    public int? ApplicationsThisSeason { get; set; }
    public int InterviewsThisSeason { get; set; }
    public int UnmatchedCycles { get; set; }
    /// <summary>Whether any new evidence (exam, USCE, letter, research) came in since the last unmatched season.</summary>
    public bool NewEvidenceSinceUnmatched { get; set; }
    public bool HasStep2Ck { get; set; }
    /// <summary>The current list's P(match) at its recommended number of applications; null while no list is recorded.</summary>
    public double? ListPMatch { get; set; }
    public int? RecommendedApplications { get; set; }
    /// <summary>The current list's curve with expected interviews (null for lists recorded before lists carried it).</summary>
    public List<ListPoint>? ListPoints { get; set; }
    /// <summary>The outlook's chance to match (null once matched, archived or while no list is recorded).</summary>
    public double? PMatch { get; set; }
    public RiskLevel Risk { get; set; }
    public CandidateOutlook? Outlook { get; set; }
    public List<string> Attention { get; set; } = [];
    public DateTimeOffset LastActivityAt { get; set; }

    /// <summary>Where in the season the candidate is, as the engine's outlook reads it; null for an archived file.</summary>
    public SeasonPosition? Position() => Status switch
    {
        CandidateStatus.Archived => null,
        CandidateStatus.Matched => new SeasonPosition(SeasonStage.Matched, Season: Season),
        CandidateStatus.Unmatched => new SeasonPosition(SeasonStage.Unmatched, Season: Season),
        CandidateStatus.RankListCertified => new SeasonPosition(SeasonStage.RankListCertified, ApplicationsThisSeason,
            InterviewsThisSeason, 0, Season),
        CandidateStatus.Interviewing => new SeasonPosition(SeasonStage.Interviewing, ApplicationsThisSeason, InterviewsThisSeason,
            CandidateOutlook.ShareOfInvitationsToComeWhileInterviewing, Season),
        _ when ApplicationsThisSeason is not null => new SeasonPosition(SeasonStage.Applied, ApplicationsThisSeason, 0, 1, Season),
        _ => new SeasonPosition(SeasonStage.BeforeApplications, Season: Season),
    };

    public static CandidateSummary Open(CandidateFileOpened e) => new CandidateSummary
    {
        Id = e.CandidateId, Name = e.Name, Email = e.Email, Status = CandidateStatus.Open, UsImg = e.ImgType == ImgType.UsImg,
        TargetSpecialties = ProfileFieldRules.Named(e.TargetSpecialties), LastActivityAt = e.RecordedAt,
    }.Refreshed();

    public void Apply(PreferencesChanged e) { TargetSpecialties = ProfileFieldRules.Named(e.TargetSpecialties); Touch(e.RecordedAt); }

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
        ApplicationsThisSeason = null;
        InterviewsThisSeason = 0;
        Status = CandidateStatus.Applying;
        Touch(e.RecordedAt);
    }

    public void Apply(ApplicationsSubmitted e)
    {
        if (e.Season == Season) ApplicationsThisSeason = (ApplicationsThisSeason ?? 0) + e.Count;
        Touch(e.RecordedAt);
    }

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
        ListPMatch = e.PMatch;
        RecommendedApplications = e.RecommendedApplications;
        ListPoints = e.Points is null ? null : [.. e.Points];
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

    /// <summary>Recomputes the derived fields: the outlook, its risk and the reasons an advisor should look at this file.</summary>
    private CandidateSummary Refreshed()
    {
        var position = Position();
        // Matched needs no list; every other stage reads the current list, and there is none before the first.
        var outlook = position is null || (ListPMatch is null && position.Stage != SeasonStage.Matched) ? null
            : CandidateOutlook.Of(position, ListPoints, RecommendedApplications ?? 0, ListPMatch ?? 0, TargetSpecialties.FirstOrDefault(), UsImg);
        Outlook = outlook is null ? null
            : new CandidateOutlook(outlook.Stage, Round(outlook.PMatch, 4), Round(outlook.ExpectedInterviews, 2), outlook.Headline);
        PMatch = Outlook?.PMatch;
        Risk = outlook?.Risk ?? RiskLevel.None;
        Attention = [];
        if (Status is CandidateStatus.Archived or CandidateStatus.Matched) return this;
        if (Risk == RiskLevel.Act) Attention.Add("act");
        if (Status == CandidateStatus.Unmatched && !NewEvidenceSinceUnmatched) Attention.Add("unmatched_without_new_evidence");
        if (!HasStep2Ck) Attention.Add("no_step2ck");
        return this;
    }

    private static double? Round(double? value, int digits) => value is { } v ? Math.Round(v, digits) : null;
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
