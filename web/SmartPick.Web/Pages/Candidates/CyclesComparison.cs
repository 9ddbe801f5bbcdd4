using SmartPick.Advising.CandidateFiles;
using System.Globalization;
using Marten;
using SmartPick.Advising.Views;
using SmartPick.Matching.Model;
using SmartPick.Web.Charts;
using SmartPick.Web.Pages.Shared;

namespace SmartPick.Web.Pages.Candidates;

/// <summary>One line of the side-by-side table: what a fact was at the start of each season, and what it is now.</summary>
public sealed record ComparisonRow(string Label, IReadOnlyList<string> PerSeason, string Now);

/// <summary>
/// A reapplicant's seasons side by side, as the staff page and the candidate's own page show them: the file
/// at the start of each season against the file now, what each season brought (applications, interviews,
/// rank list, outcome), what improved since the last finished season and what the list's advice still asks
/// for. Built only from the advising views behind <c>/api/candidates/{id}/cycles</c> and <c>/progress</c>.
/// </summary>
public sealed record CyclesComparison(
    Guid CandidateId,
    string Name,
    IReadOnlyList<CycleView> Cycles,
    IReadOnlyList<ComparisonRow> Profile,
    IReadOnlyList<ComparisonRow> Season,
    ProgressSinceLastCycle? Progress,
    IReadOnlyList<ComparedMeasure> Measures)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Reads the views of one file in the session's organization; null when the file is not there.</summary>
    public static async Task<CyclesComparison?> LoadAsync(IQuerySession session, Guid id, CancellationToken ct)
    {
        var profile = await session.LoadAsync<CandidateProfileView>(id, ct);
        var cycles = await session.LoadAsync<CyclesSideBySide>(id, ct);
        if (profile is null || cycles is null) return null;
        var progress = await session.LoadAsync<ProgressSinceLastCycle>(id, ct);
        return From(profile.Name, cycles, progress);
    }

    public static CyclesComparison From(string name, CyclesSideBySide view, ProgressSinceLastCycle? progress)
    {
        var cycles = view.Cycles.OrderBy(c => c.Season).ToList();
        var now = view.Evidence.Facts();
        ComparisonRow Row(string label, Func<EvidenceFacts, string> show) =>
            new(label, cycles.Select(c => show(c.FactsAtStart)).ToList(), show(now));

        var profileRows = new List<ComparisonRow>
        {
            Row("Step 1", f => f.Step1Score?.ToString(Inv) ?? (f.Step1Passed switch { true => "Passed", false => "Not passed", null => "—" })),
            Row("Step 2 CK", f => f.Step2CkScore is { } s ? s.ToString(Inv) + (f.Step2CkAttempts > 1 ? $" ({f.Step2CkAttempts} attempts)" : "") : "—"),
            Row("Step 3", f => f.Step3Passed ? "Passed" : "—"),
            Row("Hands-on USCE", f => MonthsText(f.HandsOnUsceMonths)),
            Row("Observerships", f => MonthsText(f.ObservershipMonths)),
            Row("US letters", f => $"{f.UsLetters} ({f.StrongUsLetters} strong)"),
            Row("Research and QI", f => $"{f.ResearchItems} ({f.ResearchWithUsCollaborators} with US collaborators)"),
            new("Estimated chance of matching", cycles.Select(c => Display.Pct(c.PMatchAtStart)).ToList(), Display.Pct(view.LatestPMatch)),
            new("Recommended applications", cycles.Select(c => c.RecommendedAtStart?.ToString(Inv) ?? "—").ToList(), view.LatestRecommended?.ToString(Inv) ?? "—"),
        };
        var seasonRows = new List<ComparisonRow>
        {
            new("Applications", cycles.Select(c => c.Applications > 0 ? c.Applications.ToString(Inv) : "—").ToList(), ""),
            new("Interviews", cycles.Select(c => c.Interviews.Count.ToString(Inv)).ToList(), ""),
            new("Rank list", cycles.Select(c => c.ProgramsRanked is { } n ? $"{n} programs, {Display.Date(c.RankListCertifiedOn)}" : "Not certified").ToList(), ""),
            new("Outcome", cycles.Select(Outcome).ToList(), ""),
        };
        return new CyclesComparison(view.Id, name, cycles, profileRows, seasonRows, progress, MeasuresOf(progress));
    }

    public static string Outcome(CycleView cycle) => cycle.Outcome switch
    {
        CycleOutcome.Matched => cycle.MatchedProgram is { Length: > 0 } p ? $"Matched ({p})" : "Matched",
        CycleOutcome.Unmatched => "Unmatched",
        CycleOutcome.Withdrawn => "Withdrawn",
        _ => "In progress",
    };

    private static string MonthsText(decimal months) => $"{Display.Months(months)} month{(months == 1 ? "" : "s")}";

    /// <summary>How an improvement's code reads on the page ("hands_on_usce_months" → "Hands-on USCE (months)").</summary>
    public static string ImprovementLabel(string code) => code switch
    {
        "step2ck_score" => "Step 2 CK score",
        "step1_score" => "Step 1 score",
        "step1_passed" => "Step 1 passed",
        "step3_passed" => "Step 3 passed",
        "hands_on_usce_months" => "Hands-on USCE (months)",
        "observership_months" => "Observerships (months)",
        "us_letters" => "US letters",
        "strong_us_letters" => "Strong US letters",
        "research" => "Research and QI",
        "research_with_us_collaborators" => "Research with US collaborators",
        _ => Display.Words(code),
    };

    /// <summary>Whether there is a finished season to compare the file with.</summary>
    public bool HasFinishedSeason => Progress is { LastSeason: not null, Then: not null };

    public string ThenLabel => Progress?.LastSeason is { } s ? $"end of the {s} season" : "then";

    /// <summary>
    /// The chart's measures, each on a scale where the target is what the matching model treats as enough
    /// (MATCHING.md): Step 2 CK 255, 4 months of hands-on USCE, 3 US letters, 2 research items, Step 3 passed.
    /// </summary>
    private static IReadOnlyList<ComparedMeasure> MeasuresOf(ProgressSinceLastCycle? progress)
    {
        if (progress is not { Then: { } then }) return [];
        var now = progress.Now;
        var list = new List<ComparedMeasure>();
        if (then.Step2CkScore is not null || now.Step2CkScore is not null)
        {
            list.Add(new("Step 2 CK score", then.Step2CkScore ?? 0, now.Step2CkScore ?? 0, 255,
                then.Step2CkScore?.ToString(Inv) ?? "none", now.Step2CkScore?.ToString(Inv) ?? "none"));
        }
        list.Add(new("Step 3", then.Step3Passed ? 1 : 0, now.Step3Passed ? 1 : 0, 1, then.Step3Passed ? "passed" : "not passed", now.Step3Passed ? "passed" : "not passed"));
        list.Add(new("Hands-on USCE", (double)then.HandsOnUsceMonths, (double)now.HandsOnUsceMonths, 4,
            $"{Display.Months(then.HandsOnUsceMonths)} mo", $"{Display.Months(now.HandsOnUsceMonths)} mo"));
        list.Add(new("US letters", then.UsLetters, now.UsLetters, 3, then.UsLetters.ToString(Inv), now.UsLetters.ToString(Inv)));
        list.Add(new("Strong US letters", then.StrongUsLetters, now.StrongUsLetters, 3, then.StrongUsLetters.ToString(Inv), now.StrongUsLetters.ToString(Inv)));
        list.Add(new("Research and QI", then.ResearchItems, now.ResearchItems, 2, then.ResearchItems.ToString(Inv), now.ResearchItems.ToString(Inv)));
        if (progress.PMatchThen is not null || progress.PMatchNow is not null)
        {
            list.Add(new("Chance of matching", progress.PMatchThen ?? 0, progress.PMatchNow ?? 0, 1, Display.Pct(progress.PMatchThen), Display.Pct(progress.PMatchNow)));
        }
        return list;
    }
}
