using System.Globalization;
using SmartPick.Matching.Model;

namespace SmartPick.Matching.Stages;

/// <summary>What the advice rules need besides the profile: the optimizer's answer and the rebuild what-if.</summary>
internal sealed record AdviceContext(
    string PrimarySpecialty,
    int RecommendedApplications,
    double PMatchAtRecommended,
    int ProgramsStatingNeededVisa,
    int ProgramsWithVisaUnknown,
    RebuildOutlook? Rebuild,
    IReadOnlyList<CurvePoint> Curve);

/// <summary>P(match) at the same number of applications now and after the one-year rebuild (see <see cref="MatchingEngine.RebuildChanges"/>).</summary>
public sealed record RebuildOutlook(int Applications, double PMatchNow, double PMatchAfterRebuild)
{
    public double Gain => PMatchAfterRebuild - PMatchNow;
}

/// <summary>
/// Stage 4: risk factors and advice from the guide, each with its trigger spelled out. Score bands:
/// Step 1 &lt;220 low, 220–224 borderline; Step 2 CK &lt;230 low, 230–234 borderline.
/// </summary>
internal static class AdviceRules
{
    /// <summary>A rebuild that raises P(match) at the same N by this much (absolute) triggers "wait a cycle".</summary>
    public const double LargeRebuildGain = 0.15;

    public static (IReadOnlyList<string> RiskFactors, IReadOnlyList<Advice> Advice) Derive(
        CandidateProfile profile, ProfileFacts facts, AdviceContext context)
    {
        var risks = new List<string>();
        var advice = new List<Advice>();
        var specialtyName = Specialties.ByKey(context.PrimarySpecialty)?.Name ?? context.PrimarySpecialty;
        var specialtyLower = specialtyName.ToLowerInvariant();
        static string Pct(double p) => (p * 100).ToString(p < 0.1 ? "0.#" : "0", CultureInfo.InvariantCulture) + "%";

        var lowStep1 = facts.Step1Score is < 220;
        var lowStep2 = facts.Step2CkScore is < 230;
        if (facts.Step1Failed) risks.Add("step1_failed");
        if (lowStep1) risks.Add("low_step1");
        else if (facts.Step1Score is >= 220 and <= 224) risks.Add("borderline_step1");
        if (lowStep2) risks.Add("low_step2ck");
        else if (facts.Step2CkScore is >= 230 and <= 234) risks.Add("borderline_step2ck");
        if (facts.Step2CkScore is null) risks.Add("no_step2ck");
        if (facts.AnyRepeatedAttempt) risks.Add("repeated_attempt");
        var lowScores = lowStep1 || lowStep2 || facts.Step1Failed;

        var noUsce = facts.HandsOnMonths == 0;
        if (noUsce) risks.Add("no_usce");
        if (facts.YearsSinceGraduationKnown && facts.YearsSinceGraduation > 3) risks.Add("older_yog");
        var needsVisa = facts.VisaNeed is VisaNeed.J1 or VisaNeed.H1b or VisaNeed.Either;
        if (needsVisa) risks.Add("visa_needed");
        if (facts.VisaNeed == VisaNeed.H1b && !facts.Step3Passed) risks.Add("h1b_needs_step3");
        var competitive = profile.TargetSpecialties.Any(t => GuideGroups.Competitiveness(t) == SpecialtyCompetitiveness.Competitive);
        if (competitive) risks.Add("competitive_specialty");
        if (competitive && lowScores && needsVisa) risks.Add("triple_disadvantage");
        var (strong, standard) = ProfileFacts.UsLettersIn(profile, context.PrimarySpecialty);
        var usLetters = strong + standard;
        if (facts.UsLettersTotal == 0) risks.Add("no_us_letters");
        if (facts.ResearchKnown && !facts.HasAnyResearch) risks.Add("no_research");
        var unmatched = profile.PreviousCycles.Where(c => c.Outcome == CycleOutcome.Unmatched).ToList();
        if (unmatched.Count > 0) risks.Add("reapplicant");

        // --- actions ---
        var effective = ProfileFacts.EffectiveUsceMonths(profile, context.PrimarySpecialty);
        if (facts.HandsOnMonths is null)
            advice.Add(new("get_hands_on_usce",
                $"Record your US clinical experience; aim for 2–4 months of hands-on {specialtyLower} USCE at IMG-friendly community hospitals.",
                "US clinical experience unknown"));
        else if (effective < 2)
            advice.Add(new("get_hands_on_usce",
                noUsce
                    ? $"Secure 3–4 months of hands-on {specialtyLower} USCE (inpatient, with patient contact), preferably at IMG-friendly community hospitals, in the year before applying."
                    : $"Add hands-on {specialtyLower} USCE to reach 3–4 months, preferably at IMG-friendly community hospitals; observership counts for little.",
                noUsce ? "no hands-on US clinical experience" : $"{effective.ToString("0.#", CultureInfo.InvariantCulture)} effective months of USCE in {specialtyLower} (target 2–4)"));

        if (facts.UsLettersTotal is null || usLetters < 2 || strong == 0)
            advice.Add(new("get_us_letters",
                $"Ask 2–3 supportive US attendings in {specialtyLower} who supervised you directly for strong letters; ask early and give them your CV and cases.",
                facts.UsLettersTotal is null ? "letters unknown"
                    : usLetters == 0 ? $"no US letters in {specialtyLower}"
                    : $"{usLetters} US letter(s) in {specialtyLower}, {strong} strong (target 2–3 strong)"));

        if (facts.Step2CkScore is null && facts.Step1Score is { } s1)
            advice.Add(new("aim_step2ck_above_step1",
                $"Make Step 2 CK your redemption: aim for {s1 + 10}–{s1 + 15} or more, and delay applying rather than rush it.",
                $"Step 2 CK not yet reported; Step 1 {s1}"));

        var broad = context.RecommendedApplications >= 60 || lowScores || needsVisa;
        if (broad && context.RecommendedApplications > 0)
        {
            var visaFocus = facts.VisaNeed switch
            {
                VisaNeed.J1 => "J-1 sponsoring ",
                VisaNeed.H1b => "H-1B sponsoring ",
                VisaNeed.Either => "visa-sponsoring ",
                _ => "",
            };
            // The recommended size and its chance; where a shorter list already gives most of it (signals put the best
            // chances first), the curve says so, so the candidate sees what the last applications buy.
            var n = context.RecommendedApplications;
            var half = context.Curve.FirstOrDefault(c => c.N <= n && c.N >= 10 && c.PMatch >= 0.5 * context.PMatchAtRecommended);
            var size = half is not null && half.N < n
                ? $"about {n} {specialtyLower} programs (P(match) {Pct(context.PMatchAtRecommended)}; the first {half.N} give {Pct(half.PMatch)})"
                : $"about {n} {specialtyLower} programs (P(match) {Pct(context.PMatchAtRecommended)})";
            advice.Add(new("apply_broadly",
                $"Apply to {size}, focusing on {visaFocus}community and smaller university-affiliated programs with high IMG shares in IMG-rich states (NY, NJ, MI, OH, PA, IL, TX); skip programs that state they do not sponsor your visa or set cutoffs above your scores.",
                $"the optimizer's recommended list size is {context.RecommendedApplications}" + (lowScores ? " with low scores" : "")));
        }

        if (needsVisa)
        {
            var visaName = facts.VisaNeed switch { VisaNeed.J1 => "J-1", VisaNeed.H1b => "H-1B", _ => "J-1 or H-1B" };
            advice.Add(new("focus_visa_sponsors",
                $"Target programs that sponsor {visaName}: {context.ProgramsStatingNeededVisa} of your eligible programs state it and {context.ProgramsWithVisaUnknown} do not say; confirm sponsorship on their websites before applying.",
                $"needs a {visaName} visa"));
        }

        if (!facts.Step3Passed && (facts.VisaNeed is VisaNeed.H1b or VisaNeed.Either || lowScores))
            advice.Add(new("consider_step3",
                facts.VisaNeed is VisaNeed.H1b or VisaNeed.Either
                    ? "Pass Step 3 before applying if you can: most H-1B programs require it, and a convincing pass reassures programs about low scores. Only sit it when ready."
                    : "Consider Step 3 once ready: a convincing pass shows you will pass US boards; a failure would hurt, so do not rush it.",
                facts.VisaNeed is VisaNeed.H1b or VisaNeed.Either ? "H-1B considered and Step 3 not passed" : "low scores and Step 3 not passed"));

        if (competitive && lowScores)
            advice.Add(new("choose_img_friendly_specialty",
                "With low scores" + (needsVisa ? " and a visa need (the triple disadvantage)" : "") + ", add an IMG-friendly specialty such as internal medicine or family medicine.",
                "competitive target specialty with low scores"));

        var noStrongSupport = facts.UsLettersTotal is null or 0 && !(facts.ResearchKnown && facts.HasAnyResearch);
        string? waitTrigger = null;
        if (lowScores && noUsce)
            waitTrigger = "low scores with no hands-on US clinical experience" + (noStrongSupport ? ", no US letters and no research" : "");
        else if (context.Rebuild is { Gain: >= LargeRebuildGain } r)
            waitTrigger = $"a one-year rebuild raises P(match) at {r.Applications} applications by {Pct(r.Gain)}";
        if (waitTrigger is not null)
        {
            var numbers = context.Rebuild is { } rb
                ? $" At {rb.Applications} applications P(match) goes from {Pct(rb.PMatchNow)} now to {Pct(rb.PMatchAfterRebuild)} after the rebuild."
                : "";
            advice.Add(new("wait_a_cycle",
                $"Consider a one-year rebuild before applying: 3–4 months of hands-on {specialtyLower} USCE, 2–3 strong US letters, a QI project with US mentors, and Step 3 if you can pass it convincingly.{numbers}",
                waitTrigger));
        }

        if (unmatched.Count > 0)
        {
            var last = unmatched.MaxBy(c => c.Season)!;
            var have = new List<string>();
            var lack = new List<string>();
            (effective >= 2 ? have : lack).Add("hands-on USCE");
            (usLetters >= 2 ? have : lack).Add("US letters");
            (facts.Step3Passed ? have : lack).Add("Step 3");
            advice.Add(new("reapplicant_progress",
                $"Show what changed since the {last.Season} cycle" + (have.Count > 0 ? $" ({string.Join(", ", have)})" : "")
                + (lack.Count > 0 ? $"; still missing: {string.Join(", ", lack)}" : "") + ". Target an even tighter IMG-friendly list.",
                $"unmatched in {last.Season}" + (last.Interviews is { } i ? $" with {i} interview(s)" : "")));
        }
        // Unknowns are reasoned about with priors; saying which ones tells the person what would sharpen the list.
        var missing = new List<string>();
        if (facts.SeasonAssumed)
            missing.Add(facts.YearsSinceGraduationKnown
                ? $"season (years since graduation counted to a default season: {facts.YearsSinceGraduation})"
                : $"season or year of graduation (assumed {facts.YearsSinceGraduation} years since graduation)");
        else if (!facts.YearsSinceGraduationKnown) missing.Add($"year of graduation (assumed {facts.YearsSinceGraduation} years since graduation)");
        if (facts.Step2CkScore is null) missing.Add("Step 2 CK score");
        if (facts.VisaNeed is null) missing.Add("visa need");
        if (facts.HandsOnMonths is null) missing.Add("US clinical experience");
        if (facts.UsLettersTotal is null) missing.Add("letters");
        if (missing.Count > 0)
            advice.Add(new("complete_profile",
                $"Add the missing facts to sharpen the list: {string.Join("; ", missing)}.",
                "unknown: " + string.Join(", ", missing.Select(m => m.Split(" (")[0]))));
        return (risks, advice);
    }
}
