using System.Text.Json;
using System.Text.RegularExpressions;
using Alba;
using Shouldly;
using SmartPick.Web.Tests.Infrastructure;

namespace SmartPick.Web.Tests.ApiDocument;

/// <summary>
/// <c>/scalar</c> works offline: the page and its start-up script name no other host, the reference's own fonts,
/// telemetry, AI chat and MCP are off, the vendor's buttons are hidden, and the page's policy lets nothing load from,
/// or go to, anywhere but this server.
/// </summary>
public sealed partial class ApiReferenceTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task the_reference_page_names_no_other_host_and_hides_the_vendor_buttons()
    {
        var page = await Host.Scenario(x => x.Get.Url("/scalar/"));
        var html = await page.ReadAsTextAsync();

        // Scripts, styles, fonts and images: every address on the page is relative (this server).
        var addresses = Address().Matches(html).Select(m => m.Groups[1].Value).ToList();
        addresses.ShouldNotBeEmpty();
        addresses.ShouldAllBe(a => !a.Contains("//"), $"addresses on the page: {string.Join(", ", addresses)}");
        html.ShouldNotContain("http://");
        html.ShouldNotContain("https://");

        var configuration = Configuration(html);
        configuration.GetProperty("withDefaultFonts").GetBoolean().ShouldBeFalse("the default fonts come from the vendor's font server");
        configuration.GetProperty("telemetry").GetBoolean().ShouldBeFalse();
        configuration.GetProperty("agent").GetProperty("disabled").GetBoolean().ShouldBeTrue();
        configuration.GetProperty("mcp").GetProperty("disabled").GetBoolean().ShouldBeTrue();
        configuration.GetProperty("hideClientButton").GetBoolean().ShouldBeTrue("\"Open in API client\" is the vendor's app");
        configuration.GetProperty("showDeveloperTools").GetString().ShouldBe("never");
        configuration.GetProperty("customCss").GetString()!.ShouldContain("scalar.com");
        configuration.TryGetProperty("proxyUrl", out _).ShouldBeFalse("requests tried from the page go straight to this server");

        var policy = page.Context.Response.Headers.ContentSecurityPolicy.ToString();
        foreach (var directive in new[] { "default-src 'self'", "connect-src 'self'", "font-src 'self' data:", "script-src 'self' 'unsafe-inline'" })
            policy.ShouldContain(directive);

        var startup = await (await Host.Scenario(x => x.Get.Url("/scalar/scalar.aspnetcore.js"))).ReadAsTextAsync();
        startup.ShouldNotContain("https://");
        await Host.Scenario(x => x.Get.Url("/scalar/scalar.js"));
    }

    /// <summary>The configuration object the page hands to the reference's start-up script.</summary>
    private static JsonElement Configuration(string html)
    {
        var match = ConfigurationObject().Match(html);
        match.Success.ShouldBeTrue("the page passes the reference a configuration object");
        return JsonDocument.Parse(match.Groups[1].Value).RootElement.Clone();
    }

    [GeneratedRegex("""(?:src|href)\s*=\s*["']([^"']+)["']""", RegexOptions.IgnoreCase)]
    private static partial Regex Address();

    [GeneratedRegex(@"initialize\(\s*'[^']*',\s*(?:true|false),\s*(\{.*\}),\s*'", RegexOptions.Singleline)]
    private static partial Regex ConfigurationObject();
}
