using System.Globalization;
using SmartPick.Matching.Model;
using SmartPick.Matching.Parameters;

namespace SmartPick.Matching.Stages;

/// <summary>
/// Stage 2: the logistic interview model, p = σ(intercept + Σ terms). Every term is named; the strongest
/// positive and negative terms become the program's reasons. Terms that depend only on the candidate are
/// computed once per specialty; program terms are cached by value so a 6,000-row catalog costs little.
/// </summary>
public sealed class InterviewModel
{
    /// <summary>How many positive and how many negative terms a program reports.</summary>
    public const int ReasonsPerSign = 3;

    private readonly ParameterSet _ps;
    private readonly CandidateProfile _profile;
    private readonly ProfileFacts _facts;
    private readonly IReadOnlySet<string> _preferredStates;
    private readonly Dictionary<string, Reason[]> _profileTermsBySpecialty = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Code, string Variant), Reason> _programTerms = [];
    private readonly Reason[] _scratch = new Reason[32];
    private readonly Dictionary<ProgramKey, (double P, Reason[] Reasons)> _memo = [];

    /// <summary>Everything about a program the model reads: programs alike in these share p and reasons.</summary>
    private readonly record struct ProgramKey(string SpecialtyKey, string State, ProgramType Type, decimal? ImgShare,
        Tristate VisaJ1, Tristate VisaH1b, int? MinStep2Ck, Strictness MinStep2CkStrictness);

    public InterviewModel(ParameterSet parameters, CandidateProfile profile, ProfileFacts facts)
    {
        _ps = parameters;
        _profile = profile;
        _facts = facts;
        _preferredStates = new HashSet<string>(profile.PreferredStates, StringComparer.Ordinal);
    }

    private static string F(double x) => x.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>The candidate's Step 2 CK, or the prior used when it is unknown.</summary>
    public double Step2CkOrPrior(string specialtyKey) =>
        _facts.Step2CkScore ?? TypicalStep2Ck(specialtyKey) + _ps.Step2CkUnknownOffset.Value;

    public int TypicalStep2Ck(string specialtyKey) =>
        _ps.TypicalStep2Ck.TryGetValue(specialtyKey, out var typical) ? typical : _ps.TypicalStep2CkOther;

    /// <summary>
    /// How "low-score" the candidate is for a specialty, 0 (typical or above) to 1 (15+ points below typical):
    /// scales the program-type terms the guide gives for low-score profiles.
    /// </summary>
    private double Lowness(string specialtyKey) =>
        Math.Clamp((TypicalStep2Ck(specialtyKey) - Step2CkOrPrior(specialtyKey)) / 15.0, 0, 1);

    /// <summary>Terms that depend on the candidate and the specialty only.</summary>
    public Reason[] ProfileTerms(string specialtyKey)
    {
        if (_profileTermsBySpecialty.TryGetValue(specialtyKey, out var cached)) return cached;
        var terms = new List<Reason>();
        var ps = _ps;
        var f = _facts;
        var name = Specialties.ByKey(specialtyKey)?.Name ?? specialtyKey;

        switch (GuideGroups.Competitiveness(specialtyKey))
        {
            case SpecialtyCompetitiveness.Competitive:
                terms.Add(new("specialty_competitive", $"{name} rarely takes non-US IMGs.", ps.SpecialtyCompetitive.Value)); break;
            case SpecialtyCompetitiveness.Moderate:
                terms.Add(new("specialty_moderately_competitive", $"{name} is not among the IMG-friendly specialties.", ps.SpecialtyModeratelyCompetitive.Value)); break;
        }

        var typical = TypicalStep2Ck(specialtyKey);
        if (f.Step2CkScore is { } s2)
            terms.Add(new(s2 >= typical ? "step2ck_above_typical" : "step2ck_below_typical",
                $"Step 2 CK {s2} against a typical {typical} for IMGs in {name}.", ps.Step2CkPer10Points.Value * (s2 - typical) / 10.0));
        else
            terms.Add(new("step2ck_unknown", $"Step 2 CK unknown; assumed {F(Step2CkOrPrior(specialtyKey))}, {F(-ps.Step2CkUnknownOffset.Value)} below the typical {typical}.",
                ps.Step2CkPer10Points.Value * ps.Step2CkUnknownOffset.Value / 10.0));

        if (f.Step1Failed)
            terms.Add(new("step1_failed", "A failed Step 1 attempt.", ps.Step1Failed.Value));
        if (f.Step1Score is { } s1 && s1 < 225)
            terms.Add(new("step1_low", $"Step 1 {s1} is below 225.", ps.Step1LowPer10Points.Value * (225 - s1) / 10.0));
        if (f.AnyRepeatedAttempt)
            terms.Add(new("repeated_attempt", "A repeated USMLE attempt.", ps.RepeatedAttempt.Value));

        if (f.HandsOnMonths is null)
            terms.Add(new("usce_unknown", "US clinical experience unknown; assumed less than typical.", ps.UsceUnknown.Value));
        else
        {
            var eff = ProfileFacts.EffectiveUsceMonths(_profile, specialtyKey);
            var noneWeight = ps.NoHandsOnUsce.Value * Math.Max(0, 1 - eff / 3.0);
            var monthsWeight = ps.HandsOnUsceMonth.Value * Math.Min(eff, 6);
            if (f.HandsOnMonths == 0)
                terms.Add(new("no_hands_on_usce", eff > 0 ? $"No hands-on USCE (observership counts for little)." : "No hands-on US clinical experience.",
                    noneWeight + monthsWeight));
            else
                terms.Add(new("hands_on_usce", $"{F(eff)} effective months of hands-on USCE for {name}.", noneWeight + monthsWeight));
        }

        if (f.UsLettersTotal is null)
            terms.Add(new("us_letters_unknown", "Letters unknown; assumed weaker than typical.", ps.UsLettersUnknown.Value));
        else
        {
            var (strong, standard) = ProfileFacts.UsLettersIn(_profile, specialtyKey);
            if (strong + standard == 0)
                terms.Add(new("no_us_letters", $"No letter from a US physician in {name}.", ps.NoUsLetters.Value));
            else
                terms.Add(new("us_letters", $"{strong} strong and {standard} standard US letters in {name}.",
                    strong * ps.UsLetterStrong.Value + standard * ps.UsLetterStandard.Value));
        }

        var years = f.YearsSinceGraduation;
        var ysgWeight = Math.Max(ps.GraduationPenaltyFloor.Value,
            ps.YearPastThree.Value * Math.Max(0, years - 3) + ps.YearPastFive.Value * Math.Max(0, years - 5));
        if (!f.YearsSinceGraduationKnown)
            terms.Add(new("years_since_graduation_unknown", $"Years since graduation unknown; assumed {years}.", ysgWeight));
        else if (ysgWeight < 0)
            terms.Add(new("older_graduate", $"{years} years since graduation.", ysgWeight));

        switch (f.VisaNeed)
        {
            case VisaNeed.J1 or VisaNeed.H1b or VisaNeed.Either:
                terms.Add(new("visa_needed", "Needs visa sponsorship.", ps.VisaNeeded.Value)); break;
            case null when f.ImgType != ImgType.UsImg:
                // A non-US IMG usually needs a visa; with the IMG type unknown too, half that prior.
                var prior = ps.PriorNonUsImgNeedsVisa.Value * (f.ImgType == ImgType.NonUsImg ? 1 : 0.5);
                terms.Add(new("visa_need_unknown", $"Visa need unknown; {F(prior * 100)}% chance of needing one assumed.", prior * ps.VisaNeeded.Value));
                break;
        }

        if (f.Step3Passed)
            terms.Add(new("step3_passed", "Step 3 passed.", ps.Step3Passed.Value));

        var result = terms.Where(t => t.Weight != 0).ToArray();
        _profileTermsBySpecialty[specialtyKey] = result;
        return result;
    }

    private Reason Cached(string code, string variant, Func<Reason> make)
    {
        if (!_programTerms.TryGetValue((code, variant), out var reason))
        {
            reason = make();
            _programTerms[(code, variant)] = reason;
        }
        return reason;
    }

    /// <summary>Interview probability of an eligible program and the reasons (strongest terms first).</summary>
    public (double P, Reason[] Reasons) Score(CatalogProgram program, string specialtyKey)
    {
        var key = new ProgramKey(specialtyKey, program.State, program.ProgramType, program.ImgShare, program.VisaJ1, program.VisaH1b,
            program.MinStep2Ck, program.MinStep2CkStrictness);
        if (_memo.TryGetValue(key, out var known)) return known;
        var scored = ScoreUncached(program, specialtyKey);
        _memo[key] = scored;
        return scored;
    }

    private (double P, Reason[] Reasons) ScoreUncached(CatalogProgram program, string specialtyKey)
    {
        var ps = _ps;
        var count = 0;
        foreach (var t in ProfileTerms(specialtyKey)) _scratch[count++] = t;

        var friendly = GuideGroups.ImgFriendlyStates.Contains(program.State);
        if (friendly)
            _scratch[count++] = Cached("img_friendly_state", program.State,
                () => new("img_friendly_state", $"{program.State} is an IMG-friendly state.", ps.ImgFriendlyState.Value));
        else if (GuideGroups.ToughStates.Contains(program.State))
            _scratch[count++] = Cached("tough_state", program.State,
                () => new("tough_state", $"{program.State} is a tough state for non-US IMGs.", ps.ToughState.Value));

        if (program.ImgShare is { } share)
        {
            var w = ps.ImgSharePer10Points.Value * ((double)share - 30) / 10.0;
            if (w != 0)
                _scratch[count++] = Cached("img_share", share.ToString(CultureInfo.InvariantCulture),
                    () => new(w > 0 ? "high_img_share" : "low_img_share", $"{F((double)share)}% of residents are IMGs.", w));
        }
        else
        {
            var (prior, typeName) = program.ProgramType switch
            {
                ProgramType.Community => (ps.PriorImgShareCommunity.Value, "community program"),
                ProgramType.CommunityUniversity => (ps.PriorImgShareCommunityUniversity.Value, "community-university program"),
                ProgramType.University => (ps.PriorImgShareUniversity.Value, "university program"),
                _ => (ps.PriorImgShareUnknownType.Value, "program of unknown type"),
            };
            if (friendly) prior += ps.PriorImgShareFriendlyStateBonus.Value;
            var w = ps.ImgSharePer10Points.Value * (prior - 30) / 10.0;
            if (w != 0)
                _scratch[count++] = Cached("img_share_unknown", F(prior) + typeName,
                    () => new("img_share_unknown", $"IMG share unknown; assumed {F(prior)}% for a {typeName}{(friendly ? " in an IMG-friendly state" : "")}.", w));
        }

        var lowness = Lowness(specialtyKey);
        if (lowness > 0)
        {
            var (coef, code, text) = program.ProgramType switch
            {
                ProgramType.Community => (ps.CommunityForLowScores.Value, "community_program", "Community programs suit lower scores."),
                ProgramType.CommunityUniversity => (ps.CommunityUniversityForLowScores.Value, "community_university_program", "Smaller university-affiliated programs suit lower scores."),
                ProgramType.University => (ps.UniversityForLowScores.Value, "university_program", "University programs favour higher scores."),
                _ => (0.0, "", ""),
            };
            if (coef != 0)
                _scratch[count++] = Cached(code, "", () => new(code, text, coef * lowness));
        }

        VisaTerms(program, ref count);

        // A stated preference is a penalty; so is a cutoff when the candidate's score is unknown (never assume it is met).
        if (program.MinStep2Ck is { } minimum && (program.MinStep2CkStrictness != Strictness.Cutoff || _facts.Step2CkScore is null))
        {
            var score = Step2CkOrPrior(specialtyKey);
            if (score < minimum)
            {
                var strictness = program.MinStep2CkStrictness switch
                {
                    Strictness.Preference => "preferred minimum",
                    Strictness.Cutoff => "cutoff (score unknown)",
                    _ => "minimum of unknown strictness",
                };
                _scratch[count++] = new("step2ck_below_program_minimum", $"Step 2 CK {F(score)} is below the program's {strictness} of {minimum}.",
                    ps.Step2CkBelowPreferencePer10Points.Value * (minimum - score) / 10.0);
            }
        }

        if (_facts.HasResearchWithUsCollaborators)
        {
            var university = program.ProgramType == ProgramType.University;
            _scratch[count++] = Cached("research_with_us_collaborators", university ? "u" : "",
                () => new("research_with_us_collaborators", university ? "Research with US collaborators, valued at university programs." : "Research with US collaborators.",
                    ps.ResearchWithUsCollaborators.Value * (university ? ps.ResearchUniversityMultiplier.Value : 1)));
        }

        if (program.State.Length > 0 && _preferredStates.Contains(program.State))
            _scratch[count++] = Cached("preferred_state", program.State,
                () => new("preferred_state", $"{program.State} is a preferred state.", ps.PreferredState.Value));

        var z = ps.Intercept.Value;
        for (var i = 0; i < count; i++) z += _scratch[i].Weight;
        var p = 1.0 / (1.0 + Math.Exp(-z));
        return (p, TopReasons(count));
    }

    private void VisaTerms(CatalogProgram program, ref int count)
    {
        var ps = _ps;
        double SponsorProbability(Tristate t, double prior) => t switch { Tristate.Yes => 1, Tristate.No => 0, _ => prior };
        var j1 = SponsorProbability(program.VisaJ1, ps.PriorSponsorsJ1.Value);
        var h1b = SponsorProbability(program.VisaH1b, ps.PriorSponsorsH1b.Value);

        switch (_facts.VisaNeed)
        {
            case VisaNeed.J1:
                _scratch[count++] = program.VisaJ1 == Tristate.Yes
                    ? Cached("sponsors_j1", "", () => new("sponsors_j1", "Sponsors J-1 visas.", ps.KnownSponsor.Value))
                    : Cached("j1_sponsorship_unknown", "", () => new("j1_sponsorship_unknown",
                        $"J-1 sponsorship unknown; {F(j1 * 100)}% chance assumed.", Math.Log(j1)));
                break;
            case VisaNeed.H1b:
                _scratch[count++] = program.VisaH1b == Tristate.Yes
                    ? Cached("sponsors_h1b", "", () => new("sponsors_h1b", "Sponsors H-1B visas.", ps.KnownSponsor.Value))
                    : Cached("h1b_sponsorship_unknown", "", () => new("h1b_sponsorship_unknown",
                        $"H-1B sponsorship unknown; {F(h1b * 100)}% chance assumed.", Math.Log(h1b)));
                if (!_facts.Step3Passed)
                    _scratch[count++] = Cached("h1b_without_step3", "", () => new("h1b_without_step3",
                        "H-1B sponsorship usually requires a passed Step 3.", ps.H1bWithoutStep3.Value));
                break;
            case VisaNeed.Either:
                if (program.VisaJ1 == Tristate.Yes || program.VisaH1b == Tristate.Yes)
                    _scratch[count++] = Cached("sponsors_visa", "", () => new("sponsors_visa", "Sponsors a visa the candidate can use.", ps.KnownSponsor.Value));
                else
                {
                    var either = 1 - (1 - j1) * (1 - h1b);
                    _scratch[count++] = Cached("visa_sponsorship_unknown", F(either), () => new("visa_sponsorship_unknown",
                        $"Visa sponsorship unknown; {F(either * 100)}% chance of J-1 or H-1B assumed.", Math.Log(either)));
                }
                break;
        }
    }

    /// <summary>The strongest positive and negative terms, positive first, each by decreasing size.</summary>
    private Reason[] TopReasons(int count)
    {
        Span<int> pos = stackalloc int[ReasonsPerSign];
        Span<int> neg = stackalloc int[ReasonsPerSign];
        int np = 0, nn = 0;
        for (var i = 0; i < count; i++)
        {
            var w = _scratch[i].Weight;
            if (w > 0) Insert(pos, ref np, i, w, descending: true);
            else if (w < 0) Insert(neg, ref nn, i, w, descending: false);
        }
        var result = new Reason[np + nn];
        for (var i = 0; i < np; i++) result[i] = _scratch[pos[i]];
        for (var i = 0; i < nn; i++) result[np + i] = _scratch[neg[i]];
        return result;
    }

    private void Insert(Span<int> top, ref int n, int index, double weight, bool descending)
    {
        bool Better(double a, double b) => descending ? a > b : a < b;
        var at = n;
        while (at > 0 && Better(weight, _scratch[top[at - 1]].Weight)) at--;
        if (at >= top.Length) return;
        var last = Math.Min(n, top.Length - 1);
        for (var k = last; k > at; k--) top[k] = top[k - 1];
        top[at] = index;
        if (n < top.Length) n++;
    }
}
