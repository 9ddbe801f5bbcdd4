namespace SmartPick.Matching.Model;

public enum Tier { Likely, Target, Reach }

/// <summary>One named term of the interview model as it applied to a program: a reason, signed.</summary>
public sealed record Reason(string Code, string Message, double Weight);

/// <summary>Whether a program's interview rate was observed (evidence in the catalog) or estimated from a prior.</summary>
public enum PBasis { Observed, Estimated }

/// <summary>
/// One eligible program: <see cref="P"/> is the candidate's interview chance there (the shared random effect
/// integrated out), <see cref="Basis"/> says whether the program's rate was observed or estimated.
/// </summary>
public sealed record RankedProgram(string ProgramCode, string ProgramName, string State, string Specialty,
    double P, Tier Tier, IReadOnlyList<Reason> Reasons, PBasis Basis = PBasis.Estimated)
{
    /// <summary>The signal the plan sends this program, if any (<see cref="P"/> includes it).</summary>
    public SignalKind? Signal { get; init; }
    /// <summary>Whether the program is in a census division the plan names as a geographic preference.</summary>
    public bool InNamedRegion { get; init; }
}

public sealed record ExcludedProgram(string ProgramCode, string ProgramName, IReadOnlyList<Reason> Reasons);

public sealed record CurvePoint(int N, double PMatch);

public sealed record Advice(string Code, string Message, string Trigger);

public sealed record EngineVersions(string Engine, string Parameters, string Catalog);

/// <summary>
/// What the engine decided for one profile against one catalog: ranked eligible programs (best first),
/// excluded programs with reasons, the P(match)-against-N curve, the recommended number of applications,
/// risk factor codes, advice with triggers, and the versions that make the result reproducible.
/// </summary>
public sealed record RankResult(
    IReadOnlyList<RankedProgram> Programs,
    IReadOnlyList<ExcludedProgram> Excluded,
    IReadOnlyList<CurvePoint> Curve,
    int RecommendedApplications,
    double PMatchAtRecommended,
    IReadOnlyList<string> RiskFactors,
    IReadOnlyList<Advice> Advice,
    EngineVersions Versions)
{
    /// <summary>
    /// How many programs each exclusion reason ruled out, including programs of specialties the candidate does
    /// not target (counted under "specialty_not_targeted" but not listed in <see cref="Excluded"/>).
    /// </summary>
    public IReadOnlyDictionary<string, int> ExcludedCountsByReason { get; init; } = new Dictionary<string, int>();

    /// <summary>The application strategy: price, applications by specialty, signals, regions (null for results built by hand).</summary>
    public StrategyPlan? Plan { get; init; }

    /// <summary>Changes that would open programs, largest first (filled by <see cref="MatchingEngine.Unlock"/> when asked for).</summary>
    public IReadOnlyList<UnlockItem>? Unlock { get; init; }
}
