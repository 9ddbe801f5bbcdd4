namespace SmartPick.Matching.Model;

/// <summary>
/// One price band of ERAS application fees: programs up to <see cref="UpTo"/> (null: every further one) cost
/// <see cref="Price"/> each, or <see cref="Price"/> once for the whole band when <see cref="Flat"/> (2024: $99 for up to 10).
/// </summary>
public sealed record FeeBand(int? UpTo, decimal Price, bool Flat = false);

/// <summary>
/// What applying costs in one season: ERAS per-program bands (the count restarts for each specialty), the ECFMG
/// token and the USMLE transcript (once a season), and the NRMP registration with its included ranks, the fee per
/// further rank and the list-length fee above a number of ranks. All non-refundable.
/// </summary>
public sealed record FeeSchedule(
    IReadOnlyList<FeeBand> ErasBands,
    decimal Token,
    decimal Transcript,
    decimal NrmpRegistration,
    int NrmpIncludedRanks,
    decimal NrmpPerAdditionalRank,
    int NrmpLongListAbove,
    decimal NrmpLongListFee)
{
    /// <summary>ERAS fees of <paramref name="applications"/> programs in one specialty.</summary>
    public decimal ErasFor(int applications)
    {
        decimal total = 0;
        var from = 0;
        foreach (var band in ErasBands)
        {
            if (from >= applications) break;
            var upTo = band.UpTo is { } u ? Math.Min(u, applications) : applications;
            if (upTo > from) total += band.Flat ? band.Price : (upTo - from) * band.Price;
            from = Math.Max(from, upTo);
        }
        return total;
    }

    /// <summary>What the <paramref name="nth"/> program (1-based) of one specialty adds to the fees.</summary>
    public decimal ErasOfNth(int nth) => ErasFor(nth) - ErasFor(nth - 1);

    /// <summary>NRMP fees of a rank list of <paramref name="ranks"/> programs (nothing when no program is ranked).</summary>
    public decimal NrmpFor(int ranks) => ranks <= 0 ? 0
        : NrmpRegistration + Math.Max(0, ranks - NrmpIncludedRanks) * NrmpPerAdditionalRank
          + (ranks > NrmpLongListAbove ? NrmpLongListFee : 0);
}

/// <summary>Program signals a specialty allows in one season: gold and silver (one kind only: silver 0 and gold the count, or the reverse as published).</summary>
public sealed record SignalAllowance(int Gold, int Silver)
{
    public int Total => Gold + Silver;
}

/// <summary>
/// The published facts of one application season the plan is priced and signalled with: fees, signals by specialty
/// and how many census divisions may be named. <see cref="Season"/> is the Match year (ERAS "2026 season" =
/// applications in 2025 for the 2026 Match). Editable by an organization; these are the defaults.
/// </summary>
public sealed record SeasonFacts(
    int Season,
    FeeSchedule Fees,
    IReadOnlyDictionary<string, SignalAllowance> Signals,
    int MaxRegions,
    string Source)
{
    public SignalAllowance SignalsFor(string specialtyKey) => Signals.GetValueOrDefault(specialtyKey) ?? new SignalAllowance(0, 0);
}

/// <summary>The recorded seasons. A season without its own record uses the latest recorded season before it (or the earliest).</summary>
public static class SeasonFactsTable
{
    private const string Sources =
        "ERAS fees: AAMC ERAS fee schedule; token: ECFMG; NRMP: Main Residency Match fees; signals: AAMC ERAS program signaling by specialty, 2025–26 cycle (psychiatry 2024–25); geographic preferences: AAMC ERAS supplemental application.";

    private static readonly FeeSchedule Fees2026 = new(
        [new FeeBand(30, 11m), new FeeBand(null, 30m)],
        Token: 165m, Transcript: 80m,
        NrmpRegistration: 70m, NrmpIncludedRanks: 20, NrmpPerAdditionalRank: 30m, NrmpLongListAbove: 100, NrmpLongListFee: 50m);

    private static readonly FeeSchedule Fees2024 = Fees2026 with
    {
        ErasBands = [new FeeBand(10, 99m, Flat: true), new FeeBand(20, 19m), new FeeBand(30, 23m), new FeeBand(null, 27m)],
    };

    private static readonly IReadOnlyDictionary<string, SignalAllowance> Signals2026 = new Dictionary<string, SignalAllowance>(StringComparer.Ordinal)
    {
        ["internal_medicine"] = new(3, 12),
        ["family_medicine"] = new(0, 5),
        ["pediatrics"] = new(0, 5),
        ["psychiatry"] = new(0, 10),
        ["neurology"] = new(0, 8),
        ["general_surgery"] = new(0, 15),
        ["emergency_medicine"] = new(0, 5),
        ["obstetrics_gynecology"] = new(3, 15),
    };

    /// <summary>The default seasons, oldest first.</summary>
    public static IReadOnlyList<SeasonFacts> Defaults { get; } =
    [
        new(2024, Fees2024, Signals2026, 3, Sources + " The 2024 ERAS schedule: $99 for up to 10 programs, then $19 (11–20), $23 (21–30), $27 (31+) per specialty; signals as 2026 (not recorded separately)."),
        new(2026, Fees2026, Signals2026, 3, Sources + " ERAS 2026: $11 per program for programs 1–30 of each specialty, $30 from the 31st; token $165; transcript $80; NRMP $70 with 20 ranks, $30 per further rank, list-length fee from $50 above 100 ranks."),
    ];

    /// <summary>The facts for <paramref name="season"/> from <paramref name="table"/> (the defaults when null).</summary>
    public static SeasonFacts For(int? season, IReadOnlyList<SeasonFacts>? table = null)
    {
        table ??= Defaults;
        if (season is not { } s) return table[^1];
        SeasonFacts? best = null;
        foreach (var f in table)
            if (f.Season <= s && (best is null || f.Season > best.Season)) best = f;
        return best ?? table.MinBy(f => f.Season)!;
    }
}
