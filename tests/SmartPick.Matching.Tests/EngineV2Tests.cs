using SmartPick.Matching.Model;
using SmartPick.Matching.Outcomes;
using SmartPick.Matching.Parameters;
using SmartPick.Matching.Stages;
using SmartPick.Matching.Tests.Support;

namespace SmartPick.Matching.Tests;

using Catalog = SmartPick.Matching.Model.Catalog;

/// <summary>Model v2: evidence, the candidate effect, the shared random effect, m(k), the rule for N.</summary>
public class EngineV2Tests
{
    private static readonly ParameterSet Ps = DefaultParameters.Current;

    private static CatalogProgram WithRate(string code, decimal? rate) =>
        TestPrograms.Im(code) with { NonUsImgInterviewRate = rate, EvidenceSource = rate is null ? "" : "test", EvidenceObservedOn = rate is null ? "" : "2025-01" };

    /// <summary>Ten programs alike but for their evidence, plus the three under test, so the catalog has a baseline.</summary>
    private static Catalog EvidenceCatalog() => new([
        WithRate("1001140C0", 0.10m), WithRate("1002140C0", 0.00m), WithRate("1003140C0", null),
        .. Enumerable.Range(10, 12).Select(i => WithRate($"20{i}140C0", 0.02m)),
    ]);

    private static RankedProgram Program(RankResult r, string code) => r.Programs.Single(p => p.ProgramCode == code);

    [Fact]
    public void a_program_that_interviews_many_non_us_imgs_ranks_above_an_unknown_one_and_that_above_one_that_interviews_none()
    {
        var result = MatchingEngine.Rank(Profiles.WorkedExample(), EvidenceCatalog());
        var high = Program(result, "1001140C0");
        var unknown = Program(result, "1003140C0");
        var none = Program(result, "1002140C0");
        high.P.ShouldBeGreaterThan(unknown.P);
        unknown.P.ShouldBeGreaterThan(none.P);
        none.P.ShouldBeGreaterThan(0, "a 0% observed in one cycle is rare, not impossible");
        high.Basis.ShouldBe(PBasis.Observed);
        unknown.Basis.ShouldBe(PBasis.Estimated);
        high.Reasons[0].Code.ShouldBe("observed_interview_rate");
        high.Reasons[0].Message.ShouldContain("Invited 10% of non-US IMG applicants");
        unknown.Reasons[0].Code.ShouldBe("estimated_interview_rate");
    }

    [Fact]
    public void an_observed_rate_becomes_more_for_a_strong_candidate_and_less_for_a_weak_one()
    {
        var catalog = EvidenceCatalog();
        var average = new CandidateProfile
        {
            ImgType = ImgType.NonUsImg, VisaNeed = VisaNeed.J1, YearOfGraduation = 2023, Season = 2026,
            Exams = [new ExamResult(ExamKind.Step2Ck, 245, true)],
            Usce = [new UsceItem(UsceKind.HandsOn, "internal_medicine", 3, null)],
            Letters = [new LetterItem(true, "internal_medicine", "attending", LetterStrength.Standard), new LetterItem(true, "internal_medicine", "attending", LetterStrength.Standard)],
            TargetSpecialties = ["internal_medicine"],
        };
        var strong = average with { Exams = [new ExamResult(ExamKind.Step2Ck, 262, true)], Usce = [new UsceItem(UsceKind.HandsOn, "internal_medicine", 6, null)] };
        var weak = Profiles.WorkedExample();
        double P(CandidateProfile c) => Program(MatchingEngine.Rank(c, catalog, Seasons.ModelOnly()), "1001140C0").P;
        P(strong).ShouldBeGreaterThan(P(average));
        P(average).ShouldBeGreaterThan(P(weak));
        // The average applicant gets about the observed rate (shrunk a little towards the prior, and offset by the calibration).
        P(average).ShouldBeInRange(0.05, 0.15);
    }

    public static TheoryData<string> ProfileChanges => ["step2ck", "usce", "letters", "years", "visa", "step3"];

    [Theory]
    [MemberData(nameof(ProfileChanges))]
    public void p_is_monotone_in_each_profile_term(string term)
    {
        var catalog = EvidenceCatalog();
        var baseProfile = Profiles.WorkedExample();
        var (worse, better) = term switch
        {
            "step2ck" => (baseProfile, baseProfile with { Exams = [.. baseProfile.Exams.Where(e => e.Exam != ExamKind.Step2Ck), new ExamResult(ExamKind.Step2Ck, 240, true)] }),
            "usce" => (baseProfile, baseProfile with { Usce = [new UsceItem(UsceKind.HandsOn, "internal_medicine", 4, null)] }),
            "letters" => (baseProfile, baseProfile with { Letters = [new LetterItem(true, "internal_medicine", "attending", LetterStrength.Strong)] }),
            "years" => (baseProfile with { YearOfGraduation = 2016 }, baseProfile),
            "visa" => (baseProfile, baseProfile with { VisaNeed = VisaNeed.None }),
            _ => (baseProfile, baseProfile with { Exams = [.. baseProfile.Exams, new ExamResult(ExamKind.Step3, 210, true)] }),
        };
        var before = MatchingEngine.Rank(worse, catalog);
        var after = MatchingEngine.Rank(better, catalog);
        foreach (var program in before.Programs)
            Program(after, program.ProgramCode).P.ShouldBeGreaterThan(program.P, term);
        after.Curve[^1].PMatch.ShouldBeGreaterThan(before.Curve[^1].PMatch, term);
    }

    [Fact]
    public void the_logit_is_the_evidence_plus_the_offset_plus_every_named_term()
    {
        CatalogProgram[] programs =
        [
            .. from type in Enum.GetValues<ProgramType>()
               from j1 in Enum.GetValues<Tristate>()
               from h1b in Enum.GetValues<Tristate>()
               from min in new int?[] { null, 250 }
               select TestPrograms.Im($"{(int)type}{(int)j1}{(int)h1b}{min ?? 0}", "NY", type, j1, h1b) with
               {
                   MinStep2Ck = min, MinStep2CkStrictness = min is null ? Strictness.Unknown : Strictness.Preference,
                   NonUsImgInterviewRate = min is null ? 0.03m : null,
               },
        ];
        var catalog = new Catalog(programs);
        var worked = Profiles.WorkedExample();
        CandidateProfile[] profiles =
        [
            worked,
            worked with { VisaNeed = VisaNeed.H1b, PreferredStates = ["NY"], Research = [new ResearchItem("qi", true)] },
            worked with { VisaNeed = VisaNeed.Either, Exams = [] },
            new CandidateProfile { TargetSpecialties = ["internal_medicine"], UnknownSections = ProfileSections.Usce | ProfileSections.Letters },
        ];
        var effects = ProgramEffects.For(catalog, Ps);
        var buffer = new Reason[32];
        foreach (var profile in profiles)
        {
            var model = new InterviewModel(Ps, profile, ProfileFacts.From(profile, 2026, 3), effects);
            foreach (var program in programs)
            {
                var (z, _, _, reasons) = model.Score(program, "internal_medicine");
                var count = model.AllTerms(program, "internal_medicine", buffer);
                z.ShouldBe(effects.Of(program, ImgType.NonUsImg).Logit + Ps.Intercept.Value + buffer.Take(count).Sum(r => r.Weight), 1e-12);
                reasons.Count.ShouldBeGreaterThan(0);
            }
        }
    }

    [Fact]
    public void gauss_hermite_nodes_integrate_the_standard_normal_moments()
    {
        var (x, w) = GaussHermite.Compute(GaussHermite.EngineNodes);
        w.Sum().ShouldBe(1, 1e-12);
        x.Zip(w).Sum(t => t.First * t.Second).ShouldBe(0, 1e-12);
        x.Zip(w).Sum(t => t.First * t.First * t.Second).ShouldBe(1, 1e-10);
        x.Zip(w).Sum(t => Math.Pow(t.First, 4) * t.Second).ShouldBe(3, 1e-9);
    }

    [Fact]
    public void the_random_effect_widens_the_number_of_interviews()
    {
        var logits = Enumerable.Repeat(ProgramEffects.Logit(0.05), 150).ToArray();
        static (double Mean, double Var, double Zero) Moments(double[] d) =>
            (d.Select((p, k) => p * k).Sum(), d.Select((p, k) => p * k * k).Sum() - Math.Pow(d.Select((p, k) => p * k).Sum(), 2), d[0]);
        var narrow = Moments(ListOptimizer.InterviewDistribution(logits, 150, 0));
        var wide = Moments(ListOptimizer.InterviewDistribution(logits, 150, Ps.RandomEffectSd.Value));
        narrow.Var.ShouldBe(150 * 0.05 * 0.95, 1e-6);
        wide.Var.ShouldBeGreaterThan(2 * narrow.Var);
        wide.Zero.ShouldBeGreaterThan(10 * narrow.Zero, "a strong-looking list still leaves a real chance of no interview");
    }

    [Fact]
    public void match_curves_rise_from_zero_and_internal_medicine_gives_about_ninety_percent_at_ten_interviews()
    {
        foreach (var (key, curve) in Ps.MatchCurves)
        {
            curve.At(0).ShouldBe(0, key);
            for (var k = 1; k <= 20; k++) curve.At(k).ShouldBeGreaterThan(curve.At(k - 1), key);
            curve.At(40).ShouldBeLessThanOrEqualTo(1, key);
        }
        Ps.MatchCurveFor("internal_medicine").At(10).ShouldBe(0.87, 0.03);
        Ps.MatchCurveFor("pathology").At(3).ShouldBeLessThan(Ps.MatchCurveFor("pediatrics").At(3), "pathology needs more interviews than pediatrics");
        Ps.MatchCurveFor("unknown_specialty").ShouldBe(Ps.DefaultMatchCurve);
    }

    [Fact]
    public void the_rule_for_n_keeps_a_still_climbing_curve_going_and_stops_where_it_flattens()
    {
        CurvePoint[] Curve(Func<int, double> f) => [.. Enumerable.Range(1, 15).Select(i => new CurvePoint(i * 10, f(i * 10)))];
        // Nearly proportional to N (a weak profile): apply to all.
        ListOptimizer.Recommend(Curve(n => 0.001 * n), Ps).N.ShouldBe(150);
        // Saturating (a strong profile): stop early.
        var strong = ListOptimizer.Recommend(Curve(n => 0.9 * (1 - Math.Exp(-n / 20.0))), Ps);
        strong.N.ShouldBeLessThan(100);
        // Reaching the "enough" level stops there.
        ListOptimizer.Recommend(Curve(n => Math.Min(0.99, 0.5 + n / 100.0)), Ps).N.ShouldBe(50);
        // A flat zero curve does not ask for more applications.
        ListOptimizer.Recommend(Curve(_ => 0), Ps).N.ShouldBe(10);
    }

    [Fact]
    public void weak_profiles_are_told_to_apply_at_least_as_broadly_as_strong_ones()
    {
        var catalog = new Catalog([.. Enumerable.Range(100, 300).Select(i => WithRate($"{1000 + i}140C0", 0.01m + (i % 17) / 100m))]);
        var weak = MatchingEngine.Rank(Profiles.WorkedExample(), catalog, new RankOptions(Budget: 200));
        var strong = MatchingEngine.Rank(Profiles.WorkedExample() with
        {
            Exams = [new ExamResult(ExamKind.Step2Ck, 265, true)], YearOfGraduation = 2025, VisaNeed = VisaNeed.None,
            Usce = [new UsceItem(UsceKind.HandsOn, "internal_medicine", 6, null)],
        }, catalog, new RankOptions(Budget: 200));
        weak.RecommendedApplications.ShouldBeGreaterThanOrEqualTo(strong.RecommendedApplications);
        weak.RecommendedApplications.ShouldBeGreaterThanOrEqualTo(150);
        strong.RecommendedApplications.ShouldBeLessThan(200);
    }

    [Fact]
    public void parameter_sets_round_trip_through_json()
    {
        var json = ParameterSetJson.Write(Ps);
        var back = ParameterSetJson.Read(json, out var error);
        error.ShouldBeNull();
        back.ShouldNotBeNull();
        ParameterSetJson.Write(back).ShouldBe(json);
        ParameterSetJson.Read("{\"Version\": 3}", out var bad).ShouldBeNull();
        bad.ShouldNotBeNull();
    }
}

/// <summary>The stage-aware outlook.</summary>
public class OutlookTests
{
    private static readonly ParameterSet Ps = DefaultParameters.Current;
    private static readonly double[] Shown = [.. Enumerable.Repeat(0.03, 150)];
    private static readonly CurvePoint[] Curve = [new(50, 0.3), new(100, 0.45), new(150, 0.55)];

    private static Outlook At(SeasonPosition position, string specialty = "internal_medicine") =>
        OutlookRules.For(position, Shown, Curve, 150, 0.55, specialty, usImg: false, Ps);

    [Fact]
    public void a_matched_candidate_shows_no_chance_and_no_risk()
    {
        var o = At(new SeasonPosition(SeasonStage.Matched, 150, 6, 0, 2026));
        o.PMatch.ShouldBeNull();
        o.Risk.ShouldBe(RiskLevel.None);
        o.Headline.ShouldBe("Matched in 2026.");
    }

    [Fact]
    public void a_certified_candidate_with_three_or_four_interviews_gets_the_chance_those_interviews_give()
    {
        var three = At(new SeasonPosition(SeasonStage.RankListCertified, 150, 3, 0)).PMatch!.Value;
        var four = At(new SeasonPosition(SeasonStage.RankListCertified, 150, 4, 0)).PMatch!.Value;
        three.ShouldBe(Ps.MatchCurveFor("internal_medicine").At(3), 1e-12);
        four.ShouldBe(Ps.MatchCurveFor("internal_medicine").At(4), 1e-12);
        three.ShouldBeInRange(0.4, 0.55);
        four.ShouldBeGreaterThan(three);
    }

    [Fact]
    public void while_interviewing_more_interviews_held_and_more_season_left_mean_a_higher_chance()
    {
        var p = Enumerable.Range(0, 8).Select(k => At(new SeasonPosition(SeasonStage.Interviewing, 150, k, 0.4)).PMatch!.Value).ToList();
        p.ShouldBeInOrder(SortDirection.Ascending);
        At(new SeasonPosition(SeasonStage.Interviewing, 150, 2, 0.6)).PMatch!.Value
            .ShouldBeGreaterThan(At(new SeasonPosition(SeasonStage.Interviewing, 150, 2, 0.1)).PMatch!.Value);
        At(new SeasonPosition(SeasonStage.Interviewing, 150, 2, 0.4)).PMatch!.Value
            .ShouldBeGreaterThan(Ps.MatchCurveFor("internal_medicine").At(2), "interviews still to come add to those held");
    }

    [Fact]
    public void before_applications_the_outlook_is_the_recommended_list_and_after_submitting_the_submitted_one()
    {
        var before = At(new SeasonPosition(SeasonStage.BeforeApplications));
        before.PMatch.ShouldBe(0.55);
        before.ExpectedInterviews!.Value.ShouldBe(4.5, 1e-9);
        var applied = At(new SeasonPosition(SeasonStage.Applied, 100));
        applied.PMatch.ShouldBe(0.45);
        applied.ExpectedInterviews!.Value.ShouldBe(3, 1e-9);
        applied.Headline.ShouldContain("100 applications sent");
    }

    [Fact]
    public void risk_is_relative_to_the_specialty_published_match_rate()
    {
        OutlookRules.RiskOf(0.45, 0.485).ShouldBe(RiskLevel.OnTrack);
        OutlookRules.RiskOf(0.30, 0.485).ShouldBe(RiskLevel.Watch);
        OutlookRules.RiskOf(0.20, 0.485).ShouldBe(RiskLevel.Act);
        // The same 45% is on track in internal medicine (48.5%) but not in pediatrics (68.5%).
        OutlookRules.RiskOf(0.45, OutlookRules.ReferenceRate("pediatrics", false, Ps)).ShouldBe(RiskLevel.Watch);
        OutlookRules.ReferenceRate("internal_medicine", true, Ps).ShouldBeGreaterThan(OutlookRules.ReferenceRate("internal_medicine", false, Ps));
    }

    [Fact]
    public void chances_read_as_people_read_them()
    {
        Outlook.Percent(0.001).ShouldBe("<1%");
        Outlook.Percent(0).ShouldBe("<1%");
        Outlook.Percent(0.456).ShouldBe("46%");
        Outlook.Percent(0.999).ShouldBe(">99%");
    }
}
