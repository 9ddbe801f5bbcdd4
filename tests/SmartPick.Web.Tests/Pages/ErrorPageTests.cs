using Alba;
using Shouldly;
using SmartPick.Web.Tests.Infrastructure;

namespace SmartPick.Web.Tests.Pages;

/// <summary>Browsers get a branded page for what is not there; the API keeps problem details.</summary>
[Collection(AppCollection.Name)]
public sealed class ErrorPageTests(AppFixture app) : AppTest(app)
{
    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/catalog/programs/NOPE0000")]
    public async Task a_browser_asking_for_an_unknown_page_gets_the_branded_not_found_page(string path)
    {
        var org = await App.CreateOrgAsync("err404");
        var advisor = await App.AdvisorAsync(org);
        var result = await As(advisor, x =>
        {
            x.Get.Url(path);
            x.WithRequestHeader("Accept", "text/html,application/xhtml+xml");
            x.StatusCodeShouldBe(404);
        });
        result.Context.Response.ContentType!.ShouldStartWith("text/html");
        var html = await result.ReadAsTextAsync();
        html.ShouldContain("We could not find that page");
        html.ShouldContain("href=\"/favicon.ico\"");
    }

    [Fact]
    public async Task a_browser_opening_another_organizations_file_gets_the_not_found_page_and_the_api_problem_details()
    {
        var org = await App.CreateOrgAsync("err404b");
        var advisor = await App.AdvisorAsync(org);
        var id = Guid.NewGuid();
        var page = await As(advisor, x =>
        {
            x.Get.Url($"/candidates/{id}/list");
            x.WithRequestHeader("Accept", "text/html");
            x.StatusCodeShouldBe(404);
        });
        (await page.ReadAsTextAsync()).ShouldContain("We could not find that page");

        var api = await As(advisor, x =>
        {
            x.Get.Url($"/api/candidates/{id}");
            x.WithRequestHeader("Accept", "text/html,application/json");
            x.StatusCodeShouldBe(404);
        });
        (await api.ReadAsTextAsync()).ShouldNotContain("<html");
    }

    [Fact]
    public async Task a_caller_that_does_not_ask_for_html_keeps_a_body_without_a_page()
    {
        var result = await Host.Scenario(x =>
        {
            x.Get.Url("/no-such-page");
            x.WithRequestHeader("Accept", "application/json");
            x.StatusCodeShouldBe(404);
        });
        (await result.ReadAsTextAsync()).ShouldNotContain("<html");
    }

    [Fact]
    public async Task the_failure_page_answers_500_with_a_reference_and_without_the_layouts_database_reads()
    {
        var result = await Host.Scenario(x =>
        {
            x.Get.Url("/error/500");
            x.WithRequestHeader("Accept", "text/html");
            x.StatusCodeShouldBe(500);
        });
        var html = await result.ReadAsTextAsync();
        html.ShouldContain("Something went wrong on our side");
        html.ShouldContain("quote the reference");
    }

    [Fact]
    public async Task the_favicon_answers()
    {
        var ico = await Host.Scenario(x =>
        {
            x.Get.Url("/favicon.ico");
            x.StatusCodeShouldBe(200);
        });
        ico.Context.Response.ContentType.ShouldBe("image/x-icon");
        var svg = await Host.Scenario(x =>
        {
            x.Get.Url("/favicon.svg");
            x.StatusCodeShouldBe(200);
        });
        svg.Context.Response.ContentType.ShouldBe("image/svg+xml");
    }
}

/// <summary>Links in emails and feeds point where people reach the app.</summary>
public sealed class PublicAddressTests
{
    [Theory]
    [InlineData("https://advising.example.org/", "http://127.0.0.1:6123", "https://advising.example.org")]
    [InlineData(null, "http://127.0.0.1:6123", "http://127.0.0.1:6123")]
    [InlineData("", "http://0.0.0.0:7001;https://0.0.0.0:7002", "https://127.0.0.1:7002")]
    [InlineData(null, "http://+:8080", "http://127.0.0.1:8080")]
    [InlineData(null, "http://[::]:8081", "http://127.0.0.1:8081")]
    [InlineData(null, null, "http://127.0.0.1:5080")]
    [InlineData(null, "not an address", "http://127.0.0.1:5080")]
    public void configured_first_then_where_the_app_listens(string? configured, string? listening, string expected) =>
        SmartPick.Web.Infrastructure.PublicAddress.Of(configured, listening).ShouldBe(expected);
}
