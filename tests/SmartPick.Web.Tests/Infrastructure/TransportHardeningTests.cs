using System.Net;
using Microsoft.AspNetCore.Http;
using System.Text.Json;
using Alba;
using Shouldly;
using SmartPick.Contracts;

namespace SmartPick.Web.Tests.Infrastructure;

/// <summary>What the host says about caching, cookies and transport outside Development, and where its links point.</summary>
public sealed class TransportHardeningTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task api_answers_with_personal_data_are_never_cached()
    {
        var org = await App.CreateOrgAsync();
        var admin = await App.OrgAdminAsync(org);
        var members = await As(admin, x => x.Get.Url("/api/org/members"));
        members.Context.Response.Headers.CacheControl.ToString().ShouldBe("no-store");
        var me = await As(admin, x => x.Get.Url("/api/auth/me"));
        me.Context.Response.Headers.CacheControl.ToString().ShouldBe("no-store");
    }

    [Fact]
    public async Task outside_development_the_sign_in_cookie_is_secure_and_https_answers_carry_hsts()
    {
        var org = await App.CreateOrgAsync();
        var advisor = await App.AdvisorAsync(org);
        var signIn = await Host.Scenario(x =>
        {
            x.Post.Json(new { email = advisor.Email, password = AppFixture.Password }).ToUrl("/api/auth/login").QueryString("use_cookies", "true");
            x.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = AppFixture.ClientAddress());
            x.StatusCodeShouldBe(204);
        });
        signIn.Context.Response.Headers.SetCookie.ToString().ShouldContain("secure", Case.Insensitive);

        var https = await Host.Scenario(x =>
        {
            x.Get.Url("/health/live");
            x.ConfigureHttpContext(c => { c.Request.Scheme = "https"; c.Request.Host = new HostString("smartpick.example.org"); });
        });
        https.Context.Response.Headers.StrictTransportSecurity.ToString().ShouldContain("max-age=");
    }

    [Fact]
    public async Task the_scheme_forwarded_by_the_local_proxy_is_honoured_and_one_from_anyone_else_is_not()
    {
        async Task<string> HstsVia(IPAddress proxy) => (await Host.Scenario(x =>
        {
            x.Get.Url("/health/live");
            x.WithRequestHeader("X-Forwarded-Proto", "https");
            x.WithRequestHeader("X-Forwarded-For", "203.0.113.50");
            x.ConfigureHttpContext(c => { c.Connection.RemoteIpAddress = proxy; c.Request.Host = new HostString("smartpick.example.org"); });
        })).Context.Response.Headers.StrictTransportSecurity.ToString();

        (await HstsVia(IPAddress.Loopback)).ShouldContain("max-age=");
        (await HstsVia(IPAddress.Parse("198.51.100.7"))).ShouldBeEmpty();
    }

    [Fact]
    public async Task the_invitation_link_is_built_from_the_configured_public_address_not_the_host_header()
    {
        var org = await App.CreateOrgAsync();
        var admin = await App.OrgAdminAsync(org);
        var created = await As(admin, x =>
        {
            x.Post.Json(new { email = $"linked-{Guid.NewGuid():N}@test.smartpick.local", role = SmartPickRoles.Advisor }).ToUrl("/api/org/invitations");
            x.ConfigureHttpContext(c => c.Request.Host = new HostString("attacker.example"));
            x.StatusCodeShouldBe(201);
        });
        var link = (await created.ReadAsJsonAsync<JsonElement>()).GetProperty("accept_url").GetString()!;
        var publicBase = Host.Services.GetRequiredService<SmartPick.Nudges.Sweeps.NudgeOptions>().PublicBaseUrl.TrimEnd('/');

        link.ShouldNotContain("attacker.example");
        link.ShouldStartWith(publicBase + "/invitations/");
    }

    [Fact]
    public async Task the_jobs_dashboard_statistics_answer_a_get_with_405_not_500()
    {
        var platform = await App.PlatformAdminAsync();
        var result = await As(platform, x => { x.Get.Url("/ops/jobs/stats"); x.IgnoreStatusCode(); });
        result.Context.Response.StatusCode.ShouldBe(405);
    }
}
