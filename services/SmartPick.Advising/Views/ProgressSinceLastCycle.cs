using Marten.Events.Aggregation;
using SmartPick.Advising.CandidateFiles;
using SmartPick.Advising.Lists;
using SmartPick.Matching.Model;

namespace SmartPick.Advising.Views;

/// <summary>
/// For a reapplicant: what improved since the last season ended (scores, Step 3, hands-on USCE, US
/// letters, research), what the engine's advice still asks for, and the estimated chance then and now.
/// "Then" is the evidence and the list's P(match) at the moment the last season's outcome was recorded.
/// </summary>
public sealed class ProgressSinceLastCycle
{
    public Guid Id { get; set; }
    public int? LastSeason { get; set; }
    public CycleOutcome? LastOutcome { get; set; }
    public EvidenceFacts? Then { get; set; }
    public EvidenceFacts Now { get; set; } = EvidenceFacts.None;
    public double? PMatchThen { get; set; }
    public double? PMatchNow { get; set; }
    public List<Improvement> Improved { get; set; } = [];
    public List<ListedAdvice> StillMissing { get; set; } = [];
    public List<string> RiskFactors { get; set; } = [];
    public Evidence Evidence { get; set; } = new();

    public void Refresh()
    {
        Now = Evidence.Facts();
        Improved = Then is null ? [] : [.. EvidenceFacts.Improvements(Then, Now)];
    }
}

public partial class ProgressSinceLastCycleProjection : SingleStreamProjection<ProgressSinceLastCycle, Guid>
{
    public ProgressSinceLastCycle Create(CandidateFileOpened e) => new() { Id = e.CandidateId };

    public void Apply(ExamTaken e, ProgressSinceLastCycle view) { view.Evidence.Apply(e); view.Refresh(); }
    public void Apply(ExamResultCorrected e, ProgressSinceLastCycle view) { view.Evidence.Apply(e); view.Refresh(); }
    public void Apply(UsceAdded e, ProgressSinceLastCycle view) { view.Evidence.Apply(e); view.Refresh(); }
    public void Apply(LetterReceived e, ProgressSinceLastCycle view) { view.Evidence.Apply(e); view.Refresh(); }
    public void Apply(ResearchAdded e, ProgressSinceLastCycle view) { view.Evidence.Apply(e); view.Refresh(); }

    public void Apply(ProgramListRegenerated e, ProgressSinceLastCycle view)
    {
        view.PMatchNow = e.PMatch;
        view.StillMissing = [.. e.Advice];
        view.RiskFactors = [.. e.RiskFactors];
    }

    public void Apply(ProgramListRegeneratedV1 e, ProgressSinceLastCycle view) => Apply(ListRecording.Outlook(e), view);

    public void Apply(CycleMatched e, ProgressSinceLastCycle view) => Conclude(view, e.Season, CycleOutcome.Matched);
    public void Apply(CycleUnmatched e, ProgressSinceLastCycle view) => Conclude(view, e.Season, CycleOutcome.Unmatched);

    private static void Conclude(ProgressSinceLastCycle view, int season, CycleOutcome outcome)
    {
        view.LastSeason = season;
        view.LastOutcome = outcome;
        view.Then = view.Evidence.Facts();
        view.PMatchThen = view.PMatchNow;
        view.Refresh();
    }
}
