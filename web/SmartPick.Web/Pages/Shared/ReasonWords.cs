namespace SmartPick.Web.Pages.Shared;

/// <summary>
/// The engine's reason codes as plain sentences. The engine writes its own sentence with the figures when it ranks;
/// a recorded list keeps that sentence for a program's evidence, its signal and its region only, so for the other
/// reasons of a recorded list the sentence comes from here.
/// </summary>
public static class ReasonWords
{
    /// <summary>Reasons about the candidate's own facts: the same on every program of a specialty, said once.</summary>
    private static readonly HashSet<string> AboutTheCandidate = new(StringComparer.Ordinal)
    {
        "step2ck_above_typical", "step2ck_below_typical", "step2ck_unknown", "step1_failed", "step1_low", "repeated_attempt",
        "usce_unknown", "no_hands_on_usce", "hands_on_usce", "us_letters_unknown", "no_us_letters", "us_letters",
        "years_since_graduation_unknown", "older_graduate", "visa_needed", "no_visa_needed", "visa_need_unknown", "step3_passed",
    };

    private static readonly Dictionary<string, string> Sentences = new(StringComparer.Ordinal)
    {
        ["step2ck_above_typical"] = "Step 2 CK above the average applicant's in this specialty.",
        ["step2ck_below_typical"] = "Step 2 CK below the average applicant's in this specialty.",
        ["step2ck_unknown"] = "Step 2 CK not recorded yet; assumed below the average applicant's.",
        ["step1_failed"] = "A failed Step 1 attempt.",
        ["step1_low"] = "Step 1 score below 225.",
        ["repeated_attempt"] = "A repeated USMLE attempt.",
        ["usce_unknown"] = "US clinical experience not recorded yet; assumed less than typical.",
        ["no_hands_on_usce"] = "No hands-on US clinical experience.",
        ["hands_on_usce"] = "Hands-on US clinical experience in this specialty.",
        ["us_letters_unknown"] = "Letters not recorded yet; assumed weaker than typical.",
        ["no_us_letters"] = "No letter from a US physician in this specialty.",
        ["us_letters"] = "Letters from US physicians in this specialty.",
        ["years_since_graduation_unknown"] = "Year of graduation not recorded yet; assumed three years ago.",
        ["older_graduate"] = "Graduated more than three years ago; programs favour recent graduates.",
        ["visa_needed"] = "Needs visa sponsorship.",
        ["no_visa_needed"] = "Needs no visa sponsorship.",
        ["visa_need_unknown"] = "Visa need not recorded yet; assumed likely.",
        ["step3_passed"] = "Step 3 passed.",
        ["community_program"] = "A community program: these suit lower scores.",
        ["community_university_program"] = "A smaller university-affiliated program: these suit lower scores.",
        ["university_program"] = "A university program: these favour higher scores.",
        ["sponsors_j1"] = "Sponsors J-1 visas.",
        ["sponsors_h1b"] = "Sponsors H-1B visas.",
        ["sponsors_visa"] = "Sponsors a visa the candidate can use.",
        ["h1b_sponsorship_unknown"] = "Does not say whether it sponsors H-1B visas; fewer programs do than J-1.",
        ["h1b_without_step3"] = "H-1B sponsorship usually needs a passed Step 3.",
        ["step2ck_below_program_minimum"] = "Step 2 CK below the minimum this program states.",
        ["research_with_us_collaborators"] = "Research with US collaborators.",
        ["preferred_state"] = "In a state the candidate prefers.",
        ["observed_interview_rate"] = "The program's published interview rate for applicants like this.",
        ["estimated_interview_rate"] = "No published interview rate; estimated from similar programs.",
        ["signal_gold"] = "The plan sends this program a gold signal.",
        ["signal_silver"] = "The plan sends this program a signal.",
        ["geographic_preference"] = "In a region the plan names as a geographic preference.",
    };

    public static bool IsAboutTheCandidate(string code) => AboutTheCandidate.Contains(code);

    /// <summary>
    /// Reasons as lines people read: those about the candidate's own facts (each once) or those that are the
    /// program's own, each as a sentence marked as helping or hurting.
    /// </summary>
    public static IReadOnlyList<ReasonLine> Lines(IEnumerable<(string Code, string? Message, double Weight)> reasons, bool aboutTheCandidate)
    {
        var kept = reasons.Where(r => IsAboutTheCandidate(r.Code) == aboutTheCandidate);
        if (aboutTheCandidate) kept = kept.DistinctBy(r => r.Code, StringComparer.Ordinal);
        return kept.Select(r => new ReasonLine(Sentence(r.Code, r.Message), r.Weight >= 0)).ToList();
    }

    /// <summary>The engine's own sentence when there is one, else the plain sentence for the code.</summary>
    public static string Sentence(string code, string? message) =>
        !string.IsNullOrWhiteSpace(message) ? message
        : Sentences.TryGetValue(code, out var sentence) ? sentence
        : Display.Words(code) + ".";
}
