using System.Text.Json;
using Alba;
using Shouldly;
using SmartPick.Contracts;
using SmartPick.Web.Tests.Infrastructure;

namespace SmartPick.Web.Tests.Auth;

public sealed class RoleTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task only_platform_admins_create_organizations()
    {
        var org = await App.CreateOrgAsync();
        var orgAdmin = await App.OrgAdminAsync(org);
        var platform = await App.PlatformAdminAsync();
        var slug = $"new-{Guid.NewGuid():N}"[..20];

        await As(orgAdmin, x =>
        {
            x.Post.Json(new { slug, name = "Nope", time_zone = "America/Chicago" }).ToUrl("/api/platform/organizations");
            x.StatusCodeShouldBe(403);
        });
        await As(platform, x =>
        {
            x.Post.Json(new { slug, name = "New Agency", time_zone = "America/Chicago" }).ToUrl("/api/platform/organizations");
            x.StatusCodeShouldBe(201);
        });
        await As(platform, x =>
        {
            x.Post.Json(new { slug, name = "Again", time_zone = "America/Chicago" }).ToUrl("/api/platform/organizations");
            x.StatusCodeShouldBe(409);
        });
    }

    [Fact]
    public async Task organization_fields_are_validated()
    {
        var platform = await App.PlatformAdminAsync();
        var result = await As(platform, x =>
        {
            x.Post.Json(new { slug = "Bad Slug!", name = "", time_zone = "Mars/Olympus" }).ToUrl("/api/platform/organizations");
            x.StatusCodeShouldBe(400);
        });
        var errors = (await result.ReadAsJsonAsync<JsonElement>()).GetProperty("errors");
        errors.TryGetProperty("slug", out _).ShouldBeTrue();
        errors.TryGetProperty("name", out _).ShouldBeTrue();
        errors.TryGetProperty("time_zone", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task a_platform_admin_sees_no_tenant_data()
    {
        var platform = await App.PlatformAdminAsync();
        await As(platform, x =>
        {
            x.Get.Url("/api/org/members");
            x.StatusCodeShouldBe(403);
        });
    }

    [Fact]
    public async Task the_members_list_is_for_org_admins_and_shows_only_their_organization()
    {
        var orgA = await App.CreateOrgAsync("a");
        var orgB = await App.CreateOrgAsync("b");
        var adminA = await App.OrgAdminAsync(orgA);
        var advisorA = await App.AdvisorAsync(orgA);
        var advisorB = await App.AdvisorAsync(orgB);

        var members = await As(adminA, x => x.Get.Url("/api/org/members"));
        var text = await members.ReadAsTextAsync();
        text.ShouldContain(advisorA.Email);
        text.ShouldNotContain(advisorB.Email);

        await As(advisorA, x =>
        {
            x.Get.Url("/api/org/members");
            x.StatusCodeShouldBe(403);
        });
    }

    [Fact]
    public async Task a_user_whose_organization_no_longer_exists_is_refused()
    {
        var org = await App.CreateOrgAsync();
        var advisor = await App.AdvisorAsync(org);
        await App.TokenAsync(advisor);
        using (var scope = Host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SmartPick.Web.Identity.IdentityDb>();
            await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ExecuteDeleteAsync(db.Organizations.Where(o => o.Id == org.Slug));
            scope.ServiceProvider.GetRequiredService<SmartPick.Web.Organizations.OrganizationDirectory>().Forget(org.Slug);
        }
        await As(advisor, x =>
        {
            x.Get.Url("/api/org");
            x.StatusCodeShouldBe(401);
        });
    }

    [Fact]
    public async Task org_admins_change_their_sender_settings_with_validation()
    {
        var org = await App.CreateOrgAsync();
        var admin = await App.OrgAdminAsync(org);
        var bad = await As(admin, x =>
        {
            x.Put.Json(new { sender_name = "Evil\r\nBcc: x@y.z", sender_email = "nope" }).ToUrl("/api/org/settings");
            x.StatusCodeShouldBe(400);
        });
        var errors = (await bad.ReadAsJsonAsync<JsonElement>()).GetProperty("errors");
        errors.TryGetProperty("sender_name", out _).ShouldBeTrue();
        errors.TryGetProperty("sender_email", out _).ShouldBeTrue();

        var ok = await As(admin, x => x.Put.Json(new { sender_name = "Bright Path Advising", sender_email = "team@brightpath.example" }).ToUrl("/api/org/settings"));
        (await ok.ReadAsJsonAsync<JsonElement>()).GetProperty("sender_name").GetString().ShouldBe("Bright Path Advising");
    }

    [Fact]
    public async Task the_jobs_dashboard_is_for_platform_admins_only()
    {
        var org = await App.CreateOrgAsync();
        var orgAdmin = await App.OrgAdminAsync(org);
        var platform = await App.PlatformAdminAsync();

        var anonymous = await Host.Scenario(x =>
        {
            x.Get.Url("/ops/jobs");
            x.IgnoreStatusCode();
        });
        anonymous.Context.Response.StatusCode.ShouldBeOneOf(302, 401);
        if (anonymous.Context.Response.StatusCode == 302)
        {
            anonymous.Context.Response.Headers.Location.ToString().ShouldContain("/signin");
        }
        await As(orgAdmin, x =>
        {
            x.Get.Url("/ops/jobs");
            x.StatusCodeShouldBe(403);
        });
        var ok = await As(platform, x => x.Get.Url("/ops/jobs"));
        (await ok.ReadAsTextAsync()).ShouldContain("SmartPick jobs");
    }
}
