using SmartPick.Advising.CandidateFiles;
using SmartPick.Matching.Model;
using SmartPick.Web.Pages.Shared;

namespace SmartPick.Web.Pages.Candidates;

/// <summary>
/// The forms of a candidate file, one per kind of fact. Each turns typed text into the advising module's
/// command (reading errors only); the module's own validation and decision then judge the command.
/// <see cref="FieldOf"/> maps the module's JSON field paths onto the form's fields.
/// </summary>
public static class FileForms
{
    public static readonly IReadOnlyList<Choice> Exams = [new("Step1", "Step 1"), new("Step2Ck", "Step 2 CK"), new("Step3", "Step 3")];
    public static readonly IReadOnlyList<Choice> PassFail = [new("", "Not stated (judge by score)"), new("true", "Passed"), new("false", "Failed")];
    public static readonly IReadOnlyList<Choice> UsceKinds = Enum.GetValues<UsceKind>().Select(k => new Choice(k.ToString(), Display.Enum(k))).ToList();
    public static readonly IReadOnlyList<Choice> Strengths = [new("", "Not known"), .. Enum.GetValues<LetterStrength>().Select(k => new Choice(k.ToString(), k.ToString()))];
    public static readonly IReadOnlyList<Choice> ResearchKinds = AddResearch.Kinds.Order(StringComparer.Ordinal).Select(k => new Choice(k, Display.Words(k))).ToList();
    public static readonly IReadOnlyList<Choice> VisaNeeds = Enum.GetValues<VisaNeed>().Select(k => new Choice(k.ToString(), Display.Enum(k))).ToList();
    public static readonly IReadOnlyList<Choice> Outcomes = [new("unmatched", "Unmatched"), new("matched", "Matched")];
    public static IReadOnlyList<Choice> SpecialtyChoices => Specialties.All.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => new Choice(s.Key, s.Name)).ToList();
    public static IReadOnlyList<Choice> StateChoices => UsStates.All.Order(StringComparer.Ordinal).Select(s => new Choice(s, s)).ToList();

    public static IReadOnlyDictionary<string, string> FieldOf(string form) => form switch
    {
        "exam" => new Dictionary<string, string>
        {
            ["exam"] = "exam.Kind", ["exam.exam"] = "exam.Kind", ["exam.score"] = "exam.Score", ["exam.passed"] = "exam.Passed",
            ["exam.attempt"] = "exam.Attempt", ["taken_on"] = "exam.TakenOn",
        },
        "usce" => new Dictionary<string, string>
        {
            ["usce"] = "usce.Kind", ["usce.kind"] = "usce.Kind", ["usce.specialty"] = "usce.Specialty", ["usce.state"] = "usce.State",
            ["usce.months"] = "usce.Months", ["institution"] = "usce.Institution", ["started_on"] = "usce.StartedOn", ["ended_on"] = "usce.EndedOn",
        },
        "letter" => new Dictionary<string, string>
        {
            ["letter"] = "letter.WriterRole", ["letter.specialty"] = "letter.Specialty", ["letter.writer_role"] = "letter.WriterRole",
            ["letter.strength"] = "letter.Strength", ["received_on"] = "letter.ReceivedOn",
        },
        "research" => new Dictionary<string, string> { ["research"] = "research.Kind", ["research.kind"] = "research.Kind", ["title"] = "research.Title" },
        "preferences" => new Dictionary<string, string>
        {
            ["visa_need"] = "prefs.VisaNeed", ["target_specialties"] = "prefs.TargetSpecialties", ["preferred_states"] = "prefs.PreferredStates",
            ["avoided_states"] = "prefs.AvoidedStates", ["budget.applications"] = "prefs.Budget", ["preferences"] = "prefs.TargetSpecialties",
            ["budget.dollars"] = "prefs.BudgetUsd", ["budget"] = "prefs.Budget",
        },
        "strategy" => new Dictionary<string, string>
        {
            ["pinned_signals"] = "strategy.PinnedSignals", ["pinned_signals.program_code"] = "strategy.PinnedSignals",
            ["pinned_signals.kind"] = "strategy.PinnedSignals", ["forbidden_signals"] = "strategy.ForbiddenSignals",
            ["pinned_regions"] = "strategy.PinnedRegions", ["forbidden_regions"] = "strategy.ForbiddenRegions",
        },
        "note" => new Dictionary<string, string> { ["text"] = "note.Text" },
        "correction" => new Dictionary<string, string>
        {
            ["score"] = "correction.Score", ["attempt"] = "correction.Attempt", ["taken_on"] = "correction.TakenOn", ["reason"] = "correction.Reason",
            ["correction"] = "correction.ExamId", ["correction.score"] = "correction.Score", ["correction.passed"] = "correction.Passed",
            ["correction.attempt"] = "correction.Attempt",
        },
        "archive" => new Dictionary<string, string> { ["reason"] = "archive.Reason" },
        "cycle" => new Dictionary<string, string> { ["season"] = "cycle.Season" },
        "applications" => new Dictionary<string, string> { ["count"] = "apps.Count", ["submitted_on"] = "apps.SubmittedOn", ["program_codes"] = "apps.Count" },
        "interview" => new Dictionary<string, string> { ["program_code"] = "interview.ProgramCode", ["invited_on"] = "interview.InvitedOn" },
        "ranklist" => new Dictionary<string, string> { ["programs_ranked"] = "ranklist.ProgramsRanked", ["certified_on"] = "ranklist.CertifiedOn" },
        "outcome" => new Dictionary<string, string> { ["outcome"] = "outcome.Outcome", ["program_code"] = "outcome.ProgramCode" },
        _ => new Dictionary<string, string>(),
    };
}

public sealed class ExamForm
{
    public string? Kind { get; set; } = "Step2Ck";
    public string? Score { get; set; }
    public string? Passed { get; set; }
    public string? Attempt { get; set; }
    public string? TakenOn { get; set; }

    public RecordExam ToCommand(FormErrors e)
    {
        var kind = FormParse.Enum<ExamKind>(e, "exam.Kind", Kind, "Exam");
        if (kind is null && !e.Has("exam.Kind")) e.Add("exam.Kind", "Choose the exam.");
        var score = FormParse.Int(e, "exam.Score", Score, "Score");
        var attempt = FormParse.Int(e, "exam.Attempt", Attempt, "Attempt");
        var takenOn = FormParse.Date(e, "exam.TakenOn", TakenOn, "Date taken");
        var passed = FormParse.PassFail(e, "exam.Passed", Passed, "Result");
        return new RecordExam(kind is { } k ? new ExamResult(k, score, passed, attempt ?? 1) : null, takenOn);
    }
}

public sealed class UsceForm
{
    public string? Kind { get; set; } = nameof(UsceKind.HandsOn);
    public string? Specialty { get; set; }
    public string? Months { get; set; }
    public string? Institution { get; set; }
    public string? State { get; set; }
    public string? StartedOn { get; set; }
    public string? EndedOn { get; set; }

    public AddUsce ToCommand(FormErrors e)
    {
        var kind = FormParse.Enum<UsceKind>(e, "usce.Kind", Kind, "Kind");
        var months = FormParse.Dec(e, "usce.Months", Months, "Months");
        if (months is null && !e.Has("usce.Months")) e.Add("usce.Months", "Enter the number of months.");
        return new AddUsce(kind is { } k && months is { } m ? new UsceItem(k, FormParse.Text(Specialty), m, FormParse.Text(State)) : null,
            Institution, FormParse.Date(e, "usce.StartedOn", StartedOn, "Start date"), FormParse.Date(e, "usce.EndedOn", EndedOn, "End date"));
    }
}

public sealed class LetterForm
{
    public bool Us { get; set; } = true;
    public string? WriterRole { get; set; }
    public string? Specialty { get; set; }
    public string? Strength { get; set; }
    public string? ReceivedOn { get; set; }

    public RecordLetter ToCommand(FormErrors e) => new(
        new LetterItem(Us, FormParse.Text(Specialty), FormParse.Text(WriterRole), FormParse.Enum<LetterStrength>(e, "letter.Strength", Strength, "Strength")),
        FormParse.Date(e, "letter.ReceivedOn", ReceivedOn, "Date received"));
}

public sealed class ResearchForm
{
    public string? Kind { get; set; } = "publication";
    public bool UsCollaborators { get; set; }
    public string? Title { get; set; }

    public AddResearch ToCommand(FormErrors e) => new(new ResearchItem(Kind ?? "", UsCollaborators), FormParse.Text(Title));
}

public sealed class PreferencesForm
{
    public string? VisaNeed { get; set; }
    public List<string> TargetSpecialties { get; set; } = [];
    public string? PreferredStates { get; set; }
    public string? AvoidedStates { get; set; }
    public string? Budget { get; set; }
    public string? BudgetUsd { get; set; }

    public ChangePreferences ToCommand(FormErrors e)
    {
        var budget = FormParse.Int(e, "prefs.Budget", Budget, "Budget");
        var dollars = FormParse.Dec(e, "prefs.BudgetUsd", BudgetUsd?.Replace(",", "", StringComparison.Ordinal).Trim().TrimStart('$'), "Money to spend");
        return new ChangePreferences(FormParse.Enum<VisaNeed>(e, "prefs.VisaNeed", VisaNeed, "Visa"),
            TargetSpecialties.Count == 0 ? null : TargetSpecialties,
            FormParse.Codes(PreferredStates), FormParse.Codes(AvoidedStates),
            budget is null && dollars is null ? null : new Budget(budget, dollars));
    }
}

public sealed class NoteForm
{
    public string? Text { get; set; }
    public AddAdvisorNote ToCommand(FormErrors e) => new(Text);
}

public sealed class CycleForm
{
    public string? Season { get; set; }
    public StartCycle ToCommand(FormErrors e)
    {
        var season = FormParse.Int(e, "cycle.Season", Season, "Season");
        if (season is null && !e.Has("cycle.Season")) e.Add("cycle.Season", "Enter the Match year, such as 2027.");
        return new StartCycle(season);
    }
}

public sealed class ApplicationsForm
{
    public string? Count { get; set; }
    public string? SubmittedOn { get; set; }
    public SubmitApplications ToCommand(FormErrors e) =>
        new(FormParse.Int(e, "apps.Count", Count, "Count"), null, FormParse.Date(e, "apps.SubmittedOn", SubmittedOn, "Date submitted"));
}

public sealed class InterviewForm
{
    public string? ProgramCode { get; set; }
    public string? InvitedOn { get; set; }
    public RecordInterviewInvite ToCommand(FormErrors e) =>
        new(FormParse.Text(ProgramCode), FormParse.Date(e, "interview.InvitedOn", InvitedOn, "Date invited"));
}

public sealed class RankListForm
{
    public string? ProgramsRanked { get; set; }
    public string? CertifiedOn { get; set; }
    public CertifyRankList ToCommand(FormErrors e) =>
        new(FormParse.Int(e, "ranklist.ProgramsRanked", ProgramsRanked, "Programs ranked"), FormParse.Date(e, "ranklist.CertifiedOn", CertifiedOn, "Date certified"));
}

public sealed class OutcomeForm
{
    public string? Outcome { get; set; } = "unmatched";
    public string? ProgramCode { get; set; }
    public RecordCycleOutcome ToCommand(FormErrors e) => new(Outcome, FormParse.Text(ProgramCode));
}

/// <summary>
/// The advisor's choices for the application plan as typed: program codes to signal ("1484140C0:gold" for a gold
/// signal, else the best kind left) and never to signal, census divisions to name and never to name.
/// </summary>
public sealed class StrategyForm
{
    public string? PinnedSignals { get; set; }
    public string? ForbiddenSignals { get; set; }
    public List<string> PinnedRegions { get; set; } = [];
    public List<string> ForbiddenRegions { get; set; } = [];

    public static StrategyForm Of(SmartPick.Matching.Model.StrategyChoices c) => new()
    {
        PinnedSignals = string.Join(", ", c.PinnedSignals.Select(p => p.Kind is { } k ? $"{p.ProgramCode}:{k.ToString().ToLowerInvariant()}" : p.ProgramCode)),
        ForbiddenSignals = string.Join(", ", c.ForbiddenSignals),
        PinnedRegions = [.. c.PinnedRegions],
        ForbiddenRegions = [.. c.ForbiddenRegions],
    };

    public ChooseStrategy ToCommand(FormErrors e)
    {
        var pinned = new List<SmartPick.Matching.Model.PinnedSignal>();
        foreach (var item in (PinnedSignals ?? "").Split([',', ' ', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = item.Split(':', 2, StringSplitOptions.TrimEntries);
            SmartPick.Matching.Model.SignalKind? kind = null;
            if (parts.Length == 2)
            {
                kind = parts[1].ToLowerInvariant() switch
                {
                    "gold" => SmartPick.Matching.Model.SignalKind.Gold,
                    "silver" => SmartPick.Matching.Model.SignalKind.Silver,
                    _ => null,
                };
                if (kind is null) e.Add("strategy.PinnedSignals", $"'{item}': write gold or silver after the colon, or leave the kind out.");
            }
            pinned.Add(new SmartPick.Matching.Model.PinnedSignal(parts[0].ToUpperInvariant(), kind));
        }
        return new ChooseStrategy(pinned, FormParse.Codes(ForbiddenSignals), PinnedRegions, ForbiddenRegions);
    }
}

/// <summary>A correction of a recorded exam result: which result, the corrected values (empty keeps the recorded one) and why.</summary>
public sealed class CorrectionForm
{
    public string? ExamId { get; set; }
    public string? Score { get; set; }
    public string? Passed { get; set; }
    public string? Attempt { get; set; }
    public string? TakenOn { get; set; }
    public string? Reason { get; set; }

    public static readonly IReadOnlyList<Choice> PassedChoices =
        [new("", "As recorded (a new score decides)"), new("true", "Passed"), new("false", "Failed")];

    /// <summary>The file's recorded results as choices, named as people read them.</summary>
    public static IReadOnlyList<Choice> ExamChoices(IEnumerable<ExamView> exams) => exams
        .OrderBy(x => x.Exam).ThenBy(x => x.Attempt)
        .Select(x => new Choice(x.ExamId.ToString(), $"{Display.Enum(x.Exam)}, attempt {x.Attempt}: "
            + (x.Score is { } score ? score.ToString(System.Globalization.CultureInfo.InvariantCulture) : x.Passed switch { true => "passed", false => "failed", null => "no result" })
            + $" ({Display.Date(x.TakenOn)})" + (x.Corrected ? ", corrected before" : "")))
        .ToList();

    public CorrectExamResult ToCommand(FormErrors e)
    {
        Guid examId = default;
        if (string.IsNullOrWhiteSpace(ExamId) || !Guid.TryParse(ExamId, out examId)) e.Add("correction.ExamId", "Choose the result to correct.");
        var score = FormParse.Int(e, "correction.Score", Score, "Score");
        var attempt = FormParse.Int(e, "correction.Attempt", Attempt, "Attempt");
        var takenOn = FormParse.Date(e, "correction.TakenOn", TakenOn, "Date taken");
        if (string.IsNullOrWhiteSpace(Reason)) e.Add("correction.Reason", "Say why the result is corrected (a typo, a re-scored exam…).");
        var passed = FormParse.PassFail(e, "correction.Passed", Passed, "Result");
        return new CorrectExamResult(score, passed, attempt, takenOn, Reason) { ExamId = examId };
    }
}

/// <summary>Archiving a file: an optional reason and a ticked confirmation, since nothing can be recorded afterwards.</summary>
public sealed class ArchiveForm
{
    public string? Reason { get; set; }
    public bool Confirm { get; set; }

    public ArchiveCandidateFile ToCommand(FormErrors e)
    {
        if (!Confirm) e.Add("archive.Confirm", "Tick the box to confirm: an archived file can be read but not changed.");
        return new ArchiveCandidateFile(Reason);
    }
}
