using SmartPick.Contracts;
using System.Globalization;
using Marten.Events.Aggregation;
using SmartPick.Advising.CandidateFiles;
using SmartPick.Advising.Lists;
using SmartPick.Matching.Model;

namespace SmartPick.Advising.Views;

/// <summary>
/// One line of a candidate's history: when, what (the fact's snake_case name), a sentence, and who recorded it.
/// <see cref="Programs"/> are the program codes the sentence names, so a page can put the programs' names beside them.
/// </summary>
public sealed record TimelineEntry(DateTimeOffset At, string Kind, string Summary, RecordedBy RecordedBy)
{
    public IReadOnlyList<string>? Programs { get; init; }
}

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
        Entries = [Entry(e, e.RecordedAt, e.RecordedBy, $"File opened for {e.Name}, targeting {SpecialtyNames(e.TargetSpecialties)}")],
    };

    public void Apply(PreferencesChanged e, Timeline t) => t.Entries.Add(Entry(e, e.RecordedAt, e.RecordedBy,
        $"Preferences changed: targets {SpecialtyNames(e.TargetSpecialties)}" + (e.ApplicationBudget is { } b ? $", budget {b} applications" : "")));

    public void Apply(StrategyChosen e, Timeline t) => t.Entries.Add(Entry(e, e.RecordedAt, e.RecordedBy,
        e.ToChoices().IsEmpty ? "Application plan: the advisor's choices cleared"
            : "Application plan: " + string.Join("; ", new[]
            {
                e.PinnedSignals.Count > 0 ? $"signals kept at {string.Join(", ", e.PinnedSignals.Select(p => p.ProgramCode))}" : null,
                e.ForbiddenSignals.Count > 0 ? $"no signal at {string.Join(", ", e.ForbiddenSignals)}" : null,
                e.PinnedRegions.Count > 0 ? $"divisions named: {string.Join(", ", e.PinnedRegions.Select(DivisionName))}" : null,
                e.ForbiddenRegions.Count > 0 ? $"divisions never named: {string.Join(", ", e.ForbiddenRegions.Select(DivisionName))}" : null,
            }.Where(x => x is not null))) with { Programs = [.. e.PinnedSignals.Select(p => p.ProgramCode), .. e.ForbiddenSignals] });

    private static string DivisionName(string key) => SmartPick.Matching.Strategy.CensusDivisions.ByKey(key)?.Name ?? key;

    public void Apply(ExamTaken e, Timeline t) => t.Entries.Add(Entry(e, e.RecordedAt, e.RecordedBy,
        $"{ExamName(e.Exam)} attempt {e.Attempt} on {e.TakenOn:yyyy-MM-dd}: {Result(e.Score, e.Passed)}"));

    public void Apply(ExamResultCorrected e, Timeline t) => t.Entries.Add(Entry(e, e.RecordedAt, e.RecordedBy,
        $"Correction: exam result set to {Result(e.Score, e.Passed)} (attempt {e.Attempt}); reason: {e.Reason}"));

    public void Apply(UsceAdded e, Timeline t) => t.Entries.Add(Entry(e, e.RecordedAt, e.RecordedBy,
        string.Create(Inv, $"{e.Months:0.##} month{(e.Months == 1 ? "" : "s")} of {UsceKindName(e.Kind)}") +
        (e.Specialty is null ? "" : $" in {SpecialtyName(e.Specialty)}") + $" at {e.Institution}" + (e.State is null ? "" : $" ({e.State})")));

    public void Apply(LetterReceived e, Timeline t) => t.Entries.Add(Entry(e, e.RecordedAt, e.RecordedBy,
        (e.Strength is { } s ? $"{Capital(Words(s.ToString()))} letter" : "Letter") + $" from a {(e.Us ? "US" : "non-US")} " +
        (e.WriterRole is null ? "physician" : Words(e.WriterRole)) + (e.Specialty is null ? "" : $" in {SpecialtyName(e.Specialty)}")));

    public void Apply(ResearchAdded e, Timeline t) => t.Entries.Add(Entry(e, e.RecordedAt, e.RecordedBy,
        $"{ResearchKindName(e.Kind)} added" + (e.UsCollaborators ? " with US collaborators" : "") + (e.Title is null ? "" : $": {e.Title}")));

    public void Apply(CycleStarted e, Timeline t) => t.Entries.Add(Entry(e, e.RecordedAt, e.RecordedBy, $"Season {e.Season} started"));

    public void Apply(ApplicationsSubmitted e, Timeline t) => t.Entries.Add(Entry(e, e.RecordedAt, e.RecordedBy,
        $"{e.Count} applications submitted for {e.Season}") with { Programs = e.ProgramCodes.Count is > 0 and <= 20 ? e.ProgramCodes : null });

    public void Apply(InterviewInvited e, Timeline t) => t.Entries.Add(Entry(e, e.RecordedAt, e.RecordedBy,
        $"Interview invitation from {e.ProgramCode} ({e.Season})") with { Programs = [e.ProgramCode] });

    public void Apply(RankListCertified e, Timeline t) => t.Entries.Add(Entry(e, e.RecordedAt, e.RecordedBy,
        $"Rank list certified for {e.Season}" + (e.ProgramsRanked is { } n ? $" ({n} programs)" : "")));

    public void Apply(CycleMatched e, Timeline t) => t.Entries.Add(Entry(e, e.RecordedAt, e.RecordedBy, $"Matched at {e.ProgramCode} ({e.Season})") with { Programs = [e.ProgramCode] });

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
        $"Email reminder sent: {NudgeName(e.Kind)} for the {e.Season} Match, {OffsetWords(e.Offset)}"));

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

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string SpecialtyName(string key) => Specialties.ByKey(key)?.Name ?? Words(key);

    private static string SpecialtyNames(IEnumerable<string> keys) => string.Join(", ", ProfileFieldRules.Named(keys).Select(SpecialtyName));

    private static string UsceKindName(UsceKind kind) => kind switch
    {
        UsceKind.HandsOn => "hands-on US clinical experience",
        UsceKind.Externship => "externship",
        UsceKind.SubInternship => "sub-internship",
        UsceKind.Observership => "observership",
        _ => "clinical research",
    };

    private static string ResearchKindName(string kind) => kind switch
    {
        "qi" => "Quality-improvement project",
        "case_report" => "Case report",
        "research" => "Research project",
        _ => Capital(Words(kind)),
    };

    private static string NudgeName(string kind) => kind switch
    {
        "reapplication" => "reapplication reminder",
        "rank-list" => "rank list reminder",
        _ => Words(kind),
    };

    /// <summary>"30d" as "30 days before the date".</summary>
    private static string OffsetWords(string offset) =>
        offset.EndsWith('d') && int.TryParse(offset[..^1], NumberStyles.Integer, Inv, out var days)
            ? $"{days} day{(days == 1 ? "" : "s")} before the date"
            : offset;
}
