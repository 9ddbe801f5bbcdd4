using SmartPick.Matching.Model;
using SmartPick.Matching.Tests.Support;

namespace SmartPick.Matching.Tests;

// The catalog module's namespace is also called Catalog; name the engine's catalog type explicitly.
using Catalog = SmartPick.Matching.Model.Catalog;

public class EligibilityTests
{
    private static CandidateProfile Candidate(VisaNeed? visa, int? step2 = 240) => new()
    {
        ImgType = ImgType.NonUsImg,
        VisaNeed = visa,
        YearOfGraduation = 2022,
        Season = 2026,
        Exams = step2 is null ? [] : [new ExamResult(ExamKind.Step2Ck, step2, true)],
        Usce = [new UsceItem(UsceKind.HandsOn, "internal_medicine", 3, "NY")],
        TargetSpecialties = ["internal_medicine"],
    };

    private static string[] ExclusionCodes(CandidateProfile profile, CatalogProgram program) =>
        MatchingEngine.Rank(profile, new Catalog([program])).Excluded.SelectMany(e => e.Reasons).Select(r => r.Code).ToArray();

    [Fact]
    public void a_j1_candidate_is_excluded_from_a_program_that_states_it_does_not_sponsor_j1()
        => ExclusionCodes(Candidate(VisaNeed.J1), TestPrograms.Im("1", j1: Tristate.No)).ShouldBe(["no_j1_sponsorship"]);

    [Fact]
    public void a_j1_candidate_is_not_excluded_where_j1_sponsorship_is_unknown()
        => ExclusionCodes(Candidate(VisaNeed.J1), TestPrograms.Im("1", j1: Tristate.Unknown, h1b: Tristate.No)).ShouldBeEmpty();

    [Fact]
    public void an_h1b_candidate_is_excluded_only_by_an_explicit_no_on_h1b()
    {
        ExclusionCodes(Candidate(VisaNeed.H1b), TestPrograms.Im("1", j1: Tristate.Yes, h1b: Tristate.No)).ShouldBe(["no_h1b_sponsorship"]);
        ExclusionCodes(Candidate(VisaNeed.H1b), TestPrograms.Im("1", j1: Tristate.No, h1b: Tristate.Unknown)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(Tristate.No, Tristate.No, true)]
    [InlineData(Tristate.No, Tristate.Yes, false)]
    [InlineData(Tristate.No, Tristate.Unknown, false)]
    [InlineData(Tristate.Unknown, Tristate.No, false)]
    public void a_candidate_who_can_use_either_visa_is_excluded_only_when_both_are_no(Tristate j1, Tristate h1b, bool excluded)
        => ExclusionCodes(Candidate(VisaNeed.Either), TestPrograms.Im("1", j1: j1, h1b: h1b)).Contains("no_visa_sponsorship").ShouldBe(excluded);

    [Fact]
    public void a_candidate_needing_no_visa_is_never_excluded_for_sponsorship()
        => ExclusionCodes(Candidate(VisaNeed.None), TestPrograms.Im("1", j1: Tristate.No, h1b: Tristate.No)).ShouldBeEmpty();

    [Fact]
    public void a_stated_step2ck_cutoff_above_the_score_excludes_but_a_preference_only_penalises()
    {
        var cutoff = TestPrograms.Im("1") with { MinStep2Ck = 245, MinStep2CkStrictness = Strictness.Cutoff };
        var preference = TestPrograms.Im("2") with { MinStep2Ck = 245, MinStep2CkStrictness = Strictness.Preference };
        var none = TestPrograms.Im("3");

        ExclusionCodes(Candidate(VisaNeed.None, 240), cutoff).ShouldBe(["step2ck_below_cutoff"]);
        var result = MatchingEngine.Rank(Candidate(VisaNeed.None, 240), new Catalog([preference, none]));
        result.Excluded.ShouldBeEmpty();
        var preferred = result.Programs.Single(p => p.ProgramCode == "2");
        preferred.Reasons.ShouldContain(r => r.Code == "step2ck_below_program_minimum" && r.Weight < 0);
        preferred.P.ShouldBeLessThan(result.Programs.Single(p => p.ProgramCode == "3").P);
    }

    [Fact]
    public void a_cutoff_is_not_applied_to_an_unknown_score_but_is_not_assumed_met_either()
    {
        var cutoff = TestPrograms.Im("1") with { MinStep2Ck = 250, MinStep2CkStrictness = Strictness.Cutoff };
        var result = MatchingEngine.Rank(Candidate(VisaNeed.None, step2: null), new Catalog([cutoff, TestPrograms.Im("2")]));
        result.Excluded.ShouldBeEmpty();
        result.Programs.Single(p => p.ProgramCode == "1").P.ShouldBeLessThan(result.Programs.Single(p => p.ProgramCode == "2").P);
    }

    [Fact]
    public void a_stated_maximum_of_years_since_graduation_excludes_older_graduates_counted_to_the_season()
    {
        var program = TestPrograms.Im("1") with { MaxYearsSinceGraduation = 3 };
        ExclusionCodes(Candidate(VisaNeed.None) with { YearOfGraduation = 2021 }, program).ShouldBe(["graduated_too_long_ago"]);
        ExclusionCodes(Candidate(VisaNeed.None) with { YearOfGraduation = 2023 }, program).ShouldBeEmpty();
    }

    [Fact]
    public void a_required_usce_minimum_excludes_only_when_the_candidates_usce_is_known_to_fall_short()
    {
        var program = TestPrograms.Im("1") with { UsceRequired = Tristate.Yes, MinUsceMonths = 6 };
        ExclusionCodes(Candidate(VisaNeed.None), program).ShouldBe(["usce_below_requirement"]);
        ExclusionCodes(Candidate(VisaNeed.None) with { Usce = [], UnknownSections = ProfileSections.Usce }, program).ShouldBeEmpty();
    }

    [Fact]
    public void preliminary_positions_avoided_states_and_other_specialties_are_ruled_out_with_reasons()
    {
        var profile = Candidate(VisaNeed.None) with { AvoidedStates = ["CA"] };
        var catalog = new Catalog([
            TestPrograms.Im("1", track: Track.Preliminary), TestPrograms.Im("2", state: "CA"), TestPrograms.Im("3"),
            new CatalogProgram { ProgramCode = "4", ProgramName = "FM", SpecialtyCode = "120", Specialty = "Family Medicine" },
        ]);
        var result = MatchingEngine.Rank(profile, catalog);

        result.Programs.Select(p => p.ProgramCode).ShouldBe(["3"]);
        result.Excluded.Single(e => e.ProgramCode == "1").Reasons.Single().Code.ShouldBe("track_not_targeted");
        result.Excluded.Single(e => e.ProgramCode == "2").Reasons.Single().Code.ShouldBe("avoided_state");
        result.ExcludedCountsByReason["specialty_not_targeted"].ShouldBe(1);
    }
}
