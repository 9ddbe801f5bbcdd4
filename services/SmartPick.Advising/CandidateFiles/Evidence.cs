using SmartPick.Advising.CandidateFiles;
using SmartPick.Matching.Model;

namespace SmartPick.Advising.CandidateFiles;

public sealed class ExamView
{
    public Guid ExamId { get; set; }
    public ExamKind Exam { get; set; }
    public int? Score { get; set; }
    public bool? Passed { get; set; }
    public int Attempt { get; set; }
    public DateOnly TakenOn { get; set; }
    public bool Corrected { get; set; }
}

public sealed class UsceView
{
    public Guid UsceId { get; set; }
    public UsceKind Kind { get; set; }
    public string? Specialty { get; set; }
    public string Institution { get; set; } = "";
    public string? State { get; set; }
    public decimal Months { get; set; }
    public DateOnly? StartedOn { get; set; }
    public DateOnly? EndedOn { get; set; }
}

public sealed class LetterView
{
    public Guid LetterId { get; set; }
    public string? WriterRole { get; set; }
    public bool Us { get; set; }
    public string? Specialty { get; set; }
    public LetterStrength? Strength { get; set; }
    public DateOnly? ReceivedOn { get; set; }
}

public sealed class ResearchView
{
    public Guid ResearchId { get; set; }
    public string Kind { get; set; } = "";
    public bool UsCollaborators { get; set; }
    public string? Title { get; set; }
}

/// <summary>
/// The evidence part of a file (exams, USCE, letters, research) as several views need it; evolved by the
/// same events everywhere so every view agrees on it.
/// </summary>
public sealed class Evidence
{
    public List<ExamView> Exams { get; set; } = [];
    public List<UsceView> Usce { get; set; } = [];
    public List<LetterView> Letters { get; set; } = [];
    public List<ResearchView> Research { get; set; } = [];

    public void Apply(ExamTaken e) => Exams.Add(new ExamView
    {
        ExamId = e.ExamId, Exam = e.Exam, Score = e.Score, Passed = e.Passed, Attempt = e.Attempt, TakenOn = e.TakenOn,
    });

    public void Apply(ExamResultCorrected e)
    {
        var exam = Exams.Find(x => x.ExamId == e.ExamId);
        if (exam is null) return;
        exam.Score = e.Score;
        exam.Passed = e.Passed;
        exam.Attempt = e.Attempt;
        exam.TakenOn = e.TakenOn;
        exam.Corrected = true;
    }

    public void Apply(UsceAdded e) => Usce.Add(new UsceView
    {
        UsceId = e.UsceId, Kind = e.Kind, Specialty = e.Specialty, Institution = e.Institution, State = e.State,
        Months = e.Months, StartedOn = e.StartedOn, EndedOn = e.EndedOn,
    });

    public void Apply(LetterReceived e) => Letters.Add(new LetterView
    {
        LetterId = e.LetterId, WriterRole = e.WriterRole, Us = e.Us, Specialty = e.Specialty, Strength = e.Strength, ReceivedOn = e.ReceivedOn,
    });

    public void Apply(ResearchAdded e) => Research.Add(new ResearchView
    {
        ResearchId = e.ResearchId, Kind = e.Kind, UsCollaborators = e.UsCollaborators, Title = e.Title,
    });

    public EvidenceFacts Facts() => EvidenceFacts.From(this);

    public Evidence Copy() => new()
    {
        Exams = Exams.Select(x => new ExamView { ExamId = x.ExamId, Exam = x.Exam, Score = x.Score, Passed = x.Passed, Attempt = x.Attempt, TakenOn = x.TakenOn, Corrected = x.Corrected }).ToList(),
        Usce = [.. Usce],
        Letters = [.. Letters],
        Research = [.. Research],
    };
}

/// <summary>The strength of a file in the few numbers that decide a list, for "then versus now" comparisons.</summary>
public sealed record EvidenceFacts(
    int? Step1Score,
    bool? Step1Passed,
    int Step1Failures,
    int? Step2CkScore,
    int Step2CkAttempts,
    bool Step3Passed,
    decimal HandsOnUsceMonths,
    decimal ObservershipMonths,
    int UsLetters,
    int StrongUsLetters,
    int ResearchItems,
    int ResearchWithUsCollaborators)
{
    public static readonly EvidenceFacts None = new(null, null, 0, null, 0, false, 0, 0, 0, 0, 0, 0);

    /// <summary>Hands-on kinds; observership and research-only clinical time count for little.</summary>
    public static bool IsHandsOn(UsceKind kind) => kind is UsceKind.HandsOn or UsceKind.Externship or UsceKind.SubInternship;

    public static EvidenceFacts From(Evidence e)
    {
        var step1 = e.Exams.Where(x => x.Exam == ExamKind.Step1).ToList();
        var step2 = e.Exams.Where(x => x.Exam == ExamKind.Step2Ck).ToList();
        var step3 = e.Exams.Where(x => x.Exam == ExamKind.Step3).ToList();
        return new EvidenceFacts(
            step1.Max(x => x.Score),
            step1.Count == 0 ? null : step1.Any(x => x.Passed == true),
            step1.Count(x => x.Passed == false),
            step2.Max(x => x.Score),
            step2.Count,
            step3.Any(x => x.Passed == true),
            e.Usce.Where(x => IsHandsOn(x.Kind)).Sum(x => x.Months),
            e.Usce.Where(x => x.Kind == UsceKind.Observership).Sum(x => x.Months),
            e.Letters.Count(x => x.Us),
            e.Letters.Count(x => x.Us && x.Strength == LetterStrength.Strong),
            e.Research.Count,
            e.Research.Count(x => x.UsCollaborators));
    }

    /// <summary>What got better from <paramref name="then"/> to <paramref name="now"/>, one line per fact.</summary>
    public static IReadOnlyList<Improvement> Improvements(EvidenceFacts then, EvidenceFacts now)
    {
        var list = new List<Improvement>();
        if (now.Step2CkScore > (then.Step2CkScore ?? 0)) list.Add(new("step2ck_score", Show(then.Step2CkScore), Show(now.Step2CkScore)));
        if (now.Step1Score > (then.Step1Score ?? 0)) list.Add(new("step1_score", Show(then.Step1Score), Show(now.Step1Score)));
        if (now.Step1Passed == true && then.Step1Passed != true) list.Add(new("step1_passed", "no", "yes"));
        if (now.Step3Passed && !then.Step3Passed) list.Add(new("step3_passed", "no", "yes"));
        if (now.HandsOnUsceMonths > then.HandsOnUsceMonths) list.Add(new("hands_on_usce_months", ShowMonths(then.HandsOnUsceMonths), ShowMonths(now.HandsOnUsceMonths)));
        if (now.ObservershipMonths > then.ObservershipMonths) list.Add(new("observership_months", ShowMonths(then.ObservershipMonths), ShowMonths(now.ObservershipMonths)));
        if (now.UsLetters > then.UsLetters) list.Add(new("us_letters", Show((int?)then.UsLetters), Show((int?)now.UsLetters)));
        if (now.StrongUsLetters > then.StrongUsLetters) list.Add(new("strong_us_letters", Show((int?)then.StrongUsLetters), Show((int?)now.StrongUsLetters)));
        if (now.ResearchItems > then.ResearchItems) list.Add(new("research", Show((int?)then.ResearchItems), Show((int?)now.ResearchItems)));
        if (now.ResearchWithUsCollaborators > then.ResearchWithUsCollaborators)
            list.Add(new("research_with_us_collaborators", Show((int?)then.ResearchWithUsCollaborators), Show((int?)now.ResearchWithUsCollaborators)));
        return list;
    }

    private static string Show(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none";
    private static string ShowMonths(decimal value) => value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>One fact that improved: its code and the value then and now.</summary>
public sealed record Improvement(string Code, string Before, string After);
