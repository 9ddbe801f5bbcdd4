namespace SmartPick.Matching.Parameters;

/// <summary>
/// The parameter set the engine uses unless told otherwise. "Guide" is the agency's strategy guide for
/// non-US IMGs with low scores; "calibration" is the 50-applicant internal medicine outcomes file
/// (docs/matching.md has the procedure and figures); "prior" is a stated judgement where no data exists.
/// </summary>
public static class DefaultParameters
{
    private const string Guide = "guide";
    private const string Calibrated = "calibration (img-applicants-calibration.csv)";
    private const string Prior = "prior (judgement, no data)";
    private const string GuideCheckedOnCalibration = "guide, checked on calibration";

    private const string Published = "published (NRMP / evidence file, docs/matching.md)";
    private const string Fitted = "fitted by calibrate (penalized, 5-fold cross-validated)";

    /// <summary>The current parameter set (engine v2).</summary>
    public static ParameterSet Current => ImgV2;

    public static readonly ParameterSet ImgV2 = new()
    {
        Version = "img-2026.2",
        Intercept = new("candidate_offset", -0.253,
            "Added to every candidate's logit; fitted with the other candidate coefficients so the outcomes file's interviews are expected in total (absorbs how far real lists are from the best programs).", Fitted),
        Step2CkPer10Points = new("step2ck_per_10_points", 0.405,
            "Each 10 points of Step 2 CK above or below the specialty's average non-US IMG applicant.", Fitted),
        Step2CkUnknownOffset = new("step2ck_unknown_offset_points", -5,
            "An unreported Step 2 CK is taken as 5 points below the average applicant's: many programs will not review without it.", Prior),
        Step2CkBelowPreferencePer10Points = new("step2ck_below_preference_per_10_points", -0.5,
            "A stated preferred minimum above the score is a soft screen ('avoid programs with minimums well above yours').", Guide),
        Step1Failed = new("step1_failed", -0.8,
            "A failed Step 1 raises board-failure concern, the first question program directors ask.", Guide),
        Step1LowPer10Points = new("step1_low_per_10_points_below_225", -0.1,
            "A 3-digit Step 1 below 225 is 'low'; half the guide's weight, since Step 2 CK (in the model) largely carries the same signal.", Guide),
        RepeatedAttempt = new("repeated_attempt", -0.4,
            "Any repeated USMLE attempt is screened by many programs.", Guide),
        CommunityForLowScores = new("community_for_low_scores", 0.3,
            "Community programs are the guide's main target for low-score profiles; scaled by how low Step 2 CK is.", Guide),
        CommunityUniversityForLowScores = new("community_university_for_low_scores", 0.1,
            "Smaller university-affiliated programs are a secondary target for low scores.", Guide),
        UniversityForLowScores = new("university_for_low_scores", -0.4,
            "Prestigious academic centres with few IMGs are to be avoided with low scores.", Guide),
        NoHandsOnUsce = new("no_hands_on_usce", -0.3,
            "No hands-on US clinical experience at all, on top of the months term (together about −0.6 against the average applicant): programs want proof of US clinical readiness. Not in the outcomes file (every applicant reported some), so a guide prior.", Guide),
        HandsOnUsceMonth = new("hands_on_usce_month", 0.097,
            "Each effective month of hands-on USCE above or below the average applicant's, up to 6; in-specialty months count fully, other hands-on 3/4, observership 1/4.", Fitted),
        AverageUsceMonths = new("average_usce_months", 3,
            "Effective hands-on months of the average applicant (median of the outcomes file: 4 reported months, not all in the specialty).", GuideCheckedOnCalibration),
        UsceUnknown = new("usce_unknown", -0.3,
            "Unknown USCE is taken as less than the average applicant's, never as enough.", Prior),
        UsLetterStrong = new("us_letter_strong", 0.25,
            "A strong letter from a US physician in the specialty; up to three count. Two standard letters are the average applicant's and weigh 0.", Guide),
        UsLetterStandard = new("us_letter_standard", 0.12,
            "A standard letter from a US physician in the specialty; up to three count.", Guide),
        NoUsLetters = new("no_us_letters", -0.3,
            "No letter from a US physician in the specialty, against the average applicant's two standard ones (worth 0.24): a little worse than having them.", Guide),
        UsLettersUnknown = new("us_letters_unknown", -0.1,
            "Unknown letters are assumed a little weaker than the average applicant's.", Prior),
        YearPastThree = new("year_since_graduation_past_3", -0.073,
            "Each year since graduation past 3.", Fitted),
        YearPastFive = new("year_since_graduation_past_5", -0.1,
            "Each year past 5 costs a further step: many programs prefer recent graduates.", Guide),
        GraduationPenaltyFloor = new("graduation_penalty_floor", -2.0,
            "The years-since-graduation penalty stops growing here: very old graduates still get some interviews.", Prior),
        VisaNeeded = new("visa_needed", -0.828,
            "Needing sponsorship, against the average applicant (of whom about 60% need it).", Fitted),
        AverageVisaNeed = new("average_visa_need", 0.6,
            "Share of non-US IMG applicants who need a visa (30 of 50 in the outcomes file); the visa term is zero there.", GuideCheckedOnCalibration),
        H1bWithoutStep3 = new("h1b_without_step3", -1.0,
            "H-1B sponsorship usually requires Step 3 before residency starts.", Guide),
        KnownSponsor = new("known_sponsor", 0.2,
            "A program the sheet records as sponsoring the needed visa routinely takes visa applicants.", Guide),
        Step3Passed = new("step3_passed", 0.3,
            "A passed Step 3 shows the candidate will pass US boards, and opens H-1B programs.", Guide),
        ResearchWithUsCollaborators = new("research_with_us_collaborators", 0.1,
            "Research or QI with US collaborators; small, since publication counts barely differ between matched and unmatched non-US IMGs.", Published),
        ResearchUniversityMultiplier = new("research_university_multiplier", 2.0,
            "Research counts double at university programs.", Guide),
        PreferredState = new("preferred_state", 0.1,
            "A small preference weight for the candidate's preferred states.", Prior),
        RandomEffectSd = new("random_effect_sd", 0.672,
            "Spread of what the file does not show (interview skill, letters' real strength, essays), shared by every program: widens the number of interviews to what real applicants show.", Fitted),
        EvidencePriorShare = new("evidence_prior_share", 0.1,
            "An observed rate is combined with the prior at 9 to 1: rates are of one cycle and rounded to 0.01, so 0% means under 0.5%, not never.", Prior),
        StatePriorPseudoPrograms = new("state_prior_pseudo_programs", 10,
            "A state's effect is its evidence programs' mean residual, shrunk towards the guide's term as if 10 more programs said the guide's value.", Prior),
        InstitutionPriorPseudoPrograms = new("institution_prior_pseudo_programs", 2,
            "An institution's effect is its other evidence programs' mean residual, shrunk as if 2 more programs said 0.", Prior),
        MinEvidenceForCatalogBaseRate = new("min_evidence_for_catalog_base_rate", 10,
            "A specialty's baseline comes from the catalog's own evidence once it has 10 programs with a rate; otherwise the published figure.", Prior),
        ImgFriendlyState = new("img_friendly_state", 0.3,
            "NY, NJ, MI, OH, PA, IL and TX: the guide's prior for the state effect.", Guide),
        ToughState = new("tough_state", -0.4,
            "California and the Pacific Northwest: the guide's prior for the state effect.", Guide),
        ImgSharePer10Points = new("img_share_per_10_points", 0.15,
            "Programs with more IMG residents interview more IMGs; per 10 points of IMG share above 30%, in the prior.", Guide),
        UsImgRateMultiplier = new("us_img_rate_multiplier", 1.5,
            "US IMGs are invited about 1.5 times as often as non-US IMGs (IM medians 0.03 vs 0.02).", Published),
        BaseRateImgFriendly = new("base_rate_img_friendly", 0.02,
            "Non-US IMG interview rate of an IMG-friendly specialty without a published figure (IM median).", Published),
        BaseRateModerate = new("base_rate_moderate", 0.008,
            "Specialties outside the guide's IMG-friendly list: well under the IMG-friendly ones' rates (prior).", Prior),
        BaseRateCompetitive = new("base_rate_competitive", 0.002,
            "Dermatology, plastic, orthopaedic and neurological surgery, ENT, ophthalmology, IR: 'often unrealistic'.", Guide),
        SpecialtyBaseRates = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["internal_medicine"] = 0.022, ["family_medicine"] = 0.015, ["pediatrics"] = 0.035, ["psychiatry"] = 0.015,
            ["neurology"] = 0.035, ["pathology"] = 0.045,
        },
        PriorSponsorsJ1 = new("prior_sponsors_j1", 0.7,
            "Share of IMG-interviewing programs assumed to sponsor J-1 when the sheet does not say.", Prior),
        PriorSponsorsH1b = new("prior_sponsors_h1b", 0.35,
            "Share assumed to sponsor H-1B when unknown: 'many community programs do not sponsor H-1B'.", Guide),
        PriorNonUsImgNeedsVisa = new("prior_non_us_img_needs_visa", 0.7,
            "Most non-US IMGs need a visa; used when the profile does not say.", Prior),
        MatchCurves = new Dictionary<string, MatchCurve>(StringComparer.Ordinal)
        {
            ["internal_medicine"] = new(4.6, 0.98, "IM ranks 6.1 (4.5) matched vs 2.5 (2.2) unmatched, 48.5% matched"),
            ["family_medicine"] = new(2.4, 0.91, "FM 5.4 (5.5) vs 1.9 (2.1), 53.9%"),
            ["pediatrics"] = new(2.7, 1.0, "Pediatrics 7.6 (5.8) vs 1.7 (1.3), 68.5%"),
            ["psychiatry"] = new(3.2, 0.94, "Psychiatry 5.8 (4.2) vs 2.6 (2.2), 58.4%"),
            ["neurology"] = new(5.8, 0.93, "Neurology 6.8 (4.8) vs 3.0 (2.8), 41.9%"),
            ["pathology"] = new(7.6, 1.0, "Pathology 8.2 (5.7) vs 3.6 (2.7), 45.1%"),
        },
        DefaultMatchCurve = new(4.6, 0.98, "internal medicine's curve, for specialties without published figures"),
        RelativeGainPer10 = new("relative_gain_per_10", 0.02,
            "Keep applying while 10 more applications raise P(match) by at least 2% of its value (e.g. 30% → 30.6%): a weak profile, whose curve still climbs, applies broadly; a strong one stops where its curve flattens.", Prior),
        EnoughPMatch = new("enough_p_match", 0.95,
            "Stop once P(match) reaches 95%: further applications buy little and cost interview days.", Prior),
        TierLikelyAtLeast = new("tier_likely_at_least", 0.10,
            "p ≥ 10%: about four times the average program's non-US IMG rate in IM (2.2%); best odds.", Published),
        TierTargetAtLeast = new("tier_target_at_least", 0.03,
            "3% ≤ p < 10%: at or above the IM upper quartile; realistic. Below is a long shot.", Published),
        DefaultYearsSinceGraduation = new("default_years_since_graduation", 3,
            "Years since graduation assumed when the season or year of graduation is unknown (no penalty starts before 3).", Prior),
        // Average applicant = matched and unmatched means weighted by the match rate (Charting Outcomes, non-US IMGs).
        TypicalStep2Ck = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["internal_medicine"] = 245, ["family_medicine"] = 232, ["pediatrics"] = 239, ["psychiatry"] = 240,
            ["pathology"] = 239, ["neurology"] = 246, ["transitional_year"] = 248, ["general_surgery"] = 252,
            ["emergency_medicine"] = 250, ["anesthesiology"] = 252, ["obstetrics_gynecology"] = 250,
            ["diagnostic_radiology"] = 254, ["physical_medicine_rehabilitation"] = 250, ["dermatology"] = 260,
            ["plastic_surgery"] = 262, ["orthopaedic_surgery"] = 260, ["neurological_surgery"] = 260,
            ["otolaryngology"] = 260, ["interventional_radiology"] = 260, ["vascular_surgery"] = 258,
            ["thoracic_surgery"] = 258, ["radiation_oncology"] = 255,
        },
        TypicalStep2CkOther = 248,
        PublishedMatchRates = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["internal_medicine"] = 0.485, ["family_medicine"] = 0.539, ["pediatrics"] = 0.685, ["psychiatry"] = 0.584,
            ["neurology"] = 0.419, ["pathology"] = 0.451,
        },
        PublishedMatchRateNonUsImg = 0.58,
        PublishedMatchRateUsImg = 0.678,
    };
}
