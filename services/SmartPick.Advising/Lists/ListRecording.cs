using SmartPick.Contracts;
using System.Text.Json;
using SmartPick.Advising.CandidateFiles;
using SmartPick.Matching.Model;

namespace SmartPick.Advising.Lists;

/// <summary>Turns the engine's result into the fact that is stored, and tells whether it says anything new.</summary>
internal static class ListRecording
{
    /// <summary>Reasons kept per program: the strongest by absolute weight.</summary>
    public const int ReasonsPerProgram = 4;

    /// <summary>
    /// The list as recorded: the ranked programs up to the larger of the recommended number and the budget
    /// (what the candidate could act on), p to four decimals, exclusions counted by their first reason.
    /// </summary>
    /// <summary>
    /// Codes whose reason is the program's evidence or the plan's doing (a signal, a named division): kept first, with
    /// their sentences (they name the observed rate and the odds ratio).
    /// </summary>
    private static bool IsEvidence(string code) => code is "observed_interview_rate" or "estimated_interview_rate"
        or "signal_gold" or "signal_silver" or "geographic_preference";

    /// <summary>The program's evidence first, with its sentence, then its strongest other reasons by size.</summary>
    private static List<ListedReason> StoredReasons(IReadOnlyList<Reason> reasons)
    {
        var stored = new List<ListedReason>(ReasonsPerProgram);
        foreach (var r in reasons)
            if (IsEvidence(r.Code)) stored.Add(new ListedReason(r.Code, Math.Round(r.Weight, 3), r.Message));
        stored.AddRange(reasons.Where(r => !IsEvidence(r.Code)).Select((r, i) => (r, i)).OrderByDescending(x => Math.Abs(x.r.Weight)).ThenBy(x => x.i)
            .Take(ReasonsPerProgram - stored.Count).Select(x => new ListedReason(x.r.Code, Math.Round(x.r.Weight, 3))));
        return stored;
    }

    public static ListContent From(RankResult result, int? budget)
    {
        var keep = Math.Min(result.Programs.Count, Math.Max(result.RecommendedApplications, budget ?? 0));
        return new ListContent(
            result.Versions.Engine,
            result.Versions.Parameters,
            result.Versions.Catalog,
            result.Programs.Take(keep).Select(p => new ListedProgram(p.ProgramCode, p.ProgramName, p.State, p.Specialty,
                Math.Round(p.P, 4), p.Tier,
                StoredReasons(p.Reasons), p.Signal, p.InNamedRegion)).ToList(),
            result.Programs.Count,
            result.Excluded.GroupBy(x => x.Reasons.FirstOrDefault()?.Code ?? "unspecified", StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new ExclusionCount(g.Key, g.Count())).ToList(),
            result.Curve,
            result.RecommendedApplications,
            Math.Round(result.PMatchAtRecommended, 4),
            result.RiskFactors,
            result.Advice.Select(a => new ListedAdvice(a.Code, a.Message)).ToList(),
            PointsOf(result),
            result.Plan,
            result.Unlock);
    }

    /// <summary>
    /// The curve with the interviews expected from the first N programs at each of its points, summed over every
    /// ranked program (not only those kept in the stored list), so the outlook can read a submitted list of any size.
    /// </summary>
    public static IReadOnlyList<ListPoint> PointsOf(RankResult result)
    {
        var points = new List<ListPoint>(result.Curve.Count);
        double expected = 0;
        var i = 0;
        foreach (var c in result.Curve)
        {
            for (; i < Math.Min(c.N, result.Programs.Count); i++) expected += result.Programs[i].P;
            points.Add(new ListPoint(c.N, Math.Round(c.PMatch, 4), Math.Round(expected, 3)));
        }
        return points;
    }

    /// <summary>
    /// The two facts that record <paramref name="next"/>: its outlook and versions, then its programs with the
    /// difference from <paramref name="previous"/> (null for a file's first list).
    /// </summary>
    public static (ProgramListRegenerated Outlook, RankedListRecorded List) Record(Guid candidateId, ListContent? previous, ListContent next,
        RecordedBy by, DateTimeOffset at)
        => (Outlook(candidateId, next, by, at),
            new RankedListRecorded(candidateId, next.Programs, next.Excluded, next.Curve, ListChanges.Between(previous, next), by, at, next.Plan, next.Unlock));

    /// <summary>The outlook of a list stored the earlier way, in one event: what the views that need no programs read of it.</summary>
    public static ProgramListRegenerated Outlook(ProgramListRegeneratedV1 e) => Outlook(e.CandidateId, ListContent.Of(e), e.RecordedBy, e.RecordedAt);

    private static ProgramListRegenerated Outlook(Guid candidateId, ListContent list, RecordedBy by, DateTimeOffset at)
        => new(candidateId, list.EngineVersion, list.ParametersVersion, list.CatalogVersion, list.Programs.Count,
            list.EligibleCount, list.RecommendedApplications, list.PMatch, list.RiskFactors, list.Advice, by, at, list.Points);

    /// <summary>True when <paramref name="next"/> says nothing that <paramref name="previous"/> did not.</summary>
    public static bool SameAs(ListContent? previous, ListContent next)
        => previous is not null && Content(previous) == Content(next);

    private static string Content(ListContent list) => JsonSerializer.Serialize(list, AdvisingJson.Options);

}
