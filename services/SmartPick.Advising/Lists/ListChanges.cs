using SmartPick.Advising.CandidateFiles;
using SmartPick.Matching.Model;

namespace SmartPick.Advising.Lists;

public sealed record ProgramAdded(string ProgramCode, string ProgramName, int Rank, double P, Tier Tier, IReadOnlyList<string> Reasons);

public sealed record ProgramRemoved(string ProgramCode, string ProgramName, int PreviousRank, double PreviousP);

/// <summary>A program that moved: ranks and p before and after, and the reason codes that appeared, went or changed weight.</summary>
public sealed record ProgramMoved(
    string ProgramCode,
    string ProgramName,
    int FromRank,
    int ToRank,
    double PBefore,
    double PAfter,
    Tier TierBefore,
    Tier TierAfter,
    IReadOnlyList<string> ReasonsGained,
    IReadOnlyList<string> ReasonsLost,
    IReadOnlyList<string> ReasonsChanged);

/// <summary>How one list differs from the one before it.</summary>
public sealed record ListChanges(
    IReadOnlyList<ProgramAdded> Added,
    IReadOnlyList<ProgramRemoved> Removed,
    IReadOnlyList<ProgramMoved> Moved,
    double? PMatchBefore,
    double PMatchAfter,
    int? RecommendedBefore,
    int RecommendedAfter,
    IReadOnlyList<string> VersionsChanged,
    IReadOnlyList<string> RiskFactorsResolved,
    IReadOnlyList<string> RiskFactorsNew)
{
    /// <summary>A move is reported when the tier changed or the rank moved by at least this many places.</summary>
    public const int NotableRankMove = 5;

    /// <summary>The weight of a reason must change by more than this (logit units) to count as changed.</summary>
    public const double NotableWeightChange = 0.05;

    /// <summary>No change (yet) to a list with this outlook.</summary>
    public static ListChanges None(double pMatch, int recommended) => new([], [], [], pMatch, pMatch, recommended, recommended, [], [], []);

    public static ListChanges Between(ListContent? previous, ListContent next)
    {
        if (previous is null)
            return new ListChanges(
                next.Programs.Select((p, i) => new ProgramAdded(p.ProgramCode, p.ProgramName, i + 1, p.P, p.Tier, p.Reasons.Select(r => r.Code).ToList())).ToList(),
                [], [], null, next.PMatch, null, next.RecommendedApplications, [], [], [.. next.RiskFactors]);

        var before = previous.Programs.Select((p, i) => (p, rank: i + 1)).ToDictionary(x => x.p.ProgramCode, StringComparer.Ordinal);
        var after = next.Programs.Select((p, i) => (p, rank: i + 1)).ToDictionary(x => x.p.ProgramCode, StringComparer.Ordinal);

        var added = next.Programs.Select((p, i) => (p, rank: i + 1))
            .Where(x => !before.ContainsKey(x.p.ProgramCode))
            .Select(x => new ProgramAdded(x.p.ProgramCode, x.p.ProgramName, x.rank, x.p.P, x.p.Tier, x.p.Reasons.Select(r => r.Code).ToList()))
            .ToList();
        var removed = previous.Programs.Select((p, i) => (p, rank: i + 1))
            .Where(x => !after.ContainsKey(x.p.ProgramCode))
            .Select(x => new ProgramRemoved(x.p.ProgramCode, x.p.ProgramName, x.rank, x.p.P))
            .ToList();
        var moved = new List<ProgramMoved>();
        foreach (var (code, now) in after.OrderBy(x => x.Value.rank))
        {
            if (!before.TryGetValue(code, out var then)) continue;
            if (then.p.Tier == now.p.Tier && Math.Abs(then.rank - now.rank) < NotableRankMove) continue;
            var thenReasons = then.p.Reasons.ToDictionary(r => r.Code, r => r.Weight, StringComparer.Ordinal);
            var nowReasons = now.p.Reasons.ToDictionary(r => r.Code, r => r.Weight, StringComparer.Ordinal);
            moved.Add(new ProgramMoved(code, now.p.ProgramName, then.rank, now.rank, then.p.P, now.p.P, then.p.Tier, now.p.Tier,
                nowReasons.Keys.Where(k => !thenReasons.ContainsKey(k)).ToList(),
                thenReasons.Keys.Where(k => !nowReasons.ContainsKey(k)).ToList(),
                nowReasons.Where(r => thenReasons.TryGetValue(r.Key, out var w) && Math.Abs(w - r.Value) > NotableWeightChange).Select(r => r.Key).ToList()));
        }

        var versions = new List<string>();
        if (previous.EngineVersion != next.EngineVersion) versions.Add("engine");
        if (previous.ParametersVersion != next.ParametersVersion) versions.Add("parameters");
        if (previous.CatalogVersion != next.CatalogVersion) versions.Add("catalog");

        return new ListChanges(added, removed, moved, previous.PMatch, next.PMatch, previous.RecommendedApplications,
            next.RecommendedApplications, versions,
            previous.RiskFactors.Except(next.RiskFactors, StringComparer.Ordinal).ToList(),
            next.RiskFactors.Except(previous.RiskFactors, StringComparer.Ordinal).ToList());
    }
}
