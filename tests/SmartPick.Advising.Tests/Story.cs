using SmartPick.Contracts;
using SmartPick.Advising.CandidateFiles;
using SmartPick.Advising.Lists;
using SmartPick.Matching.Model;

namespace SmartPick.Advising.Tests;

/// <summary>Events of a realistic reapplicant, built with small helpers so each test states only what matters.</summary>
public static class Story
{
    public static readonly Guid Id = Guid.Parse("0193a000-0000-7000-8000-000000000001");
    public static readonly RecordedBy Advisor = new("advisor-1", "Dana Advisor");
    public static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset Day(int n) => Start.AddDays(n);

    public static CandidateFileOpened Opened(int day = 0) => new(Id, "Amina Rahman", "amina@example.org", "Pakistan",
        ImgType.NonUsImg, VisaNeed.J1, 2020, ["internal_medicine"], ["NY", "NJ"], ["CA"], 120, null, Advisor, Day(day));

    public static ExamTaken Exam(ExamKind exam, int? score, bool? passed, int attempt = 1, int day = 1, Guid? examId = null)
        => new(Id, examId ?? Guid.NewGuid(), exam, score, passed, attempt, DateOnly.FromDateTime(Day(day).UtcDateTime.AddDays(-30)), Advisor, Day(day));

    public static UsceAdded HandsOn(decimal months, int day = 2) => new(Id, Guid.NewGuid(), UsceKind.HandsOn, "internal_medicine",
        "Brooklyn Community Hospital", "NY", months, null, null, Advisor, Day(day));

    public static UsceAdded Observership(decimal months, int day = 2) => new(Id, Guid.NewGuid(), UsceKind.Observership, "internal_medicine",
        "Cleveland Clinic", "OH", months, null, null, Advisor, Day(day));

    public static LetterReceived UsLetter(LetterStrength strength = LetterStrength.Strong, int day = 3) => new(Id, Guid.NewGuid(),
        "program director", true, "internal_medicine", strength, null, Advisor, Day(day));

    public static CycleStarted CycleStarted(int season, int day) => new(Id, season, Advisor, Day(day));
    public static InterviewInvited Interview(int season, string code, int day) => new(Id, season, code, DateOnly.FromDateTime(Day(day).UtcDateTime), Advisor, Day(day));
    public static CycleUnmatched Unmatched(int season, int day) => new(Id, season, Advisor, Day(day));

    public static ListedProgram Program(string code, double p, Tier tier = Tier.Target, params (string code, double weight)[] reasons)
        => new(code, "Program " + code, "NY", "internal_medicine", p, tier, reasons.Select(r => new ListedReason(r.code, r.weight)).ToList());

    /// <summary>What a list says; lists are built from this and recorded with <see cref="List(int, ListContent, ListContent?, Guid?)"/>.</summary>
    public static ListContent Content(double pMatch, IReadOnlyList<ListedProgram> programs, string catalog = "sha256:aaaa",
        IReadOnlyList<string>? risks = null, IReadOnlyList<ListedAdvice>? advice = null)
        => new("1.0.0", "params-1", catalog, programs, programs.Count, [new ExclusionCount("visa_not_sponsored", 12)],
            [new CurvePoint(10, pMatch / 2), new CurvePoint(20, pMatch)], programs.Count, pMatch,
            risks ?? ["low_scores", "no_usce"], advice ?? [new ListedAdvice("get_hands_on_usce", "Get 3–4 months of hands-on USCE")]);

    /// <summary>The two events that record a list (outlook, then programs with the difference from <paramref name="previous"/>).</summary>
    public static object[] List(int day, ListContent content, ListContent? previous = null, Guid? candidate = null)
    {
        var (outlook, list) = ListRecording.Record(candidate ?? Id, previous, content, RecordedBy.System, Day(day));
        return [outlook, list];
    }

    public static object[] List(int day, double pMatch, IReadOnlyList<ListedProgram> programs, string catalog = "sha256:aaaa",
        IReadOnlyList<string>? risks = null, IReadOnlyList<ListedAdvice>? advice = null)
        => List(day, Content(pMatch, programs, catalog, risks, advice));

    /// <summary>A list stored the earlier way: everything in one event, without its difference.</summary>
    public static ProgramListRegeneratedV1 ListV1(int day, ListContent c, Guid? candidate = null)
        => new(candidate ?? Id, c.EngineVersion, c.ParametersVersion, c.CatalogVersion, c.Programs, c.EligibleCount, c.Excluded, c.Curve,
            c.RecommendedApplications, c.PMatch, c.RiskFactors, c.Advice, RecordedBy.System, Day(day));

    /// <summary>Events as a flat list: a recorded list's two events take their place in order.</summary>
    public static object[] Flat(params object[] events) => events.SelectMany(e => e is object[] many ? many : [e]).ToArray();
}
