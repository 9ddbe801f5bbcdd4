using System.Globalization;
using SmartPick.Matching.Model;
using SmartPick.Matching.Parameters;

namespace SmartPick.Matching.Stages;

/// <summary>
/// Stage 2, model v2: logit p = program effect + candidate effect (+ the shared random effect, integrated out by
/// the optimizer). The program effect is the program's observed interview rate for the candidate's applicant type,
/// or its prior (<see cref="ProgramEffects"/>); the candidate effect is the sum of named terms measuring the profile
/// against the average applicant of that type, so the average applicant gets the observed rate. A program's reasons
/// are its evidence first, then its strongest positive and negative terms.
/// </summary>
internal sealed class InterviewModel
{
    /// <summary>How many positive and how many negative terms a program reports.</summary>
    public const int ReasonsPerSign = 3;

    private readonly ParameterSet _ps;
    private readonly CandidateProfile _profile;
    private readonly ProfileFacts _facts;
    private readonly IReadOnlySet<string> _preferredStates;
    private readonly Dictionary<string, Reason[]> _profileTermsBySpecialty = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Code, string Variant), Reason> _programTerms = [];
    private readonly ProgramEffects _effects;
    private readonly ImgType _type;
    private readonly Dictionary<string, double> _profileSumBySpecialty = new(StringComparer.Ordinal);

    public InterviewModel(ParameterSet parameters, CandidateProfile profile, ProfileFacts facts, ProgramEffects effects)
    {
        _ps = parameters;
        _profile = profile;
        _facts = facts;
        _effects = effects;
        _type = profile.ImgType ?? ImgType.NonUsImg;
        _preferredStates = new HashSet<string>(profile.PreferredStates, StringComparer.Ordinal);
    }

    /// <summary>The applicant type whose evidence the model reads (non-US IMG when the profile does not say).</summary>
    public ImgType ApplicantType => _type;

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

        var typical = TypicalStep2Ck(specialtyKey);
        if (f.Step2CkScore is { } s2)
            terms.Add(new(s2 >= typical ? "step2ck_above_typical" : "step2ck_below_typical",
                $"Step 2 CK {s2} against {typical} for the average non-US IMG applicant in {name}.", ps.Step2CkPer10Points.Value * (s2 - typical) / 10.0));
        else
            terms.Add(new("step2ck_unknown", $"Step 2 CK unknown; assumed {F(Step2CkOrPrior(specialtyKey))}, {F(-ps.Step2CkUnknownOffset.Value)} below the average applicant's {typical}.",
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
            var noneWeight = f.HandsOnMonths == 0 ? ps.NoHandsOnUsce.Value : 0;
            var monthsWeight = ps.HandsOnUsceMonth.Value * (Math.Min(eff, 6) - ps.AverageUsceMonths.Value);
            if (f.HandsOnMonths == 0)
                terms.Add(new("no_hands_on_usce", eff > 0 ? $"No hands-on USCE (observership counts for little)." : "No hands-on US clinical experience.",
                    noneWeight + monthsWeight));
            else
                terms.Add(new("hands_on_usce", $"{F(eff)} effective months of hands-on USCE for {name} (the average applicant has {F(ps.AverageUsceMonths.Value)}).", noneWeight + monthsWeight));
        }

        if (f.UsLettersTotal is null)
            terms.Add(new("us_letters_unknown", "Letters unknown; assumed weaker than typical.", ps.UsLettersUnknown.Value));
        else
        {
            var (strong, standard) = ProfileFacts.UsLettersIn(_profile, specialtyKey);
            if (strong + standard == 0)
                terms.Add(new("no_us_letters", $"No letter from a US physician in {name}.", ps.NoUsLetters.Value));
            else
                terms.Add(new("us_letters", $"{strong} strong and {standard} standard US letters in {name} (the average applicant has two standard ones).",
                    strong * ps.UsLetterStrong.Value + standard * ps.UsLetterStandard.Value - 2 * ps.UsLetterStandard.Value));
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
                terms.Add(new("visa_needed", $"Needs visa sponsorship (about {F(AverageVisaNeed * 100)}% of applicants like you do).", ps.VisaNeeded.Value * (1 - AverageVisaNeed))); break;
            case VisaNeed.None when AverageVisaNeed > 0:
                terms.Add(new("no_visa_needed", "Needs no visa sponsorship.", -ps.VisaNeeded.Value * AverageVisaNeed)); break;
            case null when f.ImgType != ImgType.UsImg:
                // A non-US IMG usually needs a visa; with the IMG type unknown too, half that prior.
                var prior = ps.PriorNonUsImgNeedsVisa.Value * (f.ImgType == ImgType.NonUsImg ? 1 : 0.5);
                terms.Add(new("visa_need_unknown", $"Visa need unknown; {F(prior * 100)}% chance of needing one assumed.", (prior - AverageVisaNeed) * ps.VisaNeeded.Value));
                break;
        }

        if (f.Step3Passed)
            terms.Add(new("step3_passed", "Step 3 passed.", ps.Step3Passed.Value));

        var result = terms.Where(t => t.Weight != 0).ToArray();
        _profileTermsBySpecialty[specialtyKey] = result;
        return result;
    }

    /// <summary>Visa need of the average applicant of the candidate's type: US IMGs are citizens.</summary>
    private double AverageVisaNeed => _type == ImgType.UsImg ? 0 : _ps.AverageVisaNeed.Value;

    /// <summary>The candidate effect for a specialty: the fitted offset plus every profile term.</summary>
    public double CandidateEffect(string specialtyKey)
    {
        if (_profileSumBySpecialty.TryGetValue(specialtyKey, out var z)) return z;
        z = _ps.Intercept.Value;
        foreach (var t in ProfileTerms(specialtyKey)) z += t.Weight;
        _profileSumBySpecialty[specialtyKey] = z;
        return z;
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

    /// <summary>
    /// The program's logit without the random effect, the interview chance shown (the random effect integrated
    /// out), whether its rate was observed or estimated, and its reasons (evidence first). The logit is summed
    /// directly; the reasons, which name every term, are built only when read (a list shows a few dozen programs).
    /// </summary>
    public (double Logit, double P, PBasis Basis, IReadOnlyList<Reason> Reasons) Score(CatalogProgram program, string specialtyKey, bool withReasons = true) =>
        Score(program, specialtyKey, _effects.Of(program, _type), withReasons);


    /// <summary><see cref="Score(CatalogProgram, string, bool)"/> with the program's effect already looked up.</summary>
    public (double Logit, double P, PBasis Basis, IReadOnlyList<Reason> Reasons) Score(CatalogProgram program, string specialtyKey, in ProgramEffect effect, bool withReasons)
    {
        var (z, basis, reasons) = Logit(program, specialtyKey, effect, withReasons);
        return (z, ListOptimizer.MarginalP(z, _ps.RandomEffectSd.Value), basis, reasons);
    }

    /// <summary>The program's logit without the random effect (the shown p is monotone in it), its basis and its reasons.</summary>
    public (double Logit, PBasis Basis, IReadOnlyList<Reason> Reasons) Logit(CatalogProgram program, string specialtyKey, in ProgramEffect effect, bool withReasons)
    {
        var specialty = SpecialtyOf(specialtyKey);
        var z = effect.Logit + specialty.Candidate + ProgramTerms(program, specialty);
        return (z, effect.Basis, withReasons ? new LazyReasons(this, program, specialtyKey, effect.Reason) : []);
    }

    /// <summary>What the model needs per specialty, computed once (a list rarely spans more than two specialties).</summary>
    private sealed record SpecialtyValues(string Key, double Candidate, double Lowness, double Step2Ck);

    private SpecialtyValues? _lastSpecialty;

    private SpecialtyValues SpecialtyOf(string key)
    {
        var last = _lastSpecialty;
        if (last is not null && (ReferenceEquals(last.Key, key) || last.Key == key)) return last;
        return _lastSpecialty = new SpecialtyValues(key, CandidateEffect(key), Lowness(key), Step2CkOrPrior(key));
    }

    /// <summary>The sum of the candidate × program terms (the weights <see cref="ReasonsFor"/> names one by one).</summary>
    private double ProgramTerms(CatalogProgram program, SpecialtyValues specialty)
    {
        var ps = _ps;
        double z = 0;
        var lowness = specialty.Lowness;
        if (lowness > 0)
            z += lowness * program.ProgramType switch
            {
                ProgramType.Community => ps.CommunityForLowScores.Value,
                ProgramType.CommunityUniversity => ps.CommunityUniversityForLowScores.Value,
                ProgramType.University => ps.UniversityForLowScores.Value,
                _ => 0,
            };
        switch (_facts.VisaNeed)
        {
            case VisaNeed.J1 when program.VisaJ1 == Tristate.Yes:
            case VisaNeed.Either when program.VisaJ1 == Tristate.Yes || program.VisaH1b == Tristate.Yes:
                z += ps.KnownSponsor.Value;
                break;
            case VisaNeed.H1b:
                z += program.VisaH1b == Tristate.Yes ? ps.KnownSponsor.Value : Math.Log(ps.PriorSponsorsH1b.Value / ps.PriorSponsorsJ1.Value);
                if (!_facts.Step3Passed) z += ps.H1bWithoutStep3.Value;
                break;
        }
        if (program.MinStep2Ck is { } minimum && (program.MinStep2CkStrictness != Strictness.Cutoff || _facts.Step2CkScore is null))
        {
            var score = specialty.Step2Ck;
            if (score < minimum) z += ps.Step2CkBelowPreferencePer10Points.Value * (minimum - score) / 10.0;
        }
        if (_facts.HasResearchWithUsCollaborators)
            z += ps.ResearchWithUsCollaborators.Value * (program.ProgramType == ProgramType.University ? ps.ResearchUniversityMultiplier.Value : 1);
        if (_preferredStates.Count > 0 && program.State.Length > 0 && _preferredStates.Contains(program.State))
            z += ps.PreferredState.Value;
        return z;
    }

    /// <summary>Every term behind a program's logit, by name: the profile's terms, then the program's.</summary>
    internal int AllTerms(CatalogProgram program, string specialtyKey, Reason[] buffer)
    {
        lock (_programTerms)
        {
            var count = 0;
            foreach (var t in ProfileTerms(specialtyKey)) buffer[count++] = t;
            return ProgramReasons(program, specialtyKey, buffer, count);
        }
    }

    /// <summary>A program's reasons: its evidence, then its strongest terms (see <see cref="TopReasons"/>).</summary>
    internal Reason[] ReasonsFor(CatalogProgram program, string specialtyKey, Reason evidence)
    {
        var buffer = new Reason[32];
        var count = AllTerms(program, specialtyKey, buffer);
        return TopReasons(evidence, buffer, count);
    }

    /// <summary>Reasons computed on first read; the model is kept to compute them.</summary>
    private sealed class LazyReasons(InterviewModel model, CatalogProgram program, string specialtyKey, Reason evidence) : IReadOnlyList<Reason>
    {
        private Reason[]? _reasons;
        private Reason[] Value => _reasons ??= model.ReasonsFor(program, specialtyKey, evidence);
        public Reason this[int index] => Value[index];
        public int Count => Value.Length;
        public IEnumerator<Reason> GetEnumerator() => ((IEnumerable<Reason>)Value).GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => Value.GetEnumerator();
    }

    private int ProgramReasons(CatalogProgram program, string specialtyKey, Reason[] _scratch, int count)
    {
        var ps = _ps;

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

        VisaTerms(program, _scratch, ref count);

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

        return count;
    }

    /// <summary>
    /// Sponsorship the sheet states is a bonus (the candidate's need is met for sure). Unknown sponsorship adds no
    /// term for J-1 or either: the program's observed or estimated rate is that of the average applicant, most of
    /// whom need a visa. H-1B is narrower than J-1, so unknown H-1B costs ln(prior H-1B / prior J-1).
    /// </summary>
    private void VisaTerms(CatalogProgram program, Reason[] _scratch, ref int count)
    {
        var ps = _ps;
        switch (_facts.VisaNeed)
        {
            case VisaNeed.J1 when program.VisaJ1 == Tristate.Yes:
                _scratch[count++] = Cached("sponsors_j1", "", () => new("sponsors_j1", "Sponsors J-1 visas.", ps.KnownSponsor.Value));
                break;
            case VisaNeed.H1b:
                _scratch[count++] = program.VisaH1b == Tristate.Yes
                    ? Cached("sponsors_h1b", "", () => new("sponsors_h1b", "Sponsors H-1B visas.", ps.KnownSponsor.Value))
                    : Cached("h1b_sponsorship_unknown", "", () => new("h1b_sponsorship_unknown",
                        $"H-1B sponsorship unknown; fewer programs sponsor H-1B ({F(ps.PriorSponsorsH1b.Value * 100)}%) than J-1 ({F(ps.PriorSponsorsJ1.Value * 100)}%).",
                        Math.Log(ps.PriorSponsorsH1b.Value / ps.PriorSponsorsJ1.Value)));
                if (!_facts.Step3Passed)
                    _scratch[count++] = Cached("h1b_without_step3", "", () => new("h1b_without_step3",
                        "H-1B sponsorship usually requires a passed Step 3.", ps.H1bWithoutStep3.Value));
                break;
            case VisaNeed.Either when program.VisaJ1 == Tristate.Yes || program.VisaH1b == Tristate.Yes:
                _scratch[count++] = Cached("sponsors_visa", "", () => new("sponsors_visa", "Sponsors a visa the candidate can use.", ps.KnownSponsor.Value));
                break;
        }
    }

    /// <summary>
    /// The evidence reason, then the strongest positive and negative terms (positive first, each by decreasing size),
    /// then any other assumption made for an unknown value, so every assumption behind p is named.
    /// </summary>
    private static Reason[] TopReasons(Reason evidence, Reason[] _scratch, int count)
    {
        Span<int> pos = stackalloc int[ReasonsPerSign];
        Span<int> neg = stackalloc int[ReasonsPerSign];
        int np = 0, nn = 0;
        for (var i = 0; i < count; i++)
        {
            var w = _scratch[i].Weight;
            if (w > 0) Insert(_scratch, pos, ref np, i, w, descending: true);
            else if (w < 0) Insert(_scratch, neg, ref nn, i, w, descending: false);
        }
        var extra = 0;
        for (var i = 0; i < count; i++)
            if (IsUnlistedUnknown(_scratch, i, pos[..np], neg[..nn])) extra++;
        var result = new Reason[1 + np + nn + extra];
        var at = 0;
        result[at++] = evidence;
        for (var i = 0; i < np; i++) result[at++] = _scratch[pos[i]];
        for (var i = 0; i < nn; i++) result[at++] = _scratch[neg[i]];
        for (var i = 0; i < count && extra > 0; i++)
            if (IsUnlistedUnknown(_scratch, i, pos[..np], neg[..nn])) result[at++] = _scratch[i];
        return result;
    }

    private static bool IsUnlistedUnknown(Reason[] _scratch, int i, ReadOnlySpan<int> pos, ReadOnlySpan<int> neg) =>
        _scratch[i].Code.EndsWith("_unknown", StringComparison.Ordinal) && !pos.Contains(i) && !neg.Contains(i);

    private static void Insert(Reason[] _scratch, Span<int> top, ref int n, int index, double weight, bool descending)
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
