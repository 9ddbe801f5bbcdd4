using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using SmartPick.Attacks;
using SmartPick.Web.Tests.Infrastructure;

namespace SmartPick.Web.Tests.Attacks;

/// <summary>
/// The attack harness over the cookie-signed-in pages at CI size, against the in-process host: page isolation and
/// the bad-input corpus over every page form, on the tenants the API attacks use. The full runs
/// (<c>attack page-isolation|page-badinput</c> in the benchmarks project) use the same engine; figures in docs/reliability.md.
/// </summary>
public sealed class PageAttackTests(AppFixture app) : AppTest(app)
{
    private static Task<PageSite>? _site;

    private async Task<(AttackHttp Http, Cast Cast, PageSite Site)> SeededAsync()
    {
        var (http, cast) = await AttackCast.SeededAsync(App);
        return (http, cast, await (_site ??= PageSite.OpenAsync(http, cast)));
    }

    [Fact]
    public async Task the_page_list_of_the_attacks_is_the_apps_own()
    {
        var loader = Host.Services.GetRequiredService<PageLoader>();
        var endpoints = Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Page: e.Metadata.GetMetadata<PageActionDescriptor>()))
            .Where(e => e.Page is not null && e.Page.AttributeRouteInfo?.SuppressLinkGeneration != true)
            .ToList();
        var actual = new List<string>();
        foreach (var (endpoint, page) in endpoints)
        {
            var compiled = await loader.LoadAsync(page!, endpoint.Metadata);
            var handlers = compiled.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant() + (h.Name is null ? "" : " " + h.Name)).Order(StringComparer.Ordinal);
            actual.Add($"{page!.ViewEnginePath} /{endpoint.RoutePattern.RawText}: {string.Join(", ", handlers)}");
        }
        var listed = PageSurface.Routes.Select(r => $"{r.Page} {r.Template}: {string.Join(", ", r.Handlers.Order(StringComparer.Ordinal))}");

        actual.Count.ShouldBeGreaterThan(20, "the host's endpoints list no pages: the comparison would prove nothing");
        listed.Order(StringComparer.Ordinal).ShouldBe(actual.Order(StringComparer.Ordinal),
            "SmartPick.Attacks/PageSurface.cs must list every page with its route and handlers (add the new page, or its new handler)");
    }

    [Fact]
    public async Task every_role_signed_in_by_cookie_opening_every_page_with_another_tenants_or_random_ids_sees_none_of_its_data_and_changes_nothing()
    {
        var (http, cast, site) = await SeededAsync();
        var owner = cast.Tenants[1];
        // The markers are in the pages, so the search would find a leak: the owner's own file page shows one.
        var own = await site.SessionOf(owner.Advisor).GetAsync(http, $"/candidates/{owner.CandidateIds[0]}");
        own.Body.ShouldContain(owner.Marker);

        var report = await PageIsolationFuzz.RunAsync(http, site, cast, AttackCast.Ledger(), requests: 300, concurrency: 4, seed: 22);

        report.Requests.ShouldBe(300);
        report.Counter("of which name a tenant's record").ShouldBeGreaterThanOrEqualTo(15, report.Describe());
        report.Counter("forms").ShouldBeGreaterThanOrEqualTo(15, "the pages showed their owners fewer forms that name a record than they do");
        report.Statuses.Keys.ShouldContain(404, report.Describe());
        report.Findings.ShouldBeEmpty(report.Describe());
    }

    [Fact]
    public async Task a_bad_input_corpus_over_every_page_form_gets_no_5xx_only_html_pages_with_the_fields_error_and_leaves_every_stream_whole()
    {
        var (http, cast, site) = await SeededAsync();

        var report = await PageBadInput.RunAsync(http, site, cast, AttackCast.Ledger(), requests: 300, concurrency: 4, seed: 22);

        report.Requests.ShouldBe(300);
        report.Counter("form handlers").ShouldBeGreaterThanOrEqualTo(30, report.Describe());
        report.Counter("corpus size").ShouldBeGreaterThan(1_000);
        report.Statuses.Keys.ShouldContain(400, report.Describe());
        report.Findings.ShouldBeEmpty(report.Describe());
    }
}
