using System.Text.Json;
using Alba;
using Shouldly;
using SmartPick.Web.Tests.Infrastructure;

namespace SmartPick.Web.Tests.Auth;

public sealed class HealthTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task liveness_and_readiness_answer_without_sign_in()
    {
        await Host.Scenario(x => x.Get.Url("/health/live"));
        var ready = await Host.Scenario(x => x.Get.Url("/health/ready"));
        var body = await ready.ReadAsJsonAsync<JsonElement>();
        body.GetProperty("status").GetString().ShouldBe("healthy");
        body.GetProperty("checks").GetProperty("postgres").GetProperty("status").GetString().ShouldBe("healthy");
    }

    [Fact]
    public async Task the_openapi_document_describes_the_api()
    {
        var result = await Host.Scenario(x => x.Get.Url("/openapi/v1.json"));
        var doc = await result.ReadAsJsonAsync<JsonElement>();
        doc.GetProperty("paths").TryGetProperty("/api/auth/login", out _).ShouldBeTrue();
        // The advisor's choices for the application plan are part of the documented API, with their body.
        var strategy = doc.GetProperty("paths").GetProperty("/api/candidates/{id}/strategy").GetProperty("post");
        strategy.TryGetProperty("requestBody", out _).ShouldBeTrue();
        var seasons = doc.GetProperty("paths").GetProperty("/api/org/seasons/{season}");
        seasons.TryGetProperty("put", out _).ShouldBeTrue();
        seasons.TryGetProperty("delete", out _).ShouldBeTrue();
        doc.GetProperty("paths").TryGetProperty("/api/org/seasons/{season}/history", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task answers_carry_security_headers()
    {
        var result = await Host.Scenario(x => x.Get.Url("/health/live"));
        result.Context.Response.Headers["X-Content-Type-Options"].ToString().ShouldBe("nosniff");
        result.Context.Response.Headers["X-Frame-Options"].ToString().ShouldBe("DENY");
        result.Context.Response.Headers.ContentSecurityPolicy.ToString().ShouldContain("default-src 'self'");
    }
}
