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

    // --- Stage 2: interview model (logit scale) -------------------------------------------------------
    public required Coefficient Intercept { get; init; }
    public required Coefficient SpecialtyModeratelyCompetitive { get; init; }
    public required Coefficient SpecialtyCompetitive { get; init; }
    public required Coefficient Step2CkPer10Points { get; init; }
    public required Coefficient Step2CkUnknownOffset { get; init; }
    public required Coefficient Step2CkBelowPreferencePer10Points { get; init; }
    public required Coefficient Step1Failed { get; init; }
    public required Coefficient Step1LowPer10Points { get; init; }
    public required Coefficient RepeatedAttempt { get; init; }
    public required Coefficient ImgSharePer10Points { get; init; }
    public required Coefficient CommunityForLowScores { get; init; }
    public required Coefficient CommunityUniversityForLowScores { get; init; }
    public required Coefficient UniversityForLowScores { get; init; }
    public required Coefficient ImgFriendlyState { get; init; }
    public required Coefficient ToughState { get; init; }
    public required Coefficient NoHandsOnUsce { get; init; }
    public required Coefficient HandsOnUsceMonth { get; init; }
    public required Coefficient UsceUnknown { get; init; }
    public required Coefficient UsLetterStrong { get; init; }
    public required Coefficient UsLetterStandard { get; init; }
    public required Coefficient NoUsLetters { get; init; }
    public required Coefficient UsLettersUnknown { get; init; }
    public required Coefficient YearPastThree { get; init; }
    public required Coefficient YearPastFive { get; init; }
    public required Coefficient GraduationPenaltyFloor { get; init; }
    public required Coefficient VisaNeeded { get; init; }
    public required Coefficient H1bWithoutStep3 { get; init; }
    public required Coefficient KnownSponsor { get; init; }
    public required Coefficient Step3Passed { get; init; }
    public required Coefficient ResearchWithUsCollaborators { get; init; }
    public required Coefficient ResearchUniversityMultiplier { get; init; }
    public required Coefficient PreferredState { get; init; }

    // --- Priors for unknown values -----------------------------------------------------------------
    /// <summary>Prior probability that a program whose J-1 policy is unknown sponsors J-1.</summary>
    public required Coefficient PriorSponsorsJ1 { get; init; }
    /// <summary>Prior probability that a program whose H-1B policy is unknown sponsors H-1B.</summary>
    public required Coefficient PriorSponsorsH1b { get; init; }
    /// <summary>Prior probability that a non-US IMG whose visa need is unknown needs one.</summary>
    public required Coefficient PriorNonUsImgNeedsVisa { get; init; }
    public required Coefficient PriorImgShareCommunity { get; init; }
    public required Coefficient PriorImgShareCommunityUniversity { get; init; }
    public required Coefficient PriorImgShareUniversity { get; init; }
    public required Coefficient PriorImgShareUnknownType { get; init; }
    public required Coefficient PriorImgShareFriendlyStateBonus { get; init; }

    // --- Stage 3: optimizer and tiers ----------------------------------------------------------------
    /// <summary>Match-curve scale: m(k) = 1 − e^(−k / scale).</summary>
    public required Coefficient MatchCurveScale { get; init; }
    public required Coefficient EarlyStopGainPer10 { get; init; }
    public required Coefficient EnoughPMatch { get; init; }
    public required Coefficient TierLikelyAtLeast { get; init; }
    public required Coefficient TierTargetAtLeast { get; init; }

    /// <summary>Years since graduation assumed when the profile's season or year of graduation is unknown.</summary>
    public required Coefficient DefaultYearsSinceGraduation { get; init; }

    /// <summary>Typical Step 2 CK of matched non-US IMGs by specialty key; others use <see cref="TypicalStep2CkOther"/>.</summary>
    public required IReadOnlyDictionary<string, int> TypicalStep2Ck { get; init; }
    public required int TypicalStep2CkOther { get; init; }

    /// <summary>Every coefficient in declaration order, for documentation and display.</summary>
    public IReadOnlyList<Coefficient> All() =>
    [
        Intercept, SpecialtyModeratelyCompetitive, SpecialtyCompetitive, Step2CkPer10Points, Step2CkUnknownOffset,
        Step2CkBelowPreferencePer10Points, Step1Failed, Step1LowPer10Points, RepeatedAttempt, ImgSharePer10Points,
        CommunityForLowScores, CommunityUniversityForLowScores, UniversityForLowScores, ImgFriendlyState, ToughState,
        NoHandsOnUsce, HandsOnUsceMonth, UsceUnknown, UsLetterStrong, UsLetterStandard, NoUsLetters, UsLettersUnknown, YearPastThree,
        YearPastFive, GraduationPenaltyFloor, VisaNeeded, H1bWithoutStep3, KnownSponsor, Step3Passed, ResearchWithUsCollaborators,
        ResearchUniversityMultiplier, PreferredState, PriorSponsorsJ1, PriorSponsorsH1b, PriorNonUsImgNeedsVisa,
        PriorImgShareCommunity, PriorImgShareCommunityUniversity, PriorImgShareUniversity, PriorImgShareUnknownType,
        PriorImgShareFriendlyStateBonus, MatchCurveScale, EarlyStopGainPer10, EnoughPMatch, TierLikelyAtLeast, TierTargetAtLeast,
        DefaultYearsSinceGraduation,
    ];
}
