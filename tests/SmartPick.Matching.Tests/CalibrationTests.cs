using SmartPick.Matching.Model;
using SmartPick.Matching.Outcomes;
using SmartPick.Matching.Parameters;
using SmartPick.Matching.Stages;
using SmartPick.Matching.Tests.Support;

namespace SmartPick.Matching.Tests;

using Catalog = SmartPick.Matching.Model.Catalog;

/// <summary>The model against the shared real data: applicants, programs, population, and the worked example.</summary>
public class CalibrationTests
{
    private static readonly ParameterSet Ps = DefaultParameters.Current;

    [SharedDataFact]
    public void k_fold_predictions_beat_the_naive_model_on_applicants_the_fit_did_not_see()
    {
        var cv = Calibration.CrossValidate(TestCatalogCsv.SharedOutcomes(), TestCatalogCsv.SharedCatalogWithEvidence, Ps);
        cv.N.ShouldBe(50);
        cv.Spearman.ShouldBeGreaterThan(0.45);
        cv.Spearman.ShouldBeGreaterThan(cv.NaiveSpearman + 0.3);
        cv.Mae.ShouldBeLessThan(cv.NaiveMae);
        Math.Abs(cv.MeanSignedError).ShouldBeLessThan(1.0);
    }

    [SharedDataFact]
    public void the_default_parameters_are_the_fit_on_the_outcomes_file()
    {
        var fitted = Calibration.Fit(TestCatalogCsv.SharedOutcomes(), TestCatalogCsv.SharedCatalogWithEvidence, Ps);
        var values = FittedCoefficients.Of(fitted);
        var defaults = FittedCoefficients.Of(Ps);
        for (var i = 0; i < values.Length; i++) values[i].ShouldBe(defaults[i], 0.01, FittedCoefficients.Priors[i].Name);
    }

    [SharedDataFact]
    public void the_prior_orders_programs_whose_evidence_it_did_not_see_better_than_chance()
    {
        var report = Evaluation.Programs(TestCatalogCsv.SharedCatalogWithEvidence, Ps);
        report.Programs.ShouldBeGreaterThan(900);
        report.Spearman.ShouldBeGreaterThan(0.15);
        report.BySpecialty.Single(l => l.Specialty == "internal_medicine").TopShareOfBest.ShouldBeGreaterThan(0.35);
    }

    [SharedDataFact]
    public void a_synthetic_population_matches_near_the_published_rate()
    {
        var population = Evaluation.Population(TestCatalogCsv.SharedCatalogWithEvidence, Ps, applicants: 60);
        population.MeanPMatch.ShouldBeInRange(0.3, 0.6);
    }

    [SharedDataFact]
    public void the_comparable_population_figure_takes_both_its_parts_from_the_same_lists_and_lands_near_the_published_rate()
    {
        var population = Evaluation.Population(TestCatalogCsv.SharedCatalogWithEvidence, Ps, applicants: 60);
        // P(match) and P(K ≥ 1) both from the calibrated rates: a match needs an interview, so the ratio is a probability,
        // and it sits within 8 points of the published 48.5% (Charting Outcomes, non-US IMGs in IM).
        population.PMatchAmongInterviewed.ShouldBeLessThanOrEqualTo(1);
        population.PMatchAmongInterviewed.ShouldBeInRange(population.PublishedMatchRate - 0.08, population.PublishedMatchRate + 0.08);
        // The plan places signals and divisions on top of the average applicant's: it never does worse.
        population.MeanPMatchWithPlan.ShouldBeGreaterThanOrEqualTo(population.MeanPMatch);
    }

    [SharedDataFact]
    public void with_evidence_the_worked_example_gets_a_credible_chance_and_a_broad_list_ordered_by_evidence()
    {
        var result = MatchingEngine.Rank(Profiles.WorkedExample(), TestCatalogCsv.SharedCatalogWithEvidence);
        result.RecommendedApplications.ShouldBeInRange(120, 150);
        result.PMatchAtRecommended.ShouldBeInRange(0.05, 0.4);
        var top = result.Programs.Take(30).ToList();
        top.ShouldAllBe(p => p.Reasons[0].Code == (p.Basis == PBasis.Observed ? "observed_interview_rate" : "estimated_interview_rate"));
        top.Count(p => p.Basis == PBasis.Observed).ShouldBeGreaterThan(20);
        top.Select(p => Math.Round(p.P, 6)).Distinct().Count().ShouldBeGreaterThanOrEqualTo(28, "no two top programs tie for want of data");

        // Every program observed to interview non-US IMGs at 5% or more ranks above every one observed at 0%.
        var catalog = TestCatalogCsv.SharedCatalogWithEvidence.Programs.ToDictionary(p => p.ProgramCode);
        var index = result.Programs.Select((p, i) => (p.ProgramCode, i)).ToDictionary(x => x.ProgramCode, x => x.i);
        var many = result.Programs.Where(p => catalog[p.ProgramCode].NonUsImgInterviewRate >= 0.05m).Select(p => index[p.ProgramCode]).ToList();
        var none = result.Programs.Where(p => catalog[p.ProgramCode].NonUsImgInterviewRate == 0m).Select(p => index[p.ProgramCode]).ToList();
        var unknown = result.Programs.Where(p => p.Basis == PBasis.Estimated).Select(p => index[p.ProgramCode]).ToList();
        many.ShouldNotBeEmpty();
        none.ShouldNotBeEmpty();
        many.Max().ShouldBeLessThan(none.Min());
        // Programs without evidence sit in between, by their prior.
        unknown.Average().ShouldBeGreaterThan(many.Average());
        unknown.Average().ShouldBeLessThan(none.Average());
    }

    [SharedDataFact]
    public void after_the_rebuild_the_worked_example_is_a_credible_candidate()
    {
        var profile = Profiles.WorkedExample();
        var whatIf = MatchingEngine.WhatIf(profile, MatchingEngine.RebuildChanges(profile), TestCatalogCsv.SharedCatalogWithEvidence);
        whatIf.After.PMatchAtRecommended.ShouldBeGreaterThan(1.5 * whatIf.Before.PMatchAtRecommended);
    }

    [Fact]
    public void an_applicant_without_eligible_programs_is_expected_no_interview()
    {
        var applicant = new ApplicantOutcome("1", null, true, 240, null, 2022, 3, true, true, 0, 100, 2, "Internal Medicine", 2025);
        var report = Calibration.Evaluate([applicant], new Catalog([]), Ps);
        report.Rows.Single().Expected.ShouldBe(0);
    }

    [Fact]
    public void spearman_is_the_rank_correlation_with_ties_averaged()
    {
        Calibration.Spearman([1, 2, 3, 4], [10, 20, 30, 40]).ShouldBe(1, 1e-12);
        Calibration.Spearman([1, 2, 3, 4], [4, 3, 2, 1]).ShouldBe(-1, 1e-12);
        Calibration.Spearman([1, 1, 2], [1, 2, 3]).ShouldBe(0.866, 0.001);
    }

    [Fact]
    public void the_calibration_plot_is_an_svg_with_a_point_per_decile_of_each_series()
    {
        var rows = Enumerable.Range(0, 20).Select(i => new CalibrationRow(i.ToString(), 100, i, i + 0.5, 3)).ToList();
        var svg = CalibrationPlot.Svg(rows, rows, "20 applicants");
        var doc = System.Xml.Linq.XDocument.Parse(svg);
        doc.Root!.Name.LocalName.ShouldBe("svg");
        svg.Split("<circle").Length.ShouldBe(1 + 10 + 1);
        svg.ShouldContain("k-fold");
    }
}
