using System.Text.Json;
using Shouldly;
using SmartPick.Web.Demo;
using SmartPick.Web.Tests.Advising;
using SmartPick.Web.Tests.Infrastructure;

namespace SmartPick.Web.Tests.Demo;

/// <summary>The demo agency's cohort spans the season, so its risk levels spread across on track, watch and act.</summary>
public sealed class DemoCohortTests(AppFixture app) : AdvisingTest(app)
{
    [Fact]
    public async Task the_demo_cohort_spans_the_stages_and_every_risk_level_and_no_matched_candidate_shows_a_chance()
    {
        var org = await App.CreateOrgAsync("demo");
        using (var scope = Host.Services.CreateScope())
        {
            var cohort = scope.ServiceProvider.GetServices<IDemoDataSeeder>().OfType<DemoCohort>().Single();
            (await cohort.SeedAsync(org.Slug, CancellationToken.None)).ShouldBe(DemoCohort.WorkedExampleId);
        }
        var advisor = await App.AdvisorAsync(org);

        var rows = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var answer = await GetAsync(advisor, $"/api/candidates?page_size=100&page={page}");
            var batch = answer.GetProperty("candidates").EnumerateArray().ToList();
            rows.AddRange(batch);
            if (batch.Count < 100) break;
        }
        rows.Count.ShouldBe(50);

        var stages = rows.Select(r => r.GetProperty("outlook").GetProperty("stage").GetString()).ToHashSet();
        foreach (var stage in new[] { "before_applications", "applied", "interviewing", "rank_list_certified", "matched", "unmatched" })
            stages.ShouldContain(stage);
        rows.Where(r => r.GetProperty("status").GetString() == "interviewing")
            .Select(r => r.GetProperty("interviews_this_season").GetInt32()).ShouldAllBe(n => n >= 2 && n <= 8);

        var risks = rows.GroupBy(r => r.GetProperty("risk").GetString()!).ToDictionary(g => g.Key, g => g.Count());
        foreach (var level in new[] { "on_track", "watch", "act", "none" })
            risks.Keys.ShouldContain(level, $"risk levels in the demo: {string.Join(", ", risks.Select(r => $"{r.Key} {r.Value}"))}");
        // Not nearly everyone at the same level, as when risk ignored the stage.
        risks.Values.Max().ShouldBeLessThan(rows.Count * 2 / 3);

        var matched = rows.Where(r => r.GetProperty("status").GetString() == "matched").ToList();
        matched.ShouldNotBeEmpty();
        matched.ShouldAllBe(r => r.GetProperty("p_match").ValueKind == JsonValueKind.Null
                                 && r.GetProperty("outlook").GetProperty("p_match").ValueKind == JsonValueKind.Null
                                 && r.GetProperty("risk").GetString() == "none");
    }
}
