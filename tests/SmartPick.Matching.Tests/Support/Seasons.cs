using SmartPick.Matching.Model;
using SmartPick.Matching.Strategy;

namespace SmartPick.Matching.Tests.Support;

/// <summary>Season facts for tests of the interview model alone: no signals and no geographic preferences, so p is the model's.</summary>
public static class Seasons
{
    public static readonly SeasonFacts WithoutStrategy = SeasonFactsTable.Defaults[^1] with
    {
        Signals = new Dictionary<string, SignalAllowance>(),
        MaxRegions = 0,
    };

    /// <summary>Options that rank with <see cref="WithoutStrategy"/>.</summary>
    public static RankOptions ModelOnly(RankOptions? options = null) =>
        (options ?? new RankOptions()) with { Seasons = [WithoutStrategy] };
}
