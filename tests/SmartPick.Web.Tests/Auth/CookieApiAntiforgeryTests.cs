using System.Text.Json;
using Alba;
using Shouldly;
using SmartPick.Web.Tests.Infrastructure;

namespace SmartPick.Web.Tests.Auth;

/// <summary>An API write signed in with the cookie needs the antiforgery token; a bearer-token write does not.</summary>
public sealed class CookieApiAntiforgeryTests(AppFixture app) : AppTest(app)
{
    private static readonly object NewFile = new
    {
        name = "Cookie Client", email = "cookie@example.org", medical_school_country = "Pakistan", img_type = "non_us_img", visa_need = "j1",
        year_of_graduation = 2020, target_specialties = new[] { "internal_medicine" },
    };

    private async Task<IScenarioResult> OpenFileWithCookieAsync(string cookies, string? token, int status) => await Host.Scenario(x =>
    {
        x.WithRequestHeader("Cookie", cookies);
        if (token is not null) x.WithRequestHeader("X-CSRF-Token", token);
        x.Post.Json(NewFile).ToUrl("/api/candidates");
        x.StatusCodeShouldBe(status);
    });

    private async Task<int> FilesAsync(string cookie)
    {
        var result = await Host.Scenario(x =>
        {
            x.WithRequestHeader("Cookie", cookie);
            x.Get.Url("/api/candidates");
            x.StatusCodeShouldBe(200);
        });
        return (await result.ReadAsJsonAsync<JsonElement>()).GetProperty("candidates").GetArrayLength();
    }

    [Fact]
    public async Task a_cookie_signed_in_api_write_without_the_token_is_refused_and_with_it_goes_through()
    {
        var org = await App.CreateOrgAsync("csrf");
        var advisor = await App.AdvisorAsync(org);
        var cookie = await App.SignInCookieAsync(advisor);

        // Reads need no token; a write without one is refused with a problem saying what to send, and changes nothing.
        (await FilesAsync(cookie)).ShouldBe(0);
        var refused = await OpenFileWithCookieAsync(cookie, null, 400);
        (await refused.ReadAsTextAsync()).ShouldContain("antiforgery token");
        await OpenFileWithCookieAsync(cookie, "forged", 400);
        (await FilesAsync(cookie)).ShouldBe(0);

        var issued = await Host.Scenario(x =>
        {
            x.WithRequestHeader("Cookie", cookie);
            x.Get.Url("/api/auth/antiforgery");
            x.StatusCodeShouldBe(200);
        });
        issued.Context.Response.Headers.CacheControl.ToString().ShouldContain("no-store");
        var body = await issued.ReadAsJsonAsync<JsonElement>();
        body.GetProperty("header_name").GetString().ShouldBe("X-CSRF-Token");
        var antiforgeryCookie = issued.Context.Response.Headers.SetCookie.Select(c => c!.Split(';')[0]).Single(c => c.StartsWith("smartpick.af=", StringComparison.Ordinal));

        await OpenFileWithCookieAsync($"{cookie}; {antiforgeryCookie}", body.GetProperty("token").GetString(), 201);
        (await FilesAsync(cookie)).ShouldBe(1);
    }

    [Fact]
    public async Task a_bearer_token_write_needs_no_antiforgery_token_and_the_token_endpoint_needs_a_sign_in()
    {
        var org = await App.CreateOrgAsync("csrf-bearer");
        var advisor = await App.AdvisorAsync(org);
        await As(advisor, x =>
        {
            x.Post.Json(NewFile).ToUrl("/api/candidates");
            x.StatusCodeShouldBe(201);
        });
        await Host.Scenario(x =>
        {
            x.Get.Url("/api/auth/antiforgery");
            x.StatusCodeShouldBe(401);
        });
    }
}
