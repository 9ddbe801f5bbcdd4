using Marten.Events.Aggregation;
using SmartPick.Advising.CandidateFiles;
using SmartPick.Matching.Model;

namespace SmartPick.Advising.CandidateFiles;

public sealed class CycleSummary
{
    public int Season { get; set; }
    public CycleOutcome? Outcome { get; set; }
    public int Interviews { get; set; }
}

/// <summary>
/// Everything recorded about a candidate, current as of the last event; it turns into the engine's
/// <see cref="CandidateProfile"/> with <see cref="ToEngineProfile"/>.
/// </summary>
public sealed class CandidateProfileView
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public string MedicalSchoolCountry { get; set; } = "";
    public ImgType? ImgType { get; set; }
    public VisaNeed? VisaNeed { get; set; }
    public int? YearOfGraduation { get; set; }
    public List<string> TargetSpecialties { get; set; } = [];
    public List<string> PreferredStates { get; set; } = [];
    public List<string> AvoidedStates { get; set; } = [];
    public int? ApplicationBudget { get; set; }
    public decimal? BudgetDollars { get; set; }
    /// <summary>What the advisor fixed of the application plan (signals and census divisions).</summary>
    public SmartPick.Matching.Model.StrategyChoices Strategy { get; set; } = SmartPick.Matching.Model.StrategyChoices.None;
    public Evidence Evidence { get; set; } = new();
    public List<CycleSummary> Cycles { get; set; } = [];
    public bool Archived { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset LastRecordedAt { get; set; }

    /// <summary>
    /// The profile the engine ranks. The season is the one in progress, else <paramref name="defaultSeason"/>.
    /// Exams are unknown (not "none") until one is recorded; USCE, letters and research kept in the file
    /// are the whole truth, so an empty list means none.
    /// </summary>
    public CandidateProfile ToEngineProfile(int? defaultSeason = null) => new()
    {
        ImgType = ImgType,
        VisaNeed = VisaNeed,
        YearOfGraduation = YearOfGraduation,
        Season = Cycles.Find(c => c.Outcome is null)?.Season ?? defaultSeason,
        Exams = Evidence.Exams.OrderBy(x => x.Exam).ThenBy(x => x.Attempt)
            .Select(x => new ExamResult(x.Exam, x.Score, x.Passed, x.Attempt)).ToList(),
        Usce = Evidence.Usce.Select(x => new UsceItem(x.Kind, x.Specialty, x.Months, x.State)).ToList(),
        Letters = Evidence.Letters.Select(x => new LetterItem(x.Us, x.Specialty, x.WriterRole, x.Strength)).ToList(),
        Research = Evidence.Research.Select(x => new ResearchItem(x.Kind, x.UsCollaborators)).ToList(),
        TargetSpecialties = [.. TargetSpecialties],
        PreferredStates = [.. PreferredStates],
        AvoidedStates = [.. AvoidedStates],
        Budget = ApplicationBudget is null && BudgetDollars is null ? null : new Budget(ApplicationBudget, BudgetDollars),
        Strategy = Strategy,
        PreviousCycles = Cycles.Where(c => c.Outcome is not null)
            .Select(c => new PreviousCycle(c.Season, c.Outcome!.Value, c.Interviews)).ToList(),
        UnknownSections = Evidence.Exams.Count == 0 ? ProfileSections.Exams : ProfileSections.None,
    };
}

public partial class CandidateProfileProjection : SingleStreamProjection<CandidateProfileView, Guid>
{
    public CandidateProfileView Create(CandidateFileOpened e) => new()
    {
        Id = e.CandidateId,
        Name = e.Name,
        Email = e.Email,
        MedicalSchoolCountry = e.MedicalSchoolCountry,
        ImgType = e.ImgType,
        VisaNeed = e.VisaNeed,
        YearOfGraduation = e.YearOfGraduation,
        TargetSpecialties = ProfileFieldRules.Named(e.TargetSpecialties),
        PreferredStates = [.. e.PreferredStates],
        AvoidedStates = [.. e.AvoidedStates],
        ApplicationBudget = e.ApplicationBudget,
        BudgetDollars = e.BudgetDollars,
        OpenedAt = e.RecordedAt,
        LastRecordedAt = e.RecordedAt,
    };

    public void Apply(PreferencesChanged e, CandidateProfileView view)
    {
        view.VisaNeed = e.VisaNeed;
        view.TargetSpecialties = ProfileFieldRules.Named(e.TargetSpecialties);
        view.PreferredStates = [.. e.PreferredStates];
        view.AvoidedStates = [.. e.AvoidedStates];
        view.ApplicationBudget = e.ApplicationBudget;
        view.BudgetDollars = e.BudgetDollars;
        view.LastRecordedAt = e.RecordedAt;
    }

    public void Apply(StrategyChosen e, CandidateProfileView view) { view.Strategy = e.ToChoices(); view.LastRecordedAt = e.RecordedAt; }
    public void Apply(ExamTaken e, CandidateProfileView view) { view.Evidence.Apply(e); view.LastRecordedAt = e.RecordedAt; }
    public void Apply(ExamResultCorrected e, CandidateProfileView view) { view.Evidence.Apply(e); view.LastRecordedAt = e.RecordedAt; }
    public void Apply(UsceAdded e, CandidateProfileView view) { view.Evidence.Apply(e); view.LastRecordedAt = e.RecordedAt; }
    public void Apply(LetterReceived e, CandidateProfileView view) { view.Evidence.Apply(e); view.LastRecordedAt = e.RecordedAt; }
    public void Apply(ResearchAdded e, CandidateProfileView view) { view.Evidence.Apply(e); view.LastRecordedAt = e.RecordedAt; }

    public void Apply(CycleStarted e, CandidateProfileView view)
    {
        view.Cycles.Add(new CycleSummary { Season = e.Season });
        view.LastRecordedAt = e.RecordedAt;
    }

    public void Apply(InterviewInvited e, CandidateProfileView view)
    {
        var cycle = view.Cycles.Find(c => c.Season == e.Season);
        if (cycle is not null) cycle.Interviews++;
        view.LastRecordedAt = e.RecordedAt;
    }

    public void Apply(CycleMatched e, CandidateProfileView view) => Conclude(view, e.Season, CycleOutcome.Matched, e.RecordedAt);
    public void Apply(CycleUnmatched e, CandidateProfileView view) => Conclude(view, e.Season, CycleOutcome.Unmatched, e.RecordedAt);

    public void Apply(CandidateFileArchived e, CandidateProfileView view) { view.Archived = true; view.LastRecordedAt = e.RecordedAt; }

    private static void Conclude(CandidateProfileView view, int season, CycleOutcome outcome, DateTimeOffset at)
    {
        var cycle = view.Cycles.Find(c => c.Season == season);
        if (cycle is not null) cycle.Outcome = outcome;
        view.LastRecordedAt = at;
    }
}
