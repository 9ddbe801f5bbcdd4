using SmartPick.Matching.Model;
using SmartPick.Matching.Parameters;
using SmartPick.Matching.Stages;

namespace SmartPick.Matching.Tests;

public class ListOptimizerTests
{
    private static readonly ParameterSet Ps = DefaultParameters.Current;
    private static readonly MatchCurve Im = Ps.MatchCurveFor("internal_medicine");

    [Fact]
    public void without_the_random_effect_the_interview_distribution_is_the_exact_poisson_binomial()
    {
        double[] p = [0.5, 0.2, 0.1, 0.05];
        var logits = p.Select(ProgramEffects.Logit).ToArray();
        var d = ListOptimizer.InterviewDistribution(logits, 4, 0);
        // Brute force over the 16 outcomes.
        var brute = new double[5];
        for (var mask = 0; mask < 16; mask++)
        {
            double prob = 1;
            var k = 0;
            for (var i = 0; i < 4; i++)
            {
                var hit = (mask >> i & 1) == 1;
                prob *= hit ? p[i] : 1 - p[i];
                if (hit) k++;
            }
            brute[k] += prob;
        }
        for (var k = 0; k <= 4; k++) d[k].ShouldBe(brute[k], 1e-12);
        d.Sum().ShouldBe(1, 1e-12);
    }

    [Fact]
    public void p_match_is_the_mix_of_m_k_over_the_distribution_and_the_curve_is_reported_every_ten_and_at_the_end()
    {
        var logits = Enumerable.Repeat(ProgramEffects.Logit(0.04), 35).ToArray();
        var noSpread = Ps with { RandomEffectSd = Ps.RandomEffectSd with { Value = 0 } };
        var plan = ListOptimizer.Optimize(logits, 35, noSpread, Im);
        plan.Curve.Select(c => c.N).ShouldBe([10, 20, 30, 35]);
        var d = ListOptimizer.InterviewDistribution(logits, 35, 0);
        plan.Curve[^1].PMatch.ShouldBe(d.Select((q, k) => q * Im.At(k)).Sum(), 1e-12);
        plan.Curve.Select(c => c.PMatch).ShouldBeInOrder(SortDirection.Ascending);
    }

    [Fact]
    public void the_last_cell_keeps_every_outcome_of_forty_or_more_interviews()
    {
        var logits = Enumerable.Repeat(ProgramEffects.Logit(0.9), 60).ToArray();
        var d = ListOptimizer.InterviewDistribution(logits, 60, 0);
        d.Length.ShouldBe(ListOptimizer.MaxInterviews + 1);
        d.Sum().ShouldBe(1, 1e-9);
        d[ListOptimizer.MaxInterviews].ShouldBeGreaterThan(0.99);
    }

    [Fact]
    public void an_empty_list_or_budget_has_no_curve()
    {
        ListOptimizer.Optimize([], 150, Ps, Im).RecommendedApplications.ShouldBe(0);
        ListOptimizer.Optimize([0.0, 0.0], 0, Ps, Im).Curve.ShouldBeEmpty();
    }

    [Fact]
    public void the_shown_p_integrates_the_random_effect()
    {
        var z = ProgramEffects.Logit(0.02);
        ListOptimizer.MarginalP(z, 0).ShouldBe(0.02, 1e-12);
        // Convexity at low p: the spread raises the average chance.
        ListOptimizer.MarginalP(z, 0.7).ShouldBeGreaterThan(0.02);
        ListOptimizer.MarginalP(z, 0.7).ShouldBeLessThan(0.04);
    }

    [Fact]
    public void tiers_follow_the_documented_thresholds()
    {
        ListOptimizer.TierOf(0.2, Ps).ShouldBe(Tier.Likely);
        ListOptimizer.TierOf(0.05, Ps).ShouldBe(Tier.Target);
        ListOptimizer.TierOf(0.01, Ps).ShouldBe(Tier.Reach);
    }
}
