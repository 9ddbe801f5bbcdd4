using System.Text.Json;
using Alba;
using Shouldly;
using SmartPick.Web.Tests.Infrastructure;

namespace SmartPick.Web.Tests.Pages;

/// <summary>The catalog table sorts by its columns (API and page alike) and says so when a search finds nothing.</summary>
public sealed class CatalogBrowsingPages(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task the_catalog_sorts_by_img_share_highest_first_and_by_minimum_score_lowest_first_with_blanks_last()
    {
        var org = await App.CreateOrgAsync("catsort");
        var advisor = await App.AdvisorAsync(org);
        var byShare = await (await As(advisor, x => x.Get.Url("/api/catalog/programs?sort=img_share&page_size=500"))).ReadAsJsonAsync<JsonElement>();
        var shares = byShare.GetProperty("items").EnumerateArray()
            .Select(p => p.GetProperty("img_share").ValueKind == JsonValueKind.Null ? (decimal?)null : p.GetProperty("img_share").GetDecimal()).ToList();
        var known = shares.TakeWhile(s => s is not null).Select(s => s!.Value).ToList();
        known.Count.ShouldBeGreaterThan(10);
        known.ShouldBe(known.OrderByDescending(v => v).ToList());
        shares.Skip(known.Count).ShouldAllBe(s => s == null);

        var byScore = await (await As(advisor, x => x.Get.Url("/api/catalog/programs?sort=min_step2ck&page_size=200"))).ReadAsJsonAsync<JsonElement>();
        var scores = byScore.GetProperty("items").EnumerateArray().Where(p => p.GetProperty("min_step2ck").ValueKind != JsonValueKind.Null)
            .Select(p => p.GetProperty("min_step2ck").GetInt32()).ToList();
        scores.ShouldBe(scores.Order().ToList());

        await As(advisor, x => { x.Get.Url("/api/catalog/programs?sort=shoe_size"); x.StatusCodeShouldBe(400); });
        (await App.PageAs(advisor, "/catalog?sort=img_share")).ShouldContain("aria-sort=\"descending\"");
    }

    [Fact]
    public async Task a_search_that_finds_nothing_says_so_in_a_sentence()
    {
        var org = await App.CreateOrgAsync("catnone");
        var advisor = await App.AdvisorAsync(org);
        var html = await App.PageAs(advisor, "/catalog?q=zzzz-no-such-program");
        html.ShouldContain("No program matches this search.");
    }
}
