using SmartPick.Matching.Json;
using SmartPick.Matching.Model;
using SmartPick.Matching.Tests.Support;

namespace SmartPick.Matching.Tests;

// The catalog module's namespace is also called Catalog; name the engine's catalog type explicitly.
using Catalog = SmartPick.Matching.Model.Catalog;

/// <summary>The guide's sample scenario: non-US IMG, YOG 2020, Step 1 211, Step 2 CK 228, no USCE, J-1, internal medicine, season 2026.</summary>
public class WorkedExampleTests
{
    private static RankResult RankOnMixedCatalog() => MatchingEngine.Rank(Profiles.WorkedExample(), TestPrograms.Mixed());

    [Fact]
    public void the_worked_example_has_low_scores_no_usce_older_yog_and_visa_as_risk_factors()
    {
        var result = RankOnMixedCatalog();
        result.RiskFactors.ShouldContain("low_step1");
        result.RiskFactors.ShouldContain("low_step2ck");
        result.RiskFactors.ShouldContain("no_usce");
        result.RiskFactors.ShouldContain("older_yog");
        result.RiskFactors.ShouldContain("visa_needed");
        result.RiskFactors.ShouldNotContain("competitive_specialty");
    }

    [Fact]
    public void the_worked_example_is_advised_three_to_four_months_of_hands_on_im_usce_at_img_friendly_community_hospitals()
    {
        var usce = RankOnMixedCatalog().Advice.Single(a => a.Code == "get_hands_on_usce");
        usce.Message.ShouldContain("3–4 months");
        usce.Message.ShouldContain("hands-on internal medicine USCE");
        usce.Message.ShouldContain("IMG-friendly community hospitals");
        usce.Trigger.ShouldBe("no hands-on US clinical experience");
    }

    [Fact]
    public void the_worked_example_is_advised_two_to_three_us_letters()
    {
        var letters = RankOnMixedCatalog().Advice.Single(a => a.Code == "get_us_letters");
        letters.Message.ShouldContain("2–3");
        letters.Message.ShouldContain("US attendings in internal medicine");
    }

    [Fact]
    public void the_worked_example_is_advised_a_one_year_rebuild_with_the_what_if_numbers()
    {
        var wait = RankOnMixedCatalog().Advice.Single(a => a.Code == "wait_a_cycle");
        wait.Trigger.ShouldStartWith("low scores with no hands-on US clinical experience");
        wait.Message.ShouldContain("one-year rebuild");
        wait.Message.ShouldContain("after the rebuild");
    }

    [Fact]
    public void the_worked_example_is_advised_j1_sponsors_and_step3()
    {
        var result = RankOnMixedCatalog();
        result.Advice.Single(a => a.Code == "focus_visa_sponsors").Message.ShouldContain("J-1");
        result.Advice.ShouldContain(a => a.Code == "consider_step3");
    }

    [SharedDataFact]
    public void against_the_real_catalog_the_worked_example_is_told_to_apply_to_120_to_150_im_programs_focused_on_j1_community_programs_in_img_rich_states()
    {
        var result = MatchingEngine.Rank(Profiles.WorkedExample(), TestCatalogCsv.SharedCatalog);

        result.RecommendedApplications.ShouldBeInRange(120, 150, "the guide's 120–150 IM applications for this profile");
        var broad = result.Advice.Single(a => a.Code == "apply_broadly");
        broad.Message.ShouldContain($"about {result.RecommendedApplications} internal medicine programs");
        broad.Message.ShouldContain("J-1 sponsoring community");
        broad.Message.ShouldContain("IMG-rich states");
        // Without evidence, every rate is estimated and the guide's IMG-friendly states lead the prior.
        result.Programs.Take(20).ShouldAllBe(p => p.Basis == PBasis.Estimated && SmartPick.Matching.Stages.GuideGroups.ImgFriendlyStates.Contains(p.State));
    }

    [SharedDataFact]
    public void against_the_real_catalog_only_internal_medicine_categorical_programs_are_ranked_and_the_rest_counted()
    {
        var catalog = TestCatalogCsv.SharedCatalog;
        var result = MatchingEngine.Rank(Profiles.WorkedExample(), catalog);

        var im = catalog.Programs.Where(p => p.SpecialtyCode == "140").ToList();
        result.Programs.ShouldAllBe(p => p.Specialty == "internal_medicine");
        result.Programs.Count.ShouldBe(im.Count(p => p.Track is Track.Categorical or Track.Primary));
        result.ExcludedCountsByReason["track_not_targeted"].ShouldBe(im.Count(p => p.Track is not (Track.Categorical or Track.Primary)));
        result.ExcludedCountsByReason["specialty_not_targeted"].ShouldBe(catalog.Programs.Count - im.Count);
        result.Versions.Catalog.ShouldStartWith("sha256:");
    }
}
