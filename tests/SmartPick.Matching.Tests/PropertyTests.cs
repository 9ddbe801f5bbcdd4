using FsCheck.Xunit;
using SmartPick.Matching.Json;
using SmartPick.Matching.Model;
using SmartPick.Matching.Tests.Support;

namespace SmartPick.Matching.Tests;

// The catalog module's namespace is also called Catalog; name the engine's catalog type explicitly.
using Catalog = SmartPick.Matching.Model.Catalog;

/// <summary>Invariants of the engine checked on generated profiles and catalogs.</summary>
public class PropertyTests
{
    private static int Pick(int seed, int salt, int n) => (int)((uint)HashCode.Combine(seed, salt) % (uint)n);

    /// <summary>A varied profile drawn from a seed: visa need, scores, USCE, letters, graduation year all vary.</summary>
    private static CandidateProfile ProfileFrom(int seed, int? step2 = null)
    {
        VisaNeed?[] visas = [null, VisaNeed.None, VisaNeed.J1, VisaNeed.H1b, VisaNeed.Either];
        var exams = new List<ExamResult>();
        if (Pick(seed, 1, 3) > 0) exams.Add(new ExamResult(ExamKind.Step1, 190 + Pick(seed, 2, 70), true, 1 + Pick(seed, 3, 2)));
        if (step2 is not null) exams.Add(new ExamResult(ExamKind.Step2Ck, step2, true));
        else if (Pick(seed, 4, 4) > 0) exams.Add(new ExamResult(ExamKind.Step2Ck, 200 + Pick(seed, 5, 80), true));
        if (Pick(seed, 6, 3) == 0) exams.Add(new ExamResult(ExamKind.Step3, null, true));
        var usceUnknown = Pick(seed, 7, 5) == 0;
        return new CandidateProfile
        {
            ImgType = Pick(seed, 8, 3) switch { 0 => null, 1 => ImgType.UsImg, _ => ImgType.NonUsImg },
            VisaNeed = visas[Pick(seed, 9, visas.Length)],
            YearOfGraduation = 2000 + Pick(seed, 10, 26),
            Season = Pick(seed, 11, 4) == 0 ? null : 2026,
            Exams = exams,
            Usce = usceUnknown ? [] : [.. Enumerable.Range(0, Pick(seed, 12, 3)).Select(i =>
                new UsceItem((UsceKind)Pick(seed, 13 + i, 5), Pick(seed, 20 + i, 2) == 0 ? "internal_medicine" : null, Pick(seed, 30 + i, 8), null))],
            Letters = [.. Enumerable.Range(0, Pick(seed, 40, 4)).Select(i =>
                new LetterItem(Pick(seed, 41 + i, 2) == 0, "internal_medicine", "attending", (LetterStrength)Pick(seed, 50 + i, 3)))],
            Research = Pick(seed, 60, 2) == 0 ? [] : [new ResearchItem("qi", Pick(seed, 61, 2) == 0)],
            TargetSpecialties = ["internal_medicine"],
            PreferredStates = Pick(seed, 62, 2) == 0 ? [] : ["NY"],
            UnknownSections = usceUnknown ? ProfileSections.Usce : ProfileSections.None,
        };
    }

    /// <summary>The mixed catalog plus programs with stated Step 2 CK minimums of every strictness.</summary>
    private static readonly Catalog Catalog = new([
        .. TestPrograms.Mixed().Programs,
        TestPrograms.Im("7001140C0") with { MinStep2Ck = 235, MinStep2CkStrictness = Strictness.Cutoff },
        TestPrograms.Im("7002140C0") with { MinStep2Ck = 245, MinStep2CkStrictness = Strictness.Preference },
        TestPrograms.Im("7003140C0") with { MinStep2Ck = 255, MinStep2CkStrictness = Strictness.Unknown },
    ]);

    [Property(MaxTest = 200)]
    public bool a_higher_step2ck_never_lowers_any_programs_p(int seed, byte a, byte b)
    {
        var low = 180 + Math.Min(a, b) % 111;
        var high = low + Math.Abs(a - b) % (291 - low);
        var before = MatchingEngine.Rank(ProfileFrom(seed, low), Catalog, Seasons.ModelOnly()).Programs.ToDictionary(p => p.ProgramCode, p => p.P);
        var after = MatchingEngine.Rank(ProfileFrom(seed, high), Catalog, Seasons.ModelOnly()).Programs.ToDictionary(p => p.ProgramCode, p => p.P);
        return before.All(kv => after.TryGetValue(kv.Key, out var p) && p >= kv.Value);
    }

    [Property(MaxTest = 200)]
    public bool a_visa_needing_profile_never_gets_a_program_that_states_it_sponsors_no_visa_of_the_needed_type(int seed, byte need)
    {
        var visa = (VisaNeed)(1 + need % 3);
        var profile = ProfileFrom(seed) with { VisaNeed = visa };
        var programs = Catalog.Programs.ToDictionary(p => p.ProgramCode);
        return MatchingEngine.Rank(profile, Catalog).Programs.All(r =>
        {
            var p = programs[r.ProgramCode];
            return visa switch
            {
                VisaNeed.J1 => p.VisaJ1 != Tristate.No,
                VisaNeed.H1b => p.VisaH1b != Tristate.No,
                _ => p.VisaJ1 != Tristate.No || p.VisaH1b != Tristate.No,
            };
        });
    }

    [Property(MaxTest = 100)]
    public bool adding_a_program_never_lowers_p_match_at_any_list_size(int seed, int subsetSeed, byte extra)
    {
        var all = Catalog.Programs;
        var subset = all.Where((_, i) => Pick(subsetSeed, i, 3) == 0).ToList();
        var added = all[extra % all.Count];
        if (subset.Contains(added)) return true;
        var profile = ProfileFrom(seed) with { Budget = new Budget(1000) };
        var before = MatchingEngine.Rank(profile, new Catalog(subset), Seasons.ModelOnly());
        var after = MatchingEngine.Rank(profile, new Catalog([.. subset, added]), Seasons.ModelOnly());
        bool AtLeast(double x, double y) => x >= y - 1e-12;
        var pointwise = before.Curve.All(c => after.Curve.FirstOrDefault(d => d.N == c.N) is not { } d || AtLeast(d.PMatch, c.PMatch));
        var whole = before.Curve.Count == 0 || AtLeast(after.Curve[^1].PMatch, before.Curve[^1].PMatch);
        return pointwise && whole;
    }

    [Property(MaxTest = 100)]
    public bool an_unknown_visa_answer_is_never_treated_as_yes(int seed, byte need)
    {
        var visa = (VisaNeed)(1 + need % 3);
        var profile = ProfileFrom(seed) with { VisaNeed = visa };
        var yes = TestPrograms.Im("1", j1: Tristate.Yes, h1b: Tristate.Yes);
        var unknown = TestPrograms.Im("2", j1: Tristate.Unknown, h1b: Tristate.Unknown);
        var ranked = MatchingEngine.Rank(profile, new Catalog([yes, unknown])).Programs.ToDictionary(p => p.ProgramCode);
        return ranked["2"].P < ranked["1"].P && ranked["2"].Reasons.Any(r => r.Code.EndsWith("_unknown", StringComparison.Ordinal) || r.Weight < 0);
    }

    [Property(MaxTest = 100)]
    public bool an_unknown_img_share_is_never_treated_as_a_high_one(int seed)
    {
        var profile = ProfileFrom(seed);
        var high = TestPrograms.Im("1", type: ProgramType.Unknown) with { ImgShare = 70 };
        var unknown = TestPrograms.Im("2", type: ProgramType.Unknown);
        var ranked = MatchingEngine.Rank(profile, new Catalog([high, unknown])).Programs.ToDictionary(p => p.ProgramCode);
        return ranked["2"].P < ranked["1"].P;
    }

    [Property(MaxTest = 50)]
    public bool the_same_input_gives_byte_identical_output(int seed)
    {
        var profile = ProfileFrom(seed);
        var first = RankResultJson.WriteUtf8(MatchingEngine.Rank(profile, Catalog));
        var second = RankResultJson.WriteUtf8(MatchingEngine.Rank(ProfileFrom(seed), new Catalog([.. Catalog.Programs])));
        return first.AsSpan().SequenceEqual(second);
    }

    [Property(MaxTest = 100)]
    public bool a_profile_survives_a_json_round_trip(int seed)
    {
        var profile = ProfileFrom(seed, 230) with { Budget = new Budget(120, 3000m) };
        var json = ProfileJson.Write(profile);
        var parsed = ProfileJson.Parse(json);
        return parsed.IsValid && ProfileJson.Write(parsed.Profile!) == json;
    }
}
