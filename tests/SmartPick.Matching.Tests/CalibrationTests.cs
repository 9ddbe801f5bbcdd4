using SmartPick.Matching.Outcomes;
using SmartPick.Matching.Parameters;
using SmartPick.Matching.Model;
using SmartPick.Matching.Tests.Support;
using Xunit.Abstractions;

namespace SmartPick.Matching.Tests;

// The catalog module's namespace is also called Catalog; name the engine's catalog type explicitly.
using Catalog = SmartPick.Matching.Model.Catalog;

public class CalibrationTests(ITestOutputHelper output)
{
    private static readonly ParameterSet Ps = DefaultParameters.ImgInternalMedicine2025;

    [SharedDataFact]
    public void the_interview_model_beats_the_naive_yield_model_on_the_shared_outcomes_with_a_positive_rank_correlation()
    {
        var applicants = TestCatalogCsv.SharedOutcomes();
        var report = Calibration.Evaluate(applicants, TestCatalogCsv.SharedCatalog, Ps);
        output.WriteLine($"n={report.N} spearman={report.Spearman:F3} mae={report.Mae:F3} mean_signed_error={report.MeanSignedError:F3} naive_mae={report.NaiveMae:F3} pooled_yield={report.PooledYield:F4}");

        report.N.ShouldBe(50);
        report.Mae.ShouldBeLessThan(report.NaiveMae);
        report.Spearman.ShouldBeGreaterThan(0.3);
        Math.Abs(report.MeanSignedError).ShouldBeLessThan(1.0);
    }

    [SharedDataFact]
    public void leave_one_out_the_model_still_beats_the_naive_model()
    {
        var loo = Calibration.LeaveOneOut(TestCatalogCsv.SharedOutcomes(), TestCatalogCsv.SharedCatalog, Ps);
        output.WriteLine($"loo n={loo.N} spearman={loo.Spearman:F3} mae={loo.Mae:F3} mean_signed_error={loo.MeanSignedError:F3} naive_mae={loo.NaiveMae:F3}");
        loo.Mae.ShouldBeLessThan(loo.NaiveMae);
        loo.Spearman.ShouldBeGreaterThan(0.3);
    }

    [SharedDataFact]
    public void the_published_intercept_is_the_one_the_calibration_procedure_fits()
        => Calibration.FitIntercept(TestCatalogCsv.SharedOutcomes(), TestCatalogCsv.SharedCatalog, Ps).Intercept.Value
            .ShouldBe(Ps.Intercept.Value, 0.011);

    [Fact]
    public void expected_interviews_are_the_sum_of_p_over_the_applicants_top_n_programs()
    {
        var applicant = new ApplicantOutcome("1", null, true, 240, null, 2022, 3, true, false, 0, 2, 1, "Internal Medicine", 2025);
        var catalog = TestPrograms.Mixed();
        var ranked = MatchingEngine.Rank(applicant.ToProfile(), catalog, new RankOptions(Budget: 2));
        var report = Calibration.Evaluate([applicant], catalog, Ps);
        report.Rows.Single().Expected.ShouldBe(ranked.Programs[0].P + ranked.Programs[1].P, 1e-9);
    }

    [Fact]
    public void spearman_uses_average_ranks_for_ties()
    {
        Calibration.Spearman([1, 2, 3, 4], [10, 20, 30, 40]).ShouldBe(1, 1e-12);
        Calibration.Spearman([1, 2, 3, 4], [4, 3, 2, 1]).ShouldBe(-1, 1e-12);
        Calibration.Spearman([1, 1, 2], [1, 2, 3]).ShouldBe(0.866, 0.001);
    }

    [Fact]
    public void the_outcomes_reader_maps_columns_and_blanks_to_unknown()
    {
        const string csv = """
            row,img_type,step1,step1_pass,step2ck,step3,year_of_graduation,usce_months,ecfmg_certified,visa_required,publications,applications,interviews,specialty,season
            7,img,,Pass,250,,2022,,Certified,,3,150,15,Internal Medicine,2025
            """;
        var result = OutcomesCsv.Read(new StringReader(csv));
        result.Errors.ShouldBeEmpty();
        var a = result.Applicants.Single();
        a.ShouldBe(new ApplicantOutcome("7", null, true, 250, null, 2022, null, true, null, 3, 150, 15, "Internal Medicine", 2025));
        var profile = a.ToProfile();
        profile.VisaNeed.ShouldBeNull();
        profile.UnknownSections.HasFlag(ProfileSections.Usce).ShouldBeTrue();
        profile.TargetSpecialties.ShouldBe(["internal_medicine"]);
    }

    [Fact]
    public void the_outcomes_reader_names_bad_cells_and_missing_columns()
    {
        const string bad = """
            row,img_type,step1,step1_pass,step2ck,step3,year_of_graduation,usce_months,ecfmg_certified,visa_required,publications,applications,interviews,specialty,season
            1,img,abc,,250,,2022,3,Certified,maybe,0,,4,Internal Medicine,2025
            """;
        OutcomesCsv.Read(new StringReader(bad)).Errors.Select(e => e.Field)
            .ShouldBe(["line 2.step1", "line 2.visa_required", "line 2.applications"]);
        OutcomesCsv.Read(new StringReader("row,step1\n1,200")).Errors.Single().Message.ShouldStartWith("missing column(s)");
    }
}
