using System.Text.Json;
using Alba;
using Shouldly;
using SmartPick.Contracts;
using SmartPick.Web.Tests.Infrastructure;

namespace SmartPick.Web.Tests.Pages;

public sealed class PlatformPages(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task when_a_platform_admin_creates_an_organization_it_is_listed_with_the_jobs_link()
    {
        var platform = await App.PlatformAdminAsync();
        var slug = $"plat-{Guid.NewGuid():N}"[..20];

        var result = await App.SubmitAs(platform, "/platform", "/platform", new Dictionary<string, string>
        {
            ["slug"] = slug, ["name"] = "Platform Page Agency", ["time_zone"] = "America/Chicago",
        }, 200);

        var html = await result.ReadAsTextAsync();
        html.ShouldContain("data-testid=\"created\"");
        html.ShouldContain($"<td class=\"mono\">{slug}</td><td>Platform Page Agency</td>");
        html.ShouldContain("href=\"/ops/jobs\"");
        var all = await (await As(platform, x => x.Get.Url("/api/platform/organizations"))).ReadAsJsonAsync<JsonElement>();
        var created = all.EnumerateArray().Single(o => o.GetProperty("id").GetString() == slug);
        created.GetProperty("time_zone").GetString().ShouldBe("America/Chicago");
    }

    [Fact]
    public async Task when_the_slug_is_bad_or_taken_the_form_says_why()
    {
        var platform = await App.PlatformAdminAsync();
        var existing = await App.CreateOrgAsync("plt");

        var bad = await App.SubmitAs(platform, "/platform", "/platform", new Dictionary<string, string>
        {
            ["slug"] = "Not A Slug", ["name"] = "", ["time_zone"] = "Nowhere/Town",
        }, 400);
        var html = System.Net.WebUtility.HtmlDecode(await bad.ReadAsTextAsync());
        html.ShouldContain("id=\"f-slug-error\">Slug is 1–40 lowercase letters");
        html.ShouldContain("id=\"f-name-error\">Name is required (at most 200 characters).");
        html.ShouldContain("id=\"f-time-zone-error\">Time zone must be an IANA id such as America/New_York.");

        var taken = await App.SubmitAs(platform, "/platform", "/platform", new Dictionary<string, string>
        {
            ["slug"] = existing.Slug, ["name"] = "Again", ["time_zone"] = "America/New_York",
        }, 409);
        System.Net.WebUtility.HtmlDecode(await taken.ReadAsTextAsync()).ShouldContain($"An organization with slug '{existing.Slug}' already exists.");
    }

    [Fact]
    public async Task when_an_org_admin_or_an_advisor_asks_for_the_platform_page_they_are_refused()
    {
        var org = await App.CreateOrgAsync("plt");
        foreach (var user in new[] { await App.OrgAdminAsync(org), await App.AdvisorAsync(org) })
        {
            await As(user, x => { x.Get.Url("/platform"); x.StatusCodeShouldBe(403); });
        }
    }
}
