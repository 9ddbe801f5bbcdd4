namespace SmartPick.Matching.Model;

/// <summary>A program signal's kind; specialties with one kind of signal use <see cref="Silver"/>.</summary>
public enum SignalKind { Silver, Gold }

/// <summary>A signal the advisor fixed: at this program, of this kind (the best kind left when null).</summary>
public sealed record PinnedSignal(string ProgramCode, SignalKind? Kind = null);

/// <summary>
/// What the advisor fixed of the plan: signals placed or forbidden at programs, census divisions named or forbidden
/// (forbidding all nine names none). Everything else the engine chooses.
/// </summary>
public sealed record StrategyChoices
{
    public IReadOnlyList<PinnedSignal> PinnedSignals { get; init; } = [];
    public IReadOnlyList<string> ForbiddenSignals { get; init; } = [];
    public IReadOnlyList<string> PinnedRegions { get; init; } = [];
    public IReadOnlyList<string> ForbiddenRegions { get; init; } = [];

    public static readonly StrategyChoices None = new();

    public bool IsEmpty => PinnedSignals.Count == 0 && ForbiddenSignals.Count == 0 && PinnedRegions.Count == 0 && ForbiddenRegions.Count == 0;

    /// <summary>Two choices are equal when their lists hold the same items in the same order.</summary>
    public bool Equals(StrategyChoices? other) => other is not null
        && PinnedSignals.SequenceEqual(other.PinnedSignals) && ForbiddenSignals.SequenceEqual(other.ForbiddenSignals)
        && PinnedRegions.SequenceEqual(other.PinnedRegions) && ForbiddenRegions.SequenceEqual(other.ForbiddenRegions);

    public override int GetHashCode() => HashCode.Combine(PinnedSignals.Count, ForbiddenSignals.Count, PinnedRegions.Count, ForbiddenRegions.Count);
}

/// <summary>
/// One signal of the plan: where, which kind, the interview chance there without and with it, and what it adds
/// to the expected interviews and to P(match) (to first order). <see cref="ObservedEffect"/> is true when the
/// program published its interview rates with and without a signal.
/// </summary>
public sealed record SignalPlacement(string ProgramCode, string ProgramName, string Specialty, SignalKind Kind,
    double PWithout, double PWith, double PMatchGain, bool Pinned, bool ObservedEffect)
{
    public double InterviewGain => PWith - PWithout;
}

/// <summary>A census division named as a geographic preference: how many listed programs it covers and what naming it adds to P(match).</summary>
public sealed record RegionChoice(string Key, string Name, int Programs, double PMatchGain, bool Pinned);

/// <summary>Applications and ERAS fees in one specialty of the list.</summary>
public sealed record SpecialtyApplications(string Specialty, int Applications, decimal Eras);

/// <summary>What a list costs: ERAS (by specialty band), the ECFMG token, the USMLE transcript and the NRMP fees of the expected rank list.</summary>
public sealed record ListCost(decimal Eras, decimal Token, decimal Transcript, decimal Nrmp, int ExpectedRanks)
{
    public decimal Total => Eras + Token + Transcript + Nrmp;
}

/// <summary>The curve read against money: at <see cref="N"/> applications the list costs <see cref="CostUsd"/>.</summary>
public sealed record CurveCost(int N, decimal CostUsd, double PMatch);

/// <summary>
/// The application strategy of a ranked list: its price, the applications by specialty, the signals and the census
/// divisions to name, the season whose fees and signal counts were used, the curve against dollars, and the money
/// budget when there is one (with the applications it affords).
/// </summary>
/// <remarks>As JSON (the API, stored lists) the money fields are named as in <c>rank</c>'s output: <c>cost_usd</c>, <c>budget_usd</c>.</remarks>
public sealed record StrategyPlan(
    [property: System.Text.Json.Serialization.JsonPropertyName("cost_usd")] ListCost Cost,
    IReadOnlyList<SpecialtyApplications> BySpecialty,
    IReadOnlyList<SignalPlacement> Signals,
    IReadOnlyList<RegionChoice> Regions,
    int FeeSchedule,
    IReadOnlyList<CurveCost> CurveCosts,
    [property: System.Text.Json.Serialization.JsonPropertyName("budget_usd")] decimal? BudgetDollars,
    int? ApplicationsAffordable)
{
    /// <summary>The name <see cref="Cost"/> was stored under before it was <c>cost_usd</c>: read, never written.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("Cost")]
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public ListCost? CostAsFirstStored { get => null; init => Cost ??= value!; }

    /// <summary>The name <see cref="BudgetDollars"/> was stored under before it was <c>budget_usd</c>: read, never written.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("BudgetDollars")]
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public decimal? BudgetDollarsAsFirstStored { get => null; init => BudgetDollars ??= value; }

    /// <summary>Whether the list spreads over more than one specialty because that buys more chance per dollar.</summary>
    public bool IsSplit => BySpecialty.Count(s => s.Applications > 0) > 1;
}

/// <summary>
/// One change that would open programs the candidate is excluded from or nearly never interviewed at (a chance
/// below 1%), or close some (<see cref="Closes"/>: a graduation limit passing next season).
/// </summary>
public sealed record UnlockItem(string Change, string Message, int Opens, IReadOnlyList<string> Programs, int Closes, IReadOnlyList<string> ClosedPrograms);

/// <summary>One row of the rank-list assistant: ranking <see cref="Ranked"/> of the interviews, the chance to match and the NRMP fee.</summary>
public sealed record RankListRow(int Ranked, double PMatch, decimal NrmpFee);

/// <summary>
/// With interviews held: P(match) by how many of them are ranked, the NRMP fee of each list, the certification
/// deadline when known, and the reminders that matter.
/// </summary>
public sealed record RankListAdvice(IReadOnlyList<RankListRow> Rows, DateTimeOffset? CertificationDeadline, IReadOnlyList<string> Reminders);
