using Shouldly;
using SmartPick.Attacks;
using SmartPick.Web.Tests.Infrastructure;

namespace SmartPick.Web.Tests.Attacks;

/// <summary>
/// The attack harness at CI size, against the in-process host: a few hundred isolation probes and bad inputs, on two
/// tenants seeded through the API. The full runs (<c>attack isolation|badinput</c> in the benchmarks project) use
/// the same engine against the host as a process; their figures are in docs/reliability.md.
/// </summary>
public sealed class AttackTests(AppFixture app) : AppTest(app)
{
    private static Task<ApiSurface>? _api;

    private async Task<(AttackHttp Http, ApiSurface Api, Cast Cast)> SeededAsync()
    {
        var (http, cast) = await AttackCast.SeededAsync(App);
        return (http, await (_api ??= ApiSurface.LoadAsync(http.Client)), cast);
    }

    private static StreamLedger Ledger() => AttackCast.Ledger();

    [Fact]
    public async Task every_role_probing_every_id_route_with_another_tenants_or_random_ids_sees_none_of_its_data_and_changes_nothing()
    {
        var (http, api, cast) = await SeededAsync();
        var owner = cast.Tenants[1];
        // The markers are in the data, so the search below would find a leak: the owner's own answer shows it.
        var own = await http.JsonAsync(HttpMethod.Get, $"/api/candidates/{owner.CandidateIds[0]}/timeline", owner.Advisor.Token, null);
        own.Body.ShouldContain(owner.Marker);

        var report = await IsolationFuzz.RunAsync(http, api, cast, Ledger(), requests: 400, concurrency: 4, seed: 22);

        report.Requests.ShouldBe(400);
        report.Counter("routes with path values").ShouldBeGreaterThanOrEqualTo(30, "the OpenAPI document lost its id-bearing routes");
        report.Statuses.Keys.ShouldContain(404, report.Describe());
        report.Findings.ShouldBeEmpty(report.Describe());
    }

    [Fact]
    public async Task a_bad_input_corpus_over_every_writable_route_gets_no_5xx_only_problem_details_and_leaves_every_stream_whole()
    {
        var (http, api, cast) = await SeededAsync();

        var report = await BadInputCorpus.RunAsync(http, api, cast, Ledger(), requests: 300, concurrency: 4, seed: 22);

        report.Requests.ShouldBe(300);
        report.Counter("writable routes").ShouldBeGreaterThanOrEqualTo(30, "the OpenAPI document lost its writable routes");
        report.Counter("corpus size").ShouldBeGreaterThan(1_000);
        report.Statuses.Keys.ShouldContain(400, report.Describe());
        report.Findings.ShouldBeEmpty(report.Describe());
    }
}
