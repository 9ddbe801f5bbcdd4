namespace SmartPick.Matching.Parameters;

/// <summary>One named coefficient of the interview model with the reason it has its value and where that came from.</summary>
public sealed record Coefficient(string Name, double Value, string Rationale, string Source);

/// <summary>
/// The single versioned set of numbers the engine uses: interview-model coefficients, priors for unknown
/// catalog values, optimizer and tier thresholds. A ranked list names the <see cref="Version"/> it used, so
/// changing any number here means a new version. See docs/matching.md for the calibration behind them.
/// </summary>
public sealed record ParameterSet
{
    public required string Version { get; init; }

    // --- Candidate effect (logit scale, relative to the average applicant of the candidate's type) -------
    /// <summary>Offset added to every candidate's logit: fitted so the outcomes file's interviews are expected in total.</summary>
    public required Coefficient Intercept { get; init; }
    public required Coefficient Step2CkPer10Points { get; init; }
    public required Coefficient Step2CkUnknownOffset { get; init; }
    public required Coefficient Step2CkBelowPreferencePer10Points { get; init; }
    public required Coefficient Step1Failed { get; init; }
    public required Coefficient Step1LowPer10Points { get; init; }
    public required Coefficient RepeatedAttempt { get; init; }
    public required Coefficient CommunityForLowScores { get; init; }
    public required Coefficient CommunityUniversityForLowScores { get; init; }
    public required Coefficient UniversityForLowScores { get; init; }
    public required Coefficient NoHandsOnUsce { get; init; }
    public required Coefficient HandsOnUsceMonth { get; init; }
    /// <summary>Effective hands-on months of the average applicant: the USCE term is zero there.</summary>
    public required Coefficient AverageUsceMonths { get; init; }
    public required Coefficient UsceUnknown { get; init; }
    public required Coefficient UsLetterStrong { get; init; }
    public required Coefficient UsLetterStandard { get; init; }
    public required Coefficient NoUsLetters { get; init; }
    public required Coefficient UsLettersUnknown { get; init; }
    public required Coefficient YearPastThree { get; init; }
    public required Coefficient YearPastFive { get; init; }
    public required Coefficient GraduationPenaltyFloor { get; init; }
    public required Coefficient VisaNeeded { get; init; }
    /// <summary>Share of the average applicant's type who need a visa: the visa term is zero at that share.</summary>
    public required Coefficient AverageVisaNeed { get; init; }
    public required Coefficient H1bWithoutStep3 { get; init; }
    public required Coefficient KnownSponsor { get; init; }
    public required Coefficient Step3Passed { get; init; }
    public required Coefficient ResearchWithUsCollaborators { get; init; }
    public required Coefficient ResearchUniversityMultiplier { get; init; }
    public required Coefficient PreferredState { get; init; }
    /// <summary>Standard deviation of the candidate's unobserved strength (logit scale), shared by every program.</summary>
    public required Coefficient RandomEffectSd { get; init; }

    // --- Program effect: evidence and its prior ------------------------------------------------------
    /// <summary>Weight of the prior when a program has an observed rate (rate space).</summary>
    public required Coefficient EvidencePriorShare { get; init; }
    public required Coefficient StatePriorPseudoPrograms { get; init; }
    public required Coefficient InstitutionPriorPseudoPrograms { get; init; }
    public required Coefficient MinEvidenceForCatalogBaseRate { get; init; }
    public required Coefficient ImgFriendlyState { get; init; }
    public required Coefficient ToughState { get; init; }
    public required Coefficient ImgSharePer10Points { get; init; }
    public required Coefficient UsImgRateMultiplier { get; init; }
    public required Coefficient BaseRateImgFriendly { get; init; }
    public required Coefficient BaseRateModerate { get; init; }
    public required Coefficient BaseRateCompetitive { get; init; }
    /// <summary>Published mean non-US IMG interview rate by specialty key: the baseline when a catalog has too little evidence.</summary>
    public required IReadOnlyDictionary<string, double> SpecialtyBaseRates { get; init; }

    // --- Priors for unknown values -----------------------------------------------------------------
    public required Coefficient PriorSponsorsJ1 { get; init; }
    public required Coefficient PriorSponsorsH1b { get; init; }
    public required Coefficient PriorNonUsImgNeedsVisa { get; init; }

    // --- Stage 3: optimizer and tiers ----------------------------------------------------------------
    /// <summary>m(k) by specialty key; <see cref="DefaultMatchCurve"/> for the rest.</summary>
    public required IReadOnlyDictionary<string, MatchCurve> MatchCurves { get; init; }
    public required MatchCurve DefaultMatchCurve { get; init; }
    /// <summary>Recommended N: keep applying while the next 10 applications raise P(match) by at least this share of its value.</summary>
    public required Coefficient RelativeGainPer10 { get; init; }
    public required Coefficient EnoughPMatch { get; init; }
    public required Coefficient TierLikelyAtLeast { get; init; }
    public required Coefficient TierTargetAtLeast { get; init; }

    /// <summary>Years since graduation assumed when the profile's season or year of graduation is unknown.</summary>
    public required Coefficient DefaultYearsSinceGraduation { get; init; }

    /// <summary>Average Step 2 CK of non-US IMG applicants by specialty key; others use <see cref="TypicalStep2CkOther"/>.</summary>
    public required IReadOnlyDictionary<string, int> TypicalStep2Ck { get; init; }
    public required int TypicalStep2CkOther { get; init; }

    /// <summary>Published match rate of non-US IMGs in their preferred specialty, by key: the reference of the risk levels.</summary>
    public required IReadOnlyDictionary<string, double> PublishedMatchRates { get; init; }
    public required double PublishedMatchRateNonUsImg { get; init; }
    public required double PublishedMatchRateUsImg { get; init; }

    // --- Strategy: signals and geographic preferences (defaults so earlier parameter files still read) ---
    /// <summary>Interview odds ratio of a (silver or only-kind) signal where the catalog has too little signal evidence for the specialty.</summary>
    public Coefficient SignalOddsRatio { get; init; } = StrategyDefaults.SignalOddsRatio;
    /// <summary>A gold signal's log odds ratio as a multiple of a silver signal's.</summary>
    public Coefficient GoldSignalLogOddsMultiple { get; init; } = StrategyDefaults.GoldSignalLogOddsMultiple;
    /// <summary>Interview odds ratio at programs in a census division the applicant named.</summary>
    public Coefficient GeographicPreferenceOddsRatio { get; init; } = StrategyDefaults.GeographicPreferenceOddsRatio;
    /// <summary>Applications of the average applicant: the share of them signalled is what the calibrated rates already contain.</summary>
    public Coefficient TypicalApplications { get; init; } = StrategyDefaults.TypicalApplications;
    /// <summary>Share of the average applicant's programs inside the divisions they named.</summary>
    public Coefficient TypicalShareInNamedDivisions { get; init; } = StrategyDefaults.TypicalShareInNamedDivisions;

    public MatchCurve MatchCurveFor(string? specialtyKey) =>
        specialtyKey is not null && MatchCurves.TryGetValue(specialtyKey, out var c) ? c : DefaultMatchCurve;

    /// <summary>Every coefficient in declaration order, for documentation and display.</summary>
    public IReadOnlyList<Coefficient> All() =>
    [
        Intercept, Step2CkPer10Points, Step2CkUnknownOffset, Step2CkBelowPreferencePer10Points, Step1Failed, Step1LowPer10Points,
        RepeatedAttempt, CommunityForLowScores, CommunityUniversityForLowScores, UniversityForLowScores, NoHandsOnUsce,
        HandsOnUsceMonth, AverageUsceMonths, UsceUnknown, UsLetterStrong, UsLetterStandard, NoUsLetters, UsLettersUnknown,
        YearPastThree, YearPastFive, GraduationPenaltyFloor, VisaNeeded, AverageVisaNeed, H1bWithoutStep3, KnownSponsor,
        Step3Passed, ResearchWithUsCollaborators, ResearchUniversityMultiplier, PreferredState, RandomEffectSd,
        EvidencePriorShare, StatePriorPseudoPrograms, InstitutionPriorPseudoPrograms, MinEvidenceForCatalogBaseRate,
        ImgFriendlyState, ToughState, ImgSharePer10Points, UsImgRateMultiplier, BaseRateImgFriendly, BaseRateModerate,
        BaseRateCompetitive, PriorSponsorsJ1, PriorSponsorsH1b, PriorNonUsImgNeedsVisa, RelativeGainPer10, EnoughPMatch,
        TierLikelyAtLeast, TierTargetAtLeast, DefaultYearsSinceGraduation, SignalOddsRatio, GoldSignalLogOddsMultiple,
        GeographicPreferenceOddsRatio, TypicalApplications, TypicalShareInNamedDivisions,
    ];
}

/// <summary>
/// m(k) = ceiling·(1 − e^(−k/scale)), m(0) = 0: the chance of matching with k interviews ranked in a specialty,
/// fitted to the published rank-list figures (docs/matching.md).
/// </summary>
public sealed record MatchCurve(double Scale, double Ceiling, string Source)
{
    public double At(int k) => k <= 0 ? 0 : Ceiling * (1 - Math.Exp(-k / Scale));
}

/// <summary>The strategy terms' default values (docs/matching.md, "Strategy").</summary>
public static class StrategyDefaults
{
    private const string Published = "published (AAMC signal and geographic-preference reports, docs/matching.md)";

    public static readonly Coefficient SignalOddsRatio = new("signal_odds_ratio", 4.0,
        "A signal raised interview odds 2.7–9.1× across nine specialties (all applicants; none specific to IMGs); the evidence file's median program: FM 4.1×, pediatrics 4.4×, pathology 5.4×. Used where a specialty's programs have no signal evidence.", Published);
    public static readonly Coefficient GoldSignalLogOddsMultiple = new("gold_signal_log_odds_multiple", 1.5,
        "A gold signal is worth more than a silver one; no published ratio, so 1.5× the log odds (4× becomes 8×, inside the published 2.7–9.1).", "prior (judgement, no data)");
    public static readonly Coefficient GeographicPreferenceOddsRatio = new("geographic_preference_odds_ratio", 1.8,
        "An aligned geographic preference raised interview odds 1.8–2.8×; the low end, since no figure is specific to IMGs.", Published);
    public static readonly Coefficient TypicalApplications = new("typical_applications", 129,
        "IMGs sent 129 applications on average in the 2025 ERAS cycle: the calibrated rates are those of applicants who signalled that share of their programs.", Published);
    public static readonly Coefficient TypicalShareInNamedDivisions = new("typical_share_in_named_divisions", 1.0 / 3,
        "Three of nine divisions named: about a third of an average applicant's programs are in them (judgement).", "prior (judgement, no data)");
}
