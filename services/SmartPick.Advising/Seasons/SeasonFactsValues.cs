using SmartPick.Matching.Model;
using SmartPick.Matching.Strategy;

namespace SmartPick.Advising.Seasons;

/// <summary>One ERAS price band as recorded: programs up to <see cref="UpTo"/> (null: every further one) at <see cref="Price"/> each, or once for the band when <see cref="Flat"/>.</summary>
public sealed record SeasonFeeBand(int? UpTo, decimal Price, bool Flat);

/// <summary>A season's fees as recorded, field for field as the engine's <see cref="FeeSchedule"/> (US dollars).</summary>
public sealed record SeasonFees(
    IReadOnlyList<SeasonFeeBand> ErasBands,
    decimal Token,
    decimal Transcript,
    decimal NrmpRegistration,
    int NrmpIncludedRanks,
    decimal NrmpPerAdditionalRank,
    int NrmpLongListAbove,
    decimal NrmpLongListFee);

/// <summary>Gold and silver program signals a specialty allows.</summary>
public sealed record SeasonSignals(int Gold, int Silver);

/// <summary>
/// A season's facts in the events' and the API's own shape, so a change in the engine's records never changes what
/// was stored. Signals are keyed by specialty key; a specialty not listed has no signals.
/// </summary>
public sealed record SeasonFactsValues(SeasonFees Fees, IReadOnlyDictionary<string, SeasonSignals> Signals, int MaxRegions, string Source)
{
    public SeasonFacts ToEngine(int season) => new(
        season,
        new FeeSchedule(
            Fees.ErasBands.Select(b => new FeeBand(b.UpTo, b.Price, b.Flat)).ToList(),
            Fees.Token, Fees.Transcript, Fees.NrmpRegistration, Fees.NrmpIncludedRanks, Fees.NrmpPerAdditionalRank,
            Fees.NrmpLongListAbove, Fees.NrmpLongListFee),
        Signals.ToDictionary(s => s.Key, s => new SignalAllowance(s.Value.Gold, s.Value.Silver), StringComparer.Ordinal),
        MaxRegions,
        Source);

    public static SeasonFactsValues Of(SeasonFacts facts) => new(
        new SeasonFees(
            facts.Fees.ErasBands.Select(b => new SeasonFeeBand(b.UpTo, b.Price, b.Flat)).ToList(),
            facts.Fees.Token, facts.Fees.Transcript, facts.Fees.NrmpRegistration, facts.Fees.NrmpIncludedRanks,
            facts.Fees.NrmpPerAdditionalRank, facts.Fees.NrmpLongListAbove, facts.Fees.NrmpLongListFee),
        facts.Signals.OrderBy(s => s.Key, StringComparer.Ordinal)
            .ToDictionary(s => s.Key, s => new SeasonSignals(s.Value.Gold, s.Value.Silver), StringComparer.Ordinal),
        facts.MaxRegions,
        facts.Source);
}
