using SmartPick.Matching.Parameters;
using SmartPick.Matching.Stages;

namespace SmartPick.Matching.Tests;

public class ListOptimizerTests
{
    private static readonly ParameterSet Ps = DefaultParameters.ImgInternalMedicine2025;

    /// <summary>P(match) by enumerating every subset of interviews: the definition the DP must reproduce.</summary>
    private static double BruteForce(double[] p)
    {
        double total = 0;
        for (var mask = 0; mask < 1 << p.Length; mask++)
        {
            double prob = 1;
            var k = 0;
            for (var i = 0; i < p.Length; i++)
            {
                var hit = (mask >> i & 1) == 1;
                prob *= hit ? p[i] : 1 - p[i];
                if (hit) k++;
            }
            total += prob * ListOptimizer.MatchGivenInterviews(k, 4.3);
        }
        return total;
    }

    [Fact]
    public void the_match_curve_gives_about_90_percent_at_10_interviews_and_nothing_at_none()
    {
        ListOptimizer.MatchGivenInterviews(0, 4.3).ShouldBe(0);
        ListOptimizer.MatchGivenInterviews(10, 4.3).ShouldBe(0.902, 0.001);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void the_dynamic_programme_equals_enumeration_of_every_outcome(int seed)
    {
        var random = new Random(seed);
        var p = Enumerable.Range(0, 10).Select(_ => random.NextDouble()).OrderDescending().ToArray();
        var plan = ListOptimizer.Optimize(p, 10, Ps);
        plan.Curve.Single().N.ShouldBe(10);
        plan.Curve.Single().PMatch.ShouldBe(BruteForce(p), 1e-12);
    }

    [Fact]
    public void the_curve_has_a_point_every_10_applications_and_at_the_end_of_the_list()
    {
        var plan = ListOptimizer.Optimize(Enumerable.Repeat(0.001, 35).ToArray(), 200, Ps);
        plan.Curve.Select(c => c.N).ShouldBe([10, 20, 30, 35]);
    }

    [Fact]
    public void the_budget_caps_the_list()
    {
        var plan = ListOptimizer.Optimize(Enumerable.Repeat(0.001, 500).ToArray(), 120, Ps);
        plan.Curve[^1].N.ShouldBe(120);
        plan.RecommendedApplications.ShouldBe(120);
    }

    [Fact]
    public void a_strong_list_stops_once_p_match_is_enough()
    {
        var plan = ListOptimizer.Optimize(Enumerable.Repeat(0.3, 300).ToArray(), 300, Ps);
        plan.PMatchAtRecommended.ShouldBeGreaterThanOrEqualTo(Ps.EnoughPMatch.Value);
        plan.RecommendedApplications.ShouldBeLessThan(100);
        plan.Curve.Single(c => c.N == plan.RecommendedApplications - 10).PMatch.ShouldBeLessThan(Ps.EnoughPMatch.Value);
    }

    [Fact]
    public void the_list_stops_where_the_next_10_applications_add_less_than_the_threshold()
    {
        // 40 useful programs, then programs nobody would interview at.
        var p = Enumerable.Repeat(0.05, 40).Concat(Enumerable.Repeat(0.00001, 100)).ToArray();
        ListOptimizer.Optimize(p, 140, Ps).RecommendedApplications.ShouldBe(40);
    }

    [Fact]
    public void truncation_at_the_maximum_interview_count_keeps_p_match_a_probability()
    {
        var plan = ListOptimizer.Optimize(Enumerable.Repeat(0.9, 200).ToArray(), 200, Ps);
        plan.Curve.ShouldAllBe(c => c.PMatch >= 0 && c.PMatch <= 1);
        plan.Curve[^1].PMatch.ShouldBe(ListOptimizer.MatchGivenInterviews(ListOptimizer.MaxInterviews, 4.3), 1e-6);
    }

    [Theory]
    [InlineData(0.16, "Likely")]
    [InlineData(0.15, "Likely")]
    [InlineData(0.149, "Target")]
    [InlineData(0.04, "Target")]
    [InlineData(0.039, "Reach")]
    public void tiers_follow_the_documented_thresholds(double p, string tier)
        => ListOptimizer.TierOf(p, Ps).ToString().ShouldBe(tier);
}
