using SmartPick.Contracts;
using System.Globalization;
using Marten.Events.Aggregation;
using SmartPick.Advising.CandidateFiles;
using SmartPick.Advising.Lists;
using SmartPick.Matching.Model;

namespace SmartPick.Advising.Views;

/// <summary>One line of a candidate's history: when, what (the fact's snake_case name), a sentence, and who recorded it.</summary>
public sealed record TimelineEntry(DateTimeOffset At, string Kind, string Summary, RecordedBy RecordedBy);

/// <summary>The candidate's history in the order it was recorded.</summary>
public sealed class Timeline
{
    public Guid Id { get; set; }
    public List<TimelineEntry> Entries { get; set; } = [];
}

public partial class TimelineProjection : SingleStreamProjection<Timeline, Guid>
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public Timeline Create(CandidateFileOpened e) => new()
    {
        Id = e.CandidateId,
        Entries = [Entry(e, e.RecordedAt, e.RecordedBy, $"File opened for {e.Name}, targeting {string.Join(", ", e.TargetSpecialties)}")],
    };

    public void Apply(PreferencesChanged e, Timeline t) => t.Entries.Add(Entry(e, e.RecordedAt, e.RecordedBy,
        $"Preferences changed: targets {string.Join(", ", e.TargetSpecialties)}" + (e.ApplicationBudget is { } b ? $", budget {b} applications" : "")));

    public void Apply(StrategyChosen e, Timeline t) => t.Entries.Add(Entry(e, e.RecordedAt, e.RecordedBy,
        e.ToChoices().IsEmpty ? "Application plan: the advisor's choices cleared"
            : "Application plan: " + string.Join("; ", new[]
            {
                e.PinnedSignals.Count > 0 ? $"signals kept at {string.Join(", ", e.PinnedSignals.Select(p => p.ProgramCode))}" : null,
                e.ForbiddenSignals.Count > 0 ? $"no signal at {string.Join(", ", e.ForbiddenSignals)}" : null,
                e.PinnedRegions.Count > 0 ? $"divisions named: {string.Join(", ", e.PinnedRegions.Select(DivisionName))}" : null,
                e.ForbiddenRegions.Count > 0 ? $"divisions never named: {string.Join(", ", e.ForbiddenRegions.Select(DivisionName))}" : null,
            }.Where(x => x is not null))));

    private static string DivisionName(string key) => SmartPick.Matching.Strategy.CensusDivisions.ByKey(key)?.Name ?? key;

    public void Apply(ExamTaken e, Timeline t) => t.Entries.Add(Entry(e, e.RecordedAt, e.RecordedBy,
        $"{ExamName(e.Exam)} attempt {e.Attempt} on {e.TakenOn:yyyy-MM-dd}: {Result(e.Score, e.Passed)}"));

    public void Apply(ExamResultCorrected e, Timeline t) => t.Entries.Add(Entry(e, e.RecordedAt, e.RecordedBy,
        $"Exam result corrected to {Result(e.Score, e.Passed)} (attempt {e.Attempt}): {e.Reason}"));

    public void Apply(UsceAdded e, Timeline t) => t.Entries.Add(Entry(e, e.RecordedAt, e.RecordedBy,
        string.Create(Inv, $"{e.Months:0.##} months of {Words(e.Kind.ToString())} USCE") +
        (e.Specialty is null ? "" : $" in {e.Specialty}") + $" at {e.Institution}" + (e.State is null ? "" : $" ({e.State})")));

    public void Apply(LetterReceived e, Timeline t) => t.Entries.Add(Entry(e, e.RecordedAt, e.RecordedBy,
        $"{(e.Us ? "US" : "Non-US")} letter" + (e.Strength is { } s ? $" ({Words(s.ToString())})" : "") +
        (e.WriterRole is null ? "" : $" from {e.WriterRole}") + (e.Specialty is null ? "" : $", {e.Specialty}")));

    public void Apply(ResearchAdded e, Timeline t) => t.Entries.Add(Entry(e, e.RecordedAt, e.RecordedBy,
        $"{e.Kind} added" + (e.UsCollaborators ? " with US collaborators" : "") + (e.Title is null ? "" : $": {e.Title}")));

    public void Apply(CycleStarted e, Timeline t) => t.Entries.Add(Entry(e, e.RecordedAt, e.RecordedBy, $"Season {e.Season} started"));

    public void Apply(ApplicationsSubmitted e, Timeline t) => t.Entries.Add(Entry(e, e.RecordedAt, e.RecordedBy,
        $"{e.Count} applications submitted for {e.Season}"));

    public void Apply(InterviewInvited e, Timeline t) => t.Entries.Add(Entry(e, e.RecordedAt, e.RecordedBy,
        $"Interview invitation from {e.ProgramCode} ({e.Season})"));

    public void Apply(RankListCertified e, Timeline t) => t.Entries.Add(Entry(e, e.RecordedAt, e.RecordedBy,
        $"Rank list certified for {e.Season}" + (e.ProgramsRanked is { } n ? $" ({n} programs)" : "")));

    public void Apply(CycleMatched e, Timeline t) => t.Entries.Add(Entry(e, e.RecordedAt, e.RecordedBy, $"Matched at {e.ProgramCode} ({e.Season})"));

    public void Apply(CycleUnmatched e, Timeline t) => t.Entries.Add(Entry(e, e.RecordedAt, e.RecordedBy, $"Unmatched in {e.Season}"));

    /// <summary>One line per list, whichever way it was stored, under the name lists always had (the programs are not read here).</summary>
    public void Apply(ProgramListRegenerated e, Timeline t) => t.Entries.Add(new TimelineEntry(e.RecordedAt, "program_list_regenerated",
        string.Create(Inv, $"List regenerated: {e.ProgramsListed} programs listed, estimated chance {Matching.Stages.Outlook.Percent(e.PMatch)} at {e.RecommendedApplications} applications"),
        e.RecordedBy));

    public void Apply(ProgramListRegeneratedV1 e, Timeline t) => Apply(ListRecording.Outlook(e), t);

    public void Apply(AdvisorNoteAdded e, Timeline t) => t.Entries.Add(Entry(e, e.RecordedAt, e.RecordedBy,
        e.Text.Length <= 200 ? e.Text : e.Text[..200] + "…"));

    public void Apply(CandidateFileArchived e, Timeline t) => t.Entries.Add(Entry(e, e.RecordedAt, e.RecordedBy,
        "File archived" + (e.Reason is null ? "" : $": {e.Reason}")));

    public void Apply(NudgeSent e, Timeline t) => t.Entries.Add(Entry(e, e.SentAt, RecordedBy.System,
        $"Email nudge sent: {e.Kind} for {e.Season} ({e.Offset})"));

    private static TimelineEntry Entry(object e, DateTimeOffset at, RecordedBy by, string summary)
        => new(at, AdvisingJson.SnakeCase(e.GetType().Name), summary, by);

    private static string ExamName(ExamKind exam) => exam switch
    {
        ExamKind.Step1 => "Step 1",
        ExamKind.Step2Ck => "Step 2 CK",
        _ => "Step 3",
    };

    private static string Result(int? score, bool? passed)
        => (score is { } s ? s.ToString(Inv) : "no score") + (passed switch { true => ", passed", false => ", failed", null => "" });

    private static string Words(string pascal) => AdvisingJson.SnakeCase(pascal).Replace('_', ' ');
}
