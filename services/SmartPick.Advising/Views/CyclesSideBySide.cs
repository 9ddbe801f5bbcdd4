using Marten.Events.Aggregation;
using SmartPick.Advising.CandidateFiles;
using SmartPick.Advising.Lists;
using SmartPick.Matching.Model;

namespace SmartPick.Advising.Views;

/// <summary>One Match season of a candidate: what they went in with, what they did, how it ended.</summary>
public sealed class CycleView
{
    public int Season { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public EvidenceFacts FactsAtStart { get; set; } = EvidenceFacts.None;
    public double? PMatchAtStart { get; set; }
    public int? RecommendedAtStart { get; set; }
    public int Applications { get; set; }
    public int ProgramCodesKnown { get; set; }
    public DateOnly? SubmittedOn { get; set; }
    public List<string> Interviews { get; set; } = [];
    public DateOnly? RankListCertifiedOn { get; set; }
    public int? ProgramsRanked { get; set; }
    public CycleOutcome? Outcome { get; set; }
    public string? MatchedProgram { get; set; }
    public DateTimeOffset? ConcludedAt { get; set; }
}

/// <summary>All seasons of a candidate side by side, for reapplicants.</summary>
public sealed class CyclesSideBySide
{
    public Guid Id { get; set; }
    public List<CycleView> Cycles { get; set; } = [];
    public Evidence Evidence { get; set; } = new();
    public double? LatestPMatch { get; set; }
    public int? LatestRecommended { get; set; }

    public CycleView? Cycle(int season) => Cycles.Find(c => c.Season == season);
}

public partial class CyclesSideBySideProjection : SingleStreamProjection<CyclesSideBySide, Guid>
{
    public CyclesSideBySide Create(CandidateFileOpened e) => new() { Id = e.CandidateId };

    public void Apply(ExamTaken e, CyclesSideBySide view) => view.Evidence.Apply(e);
    public void Apply(ExamResultCorrected e, CyclesSideBySide view) => view.Evidence.Apply(e);
    public void Apply(UsceAdded e, CyclesSideBySide view) => view.Evidence.Apply(e);
    public void Apply(LetterReceived e, CyclesSideBySide view) => view.Evidence.Apply(e);
    public void Apply(ResearchAdded e, CyclesSideBySide view) => view.Evidence.Apply(e);

    public void Apply(ProgramListRegenerated e, CyclesSideBySide view)
    {
        view.LatestPMatch = e.PMatch;
        view.LatestRecommended = e.RecommendedApplications;
    }

    public void Apply(ProgramListRegeneratedV1 e, CyclesSideBySide view) => Apply(ListRecording.Outlook(e), view);

    public void Apply(CycleStarted e, CyclesSideBySide view) => view.Cycles.Add(new CycleView
    {
        Season = e.Season,
        StartedAt = e.RecordedAt,
        FactsAtStart = view.Evidence.Facts(),
        PMatchAtStart = view.LatestPMatch,
        RecommendedAtStart = view.LatestRecommended,
    });

    public void Apply(ApplicationsSubmitted e, CyclesSideBySide view)
    {
        if (view.Cycle(e.Season) is not { } c) return;
        c.Applications += e.Count;
        c.ProgramCodesKnown += e.ProgramCodes.Count;
        c.SubmittedOn ??= e.SubmittedOn;
    }

    public void Apply(InterviewInvited e, CyclesSideBySide view) => view.Cycle(e.Season)?.Interviews.Add(e.ProgramCode);

    public void Apply(RankListCertified e, CyclesSideBySide view)
    {
        if (view.Cycle(e.Season) is not { } c) return;
        c.RankListCertifiedOn = e.CertifiedOn;
        c.ProgramsRanked = e.ProgramsRanked;
    }

    public void Apply(CycleMatched e, CyclesSideBySide view)
    {
        if (view.Cycle(e.Season) is not { } c) return;
        c.Outcome = CycleOutcome.Matched;
        c.MatchedProgram = e.ProgramCode;
        c.ConcludedAt = e.RecordedAt;
    }

    public void Apply(CycleUnmatched e, CyclesSideBySide view)
    {
        if (view.Cycle(e.Season) is not { } c) return;
        c.Outcome = CycleOutcome.Unmatched;
        c.ConcludedAt = e.RecordedAt;
    }
}
