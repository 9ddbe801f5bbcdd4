using SmartPick.Matching.Model;

namespace SmartPick.Matching;

/// <summary>Options of one ranking run; null budget means the profile's own budget.</summary>
public sealed record RankOptions(int? Budget = null);

/// <summary>The engine's entry point: pure, deterministic, explainable (see docs/matching.md).</summary>
public static class MatchingEngine
{
    public const string EngineVersion = "0.0.0";

    public static RankResult Rank(CandidateProfile profile, Catalog catalog, RankOptions? options = null)
        => throw new NotImplementedException("The engine is being built.");
}
