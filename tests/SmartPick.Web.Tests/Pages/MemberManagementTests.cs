using System.Text.Json;
using Alba;
using Shouldly;
using SmartPick.Contracts;
using SmartPick.Web.Tests.Infrastructure;

namespace SmartPick.Web.Tests.Pages;

/// <summary>An org admin changes a staff member's role and removes members; never the last admin, never across organizations.</summary>
public sealed class MemberManagementTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task an_admin_makes_an_advisor_an_admin_and_back_and_the_old_token_stops_working()
    {
        var org = await App.CreateOrgAsync("roles");
        var admin = await App.OrgAdminAsync(org);
        var advisor = await App.AdvisorAsync(org);
        var oldToken = await App.TokenAsync(advisor);

        var promoted = await (await As(admin, x =>
        {
            x.Put.Json(new { role = "org_admin" }).ToUrl($"/api/org/members/{advisor.Id}/role");
            x.StatusCodeShouldBe(200);
        })).ReadAsJsonAsync<JsonElement>();
        promoted.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["org_admin"]);
        await Host.Scenario(x =>
        {
            x.WithRequestHeader("Authorization", $"Bearer {oldToken}");
            x.Get.Url("/api/org");
            x.StatusCodeShouldBe(401);
        });

        await As(admin, x => { x.Put.Json(new { role = "advisor" }).ToUrl($"/api/org/members/{advisor.Id}/role"); x.StatusCodeShouldBe(200); });
        await As(admin, x => { x.Put.Json(new { role = "platform_admin" }).ToUrl($"/api/org/members/{advisor.Id}/role"); x.StatusCodeShouldBe(400); });
    }

    [Fact]
    public async Task the_last_admin_is_kept_and_nobody_removes_themselves()
    {
        var org = await App.CreateOrgAsync("lastadmin");
        var admin = await App.OrgAdminAsync(org);
        await As(admin, x => { x.Delete.Url($"/api/org/members/{admin.Id}"); x.StatusCodeShouldBe(409); });
        var other = await App.OrgAdminAsync(org);
        await As(other, x => { x.Delete.Url($"/api/org/members/{admin.Id}"); x.StatusCodeShouldBe(204); });
        await As(other, x => { x.Put.Json(new { role = "advisor" }).ToUrl($"/api/org/members/{other.Id}/role"); x.StatusCodeShouldBe(409); });
    }

    [Fact]
    public async Task a_removed_member_can_no_longer_sign_in_or_use_a_token()
    {
        var org = await App.CreateOrgAsync("remove");
        var admin = await App.OrgAdminAsync(org);
        var advisor = await App.AdvisorAsync(org);
        var token = await App.TokenAsync(advisor);
        await As(admin, x => { x.Delete.Url($"/api/org/members/{advisor.Id}"); x.StatusCodeShouldBe(204); });
        await Host.Scenario(x =>
        {
            x.WithRequestHeader("Authorization", $"Bearer {token}");
            x.Get.Url("/api/candidates");
            x.StatusCodeShouldBe(401);
        });
        var members = await (await As(admin, x => x.Get.Url("/api/org/members"))).ReadAsJsonAsync<JsonElement>();
        members.EnumerateArray().ShouldNotContain(m => m.GetProperty("id").GetString() == advisor.Id);
    }

    [Fact]
    public async Task another_organization_or_an_advisor_cannot_change_or_remove_members()
    {
        var org = await App.CreateOrgAsync("memo");
        var advisor = await App.AdvisorAsync(org);
        var otherAdmin = await App.OrgAdminAsync(await App.CreateOrgAsync("memother"));
        await As(otherAdmin, x => { x.Delete.Url($"/api/org/members/{advisor.Id}"); x.StatusCodeShouldBe(404); });
        await As(otherAdmin, x => { x.Put.Json(new { role = "org_admin" }).ToUrl($"/api/org/members/{advisor.Id}/role"); x.StatusCodeShouldBe(404); });
        var colleague = await App.AdvisorAsync(org);
        await As(colleague, x => { x.Delete.Url($"/api/org/members/{advisor.Id}"); x.StatusCodeShouldBe(403); });
    }

    [Fact]
    public async Task a_candidates_role_does_not_change()
    {
        var org = await App.CreateOrgAsync("candrole");
        var admin = await App.OrgAdminAsync(org);
        var candidate = await App.CreateUserAsync(org, SmartPickRoles.Candidate, Guid.NewGuid());
        await As(admin, x => { x.Put.Json(new { role = "advisor" }).ToUrl($"/api/org/members/{candidate.Id}/role"); x.StatusCodeShouldBe(409); });
    }

    [Fact]
    public async Task on_the_agency_page_an_admin_promotes_an_advisor_and_removes_another_and_is_told_why_the_last_admin_stays()
    {
        var org = await App.CreateOrgAsync("mempage");
        var admin = await App.OrgAdminAsync(org);
        var advisor = await App.AdvisorAsync(org);
        var leaving = await App.AdvisorAsync(org);
        var html = await App.PageAs(admin, "/org");
        html.ShouldContain("Make admin");
        PageForms.Text(html).ShouldContain("you");

        var promoted = await App.SubmitAs(admin, "/org", $"/org?handler=Role&id={advisor.Id}", new Dictionary<string, string> { ["role"] = "org_admin" }, 200);
        PageForms.Text(await promoted.ReadAsTextAsync()).ShouldContain("is now an administrator");
        var removed = await App.SubmitAs(admin, "/org", $"/org?handler=Remove&id={leaving.Id}", new Dictionary<string, string>(), 200);
        (await removed.ReadAsTextAsync()).ShouldNotContain(leaving.Email);

        var other = await App.OrgAdminAsync(await App.CreateOrgAsync("mempage2"));
        await App.SubmitAs(other, "/org", $"/org?handler=Remove&id={advisor.Id}", new Dictionary<string, string>(), 404);
    }
}
