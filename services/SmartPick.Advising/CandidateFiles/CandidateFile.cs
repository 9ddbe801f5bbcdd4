using SmartPick.Matching.Model;

namespace SmartPick.Advising.CandidateFiles;

/// <summary>
/// What the decisions about a candidate file need to know, rebuilt from its events (decider state). It is
/// only ever changed by its own Apply methods; a command handler never touches it.
/// </summary>
public sealed class CandidateFile
{
    public Guid Id { get; set; }
    public bool Archived { get; set; }
    public VisaNeed? VisaNeed { get; set; }
    public List<string> TargetSpecialties { get; set; } = [];
    public List<string> PreferredStates { get; set; } = [];
    public List<string> AvoidedStates { get; set; } = [];
    public int? ApplicationBudget { get; set; }
    public decimal? BudgetDollars { get; set; }
    public List<RecordedExam> Exams { get; set; } = [];
    public List<CycleState> Cycles { get; set; } = [];
    /// <summary>What the advisor fixed of the application plan.</summary>
    public SmartPick.Matching.Model.StrategyChoices Strategy { get; set; } = SmartPick.Matching.Model.StrategyChoices.None;

    public static CandidateFile Create(CandidateFileOpened e) => new()
    {
        Id = e.CandidateId,
        VisaNeed = e.VisaNeed,
        TargetSpecialties = ProfileFieldRules.Named(e.TargetSpecialties),
        PreferredStates = [.. e.PreferredStates],
        AvoidedStates = [.. e.AvoidedStates],
        ApplicationBudget = e.ApplicationBudget,
        BudgetDollars = e.BudgetDollars,
    };

    public void Apply(PreferencesChanged e)
    {
        VisaNeed = e.VisaNeed;
        TargetSpecialties = ProfileFieldRules.Named(e.TargetSpecialties);
        PreferredStates = [.. e.PreferredStates];
        AvoidedStates = [.. e.AvoidedStates];
        ApplicationBudget = e.ApplicationBudget;
        BudgetDollars = e.BudgetDollars;
    }

    public void Apply(StrategyChosen e) => Strategy = e.ToChoices();

    public void Apply(ExamTaken e) => Exams.Add(new RecordedExam(e.ExamId, e.Exam, e.Score, e.Passed, e.Attempt, e.TakenOn));

    public void Apply(ExamResultCorrected e)
    {
        var i = Exams.FindIndex(x => x.ExamId == e.ExamId);
        if (i >= 0) Exams[i] = Exams[i] with { Score = e.Score, Passed = e.Passed, Attempt = e.Attempt, TakenOn = e.TakenOn };
    }

    public void Apply(CycleStarted e) => Cycles.Add(new CycleState { Season = e.Season });

    public void Apply(ApplicationsSubmitted e) => Cycle(e.Season)?.ApplicationsSubmitted = true;

    public void Apply(InterviewInvited e)
    {
        var cycle = Cycle(e.Season);
        if (cycle is not null) cycle.Interviews++;
    }

    public void Apply(RankListCertified e) => Cycle(e.Season)?.RankListCertified = true;

    public void Apply(CycleMatched e) => Cycle(e.Season)?.Outcome = CycleOutcome.Matched;

    public void Apply(CycleUnmatched e) => Cycle(e.Season)?.Outcome = CycleOutcome.Unmatched;

    public void Apply(CandidateFileArchived e) => Archived = true;

    public CycleState? Cycle(int season) => Cycles.Find(c => c.Season == season);

    /// <summary>The season in progress (started, no outcome yet), if any.</summary>
    public CycleState? OpenCycle => Cycles.Find(c => c.Outcome is null);
}

public sealed record RecordedExam(Guid ExamId, ExamKind Exam, int? Score, bool? Passed, int Attempt, DateOnly TakenOn);

/// <summary>Where one Match season stands for the candidate.</summary>
public sealed class CycleState
{
    public int Season { get; set; }
    public bool ApplicationsSubmitted { get; set; }
    public int Interviews { get; set; }
    public bool RankListCertified { get; set; }
    public CycleOutcome? Outcome { get; set; }
}
