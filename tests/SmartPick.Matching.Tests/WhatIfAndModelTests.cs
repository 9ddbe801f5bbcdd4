using SmartPick.Matching.Model;
using SmartPick.Matching.Tests.Support;

namespace SmartPick.Matching.Tests;

// The catalog module's namespace is also called Catalog; name the engine's catalog type explicitly.
using Catalog = SmartPick.Matching.Model.Catalog;

public class WhatIfAndModelTests
{
    private static readonly Catalog Catalog = TestPrograms.Mixed();

    [Fact]
    public void three_months_of_hands_on_usce_raise_the_worked_examples_p_match()
    {
        var whatIf = MatchingEngine.WhatIf(Profiles.WorkedExample(), [new ProfileChange.AddHandsOnUsce(3)], Catalog);
        whatIf.Delta.ShouldBeGreaterThan(0);
        whatIf.After.RiskFactors.ShouldNotContain("no_usce");
        whatIf.ChangedProfile.Usce.Single().ShouldBe(new UsceItem(UsceKind.HandsOn, "internal_medicine", 3, null));
    }

    [Fact]
    public void us_letters_and_step3_each_raise_p_match()
    {
        var profile = Profiles.WorkedExample();
        MatchingEngine.WhatIf(profile, [new ProfileChange.AddUsLetters(2)], Catalog).Delta.ShouldBeGreaterThan(0);
        MatchingEngine.WhatIf(profile, [new ProfileChange.PassStep3()], Catalog).Delta.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void one_more_year_since_graduation_lowers_p_match_for_an_older_graduate()
    {
        var whatIf = MatchingEngine.WhatIf(Profiles.WorkedExample(), [new ProfileChange.WaitOneYear()], Catalog);
        whatIf.ChangedProfile.Season.ShouldBe(2027);
        whatIf.Delta.ShouldBeLessThan(0);
    }

    [Fact]
    public void step3_matters_most_to_an_h1b_candidate()
    {
        var h1b = Profiles.WorkedExample() with { VisaNeed = VisaNeed.H1b };
        var j1 = Profiles.WorkedExample();
        var forH1b = MatchingEngine.WhatIf(h1b, [new ProfileChange.PassStep3()], Catalog).Delta;
        var forJ1 = MatchingEngine.WhatIf(j1, [new ProfileChange.PassStep3()], Catalog).Delta;
        forH1b.ShouldBeGreaterThan(forJ1);
        MatchingEngine.Rank(h1b, Catalog).RiskFactors.ShouldContain("h1b_needs_step3");
    }

    [Fact]
    public void years_since_graduation_count_to_the_season_never_to_the_clock()
    {
        var noSeason = Profiles.WorkedExample() with { Season = null };
        var withDefault = MatchingEngine.Rank(noSeason, Catalog, new RankOptions(DefaultSeason: 2026));
        var withSeason = MatchingEngine.Rank(Profiles.WorkedExample(), Catalog);
        withDefault.Programs.Select(p => p.P).ShouldBe(withSeason.Programs.Select(p => p.P));

        var unknown = MatchingEngine.Rank(noSeason, Catalog);
        unknown.Advice.Single(a => a.Code == "complete_profile").Trigger.ShouldContain("season or year of graduation");
        unknown.RiskFactors.ShouldNotContain("older_yog");
        withDefault.Advice.Single(a => a.Code == "complete_profile").Message.ShouldContain("counted to a default season");
    }

    [Fact]
    public void unknown_values_are_reported_as_unknown_in_the_reasons()
    {
        var profile = new CandidateProfile
        {
            ImgType = ImgType.NonUsImg,
            TargetSpecialties = ["internal_medicine"],
            UnknownSections = ProfileSections.Usce | ProfileSections.Letters,
        };
        var program = MatchingEngine.Rank(profile, new Catalog([TestPrograms.Im("1", type: ProgramType.University)])).Programs.Single();
        var codes = program.Reasons.Select(r => r.Code).ToList();
        codes.ShouldContain("step2ck_unknown");
        codes.ShouldContain("visa_need_unknown");
        program.Reasons.Where(r => r.Code.EndsWith("_unknown", StringComparison.Ordinal)).ShouldAllBe(r => r.Message.Contains("unknown"));
    }

    [Fact]
    public void reasons_are_the_strongest_positive_then_negative_terms_in_snake_case()
    {
        var profile = Profiles.WorkedExample() with
        {
            Usce = [new UsceItem(UsceKind.HandsOn, "internal_medicine", 4, "NY")],
            Letters = [new LetterItem(true, "internal_medicine", "attending", LetterStrength.Strong)],
            PreferredStates = ["NY"],
        };
        var program = MatchingEngine.Rank(profile, new Catalog([TestPrograms.Im("1", "NY", ProgramType.Community, Tristate.Yes)]), Seasons.ModelOnly()).Programs.Single();
        // The model's reasons alone (no signal or region here): the program's evidence (here its estimated rate) comes first, then the candidate's terms by sign.
        program.Reasons[0].Code.ShouldBe("estimated_interview_rate");
        var terms = program.Reasons.Skip(1).ToList();
        var positive = terms.TakeWhile(r => r.Weight > 0).ToList();
        var negative = terms.SkipWhile(r => r.Weight > 0).ToList();
        positive.Count.ShouldBe(3);
        negative.Count.ShouldBe(3);
        positive.Select(r => r.Weight).ShouldBeInOrder(SortDirection.Descending);
        negative.Select(r => r.Weight).ShouldBeInOrder(SortDirection.Ascending);
        program.Reasons.ShouldAllBe(r => System.Text.RegularExpressions.Regex.IsMatch(r.Code, "^[a-z0-9_]+$"));
    }

    [Fact]
    public void community_programs_in_img_friendly_states_rank_above_university_programs_in_tough_states_for_low_scores()
    {
        var ranked = MatchingEngine.Rank(Profiles.WorkedExample(), new Catalog([
            TestPrograms.Im("1", "CA", ProgramType.University), TestPrograms.Im("2", "NJ", ProgramType.Community)])).Programs;
        ranked.Select(p => p.ProgramCode).ShouldBe(["2", "1"]);
    }

    [Fact]
    public void a_competitive_specialty_with_low_scores_and_a_visa_is_the_triple_disadvantage()
    {
        var profile = Profiles.WorkedExample() with { TargetSpecialties = ["dermatology"] };
        var result = MatchingEngine.Rank(profile, Catalog);
        result.RiskFactors.ShouldContain("competitive_specialty");
        result.RiskFactors.ShouldContain("triple_disadvantage");
        result.Advice.ShouldContain(a => a.Code == "choose_img_friendly_specialty");
    }

    [Fact]
    public void a_reapplicant_is_told_what_has_and_has_not_improved()
    {
        var profile = Profiles.WorkedExample() with
        {
            PreviousCycles = [new PreviousCycle(2025, CycleOutcome.Unmatched, 1)],
            Usce = [new UsceItem(UsceKind.SubInternship, "internal_medicine", 3, "MI")],
        };
        var result = MatchingEngine.Rank(profile, Catalog);
        result.RiskFactors.ShouldContain("reapplicant");
        var progress = result.Advice.Single(a => a.Code == "reapplicant_progress");
        progress.Message.ShouldContain("(hands-on USCE)");
        progress.Message.ShouldContain("still missing: US letters, Step 3");
        progress.Trigger.ShouldBe("unmatched in 2025 with 1 interview(s)");
    }

    [Fact]
    public void a_missing_step2ck_after_a_step1_score_sets_a_target_of_10_to_15_points_higher()
    {
        var profile = Profiles.WorkedExample() with { Exams = [new ExamResult(ExamKind.Step1, 212, true)] };
        MatchingEngine.Rank(profile, Catalog).Advice.Single(a => a.Code == "aim_step2ck_above_step1").Message.ShouldContain("222–227");
    }

    [Fact]
    public void a_strong_recent_graduate_needing_no_visa_gets_no_rebuild_advice()
    {
        var profile = new CandidateProfile
        {
            ImgType = ImgType.UsImg, VisaNeed = VisaNeed.None, YearOfGraduation = 2025, Season = 2026,
            Exams = [new ExamResult(ExamKind.Step1, null, true), new ExamResult(ExamKind.Step2Ck, 258, true)],
            Usce = [new UsceItem(UsceKind.HandsOn, "internal_medicine", 4, "NY")],
            Letters = [new LetterItem(true, "internal_medicine", "attending", LetterStrength.Strong), new LetterItem(true, "internal_medicine", "attending", LetterStrength.Strong)],
            Research = [new ResearchItem("qi", true)],
            TargetSpecialties = ["internal_medicine"],
        };
        var result = MatchingEngine.Rank(profile, Catalog);
        result.RiskFactors.ShouldBeEmpty();
        result.Advice.ShouldNotContain(a => a.Code == "wait_a_cycle");
        result.Advice.ShouldNotContain(a => a.Code == "get_hands_on_usce");
    }
}
