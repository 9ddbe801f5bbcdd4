using System.Text.Json;
using Alba;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using SmartPick.Contracts;
using SmartPick.Web.Identity;
using SmartPick.Web.Tests.Infrastructure;

namespace SmartPick.Web.Tests.Auth;

public sealed class FirstAdminInvitationTests(AppFixture app) : AppTest(app)
{
    private static string Url(string slug) => $"/api/platform/organizations/{slug}/invitations";

    private static string NewEmail(string prefix) => $"{prefix}-{Guid.NewGuid():N}@test.smartpick.local";

    private async Task<IScenarioResult> Invite(TestUser platform, string slug, object body, int status) =>
        await As(platform, x =>
        {
            x.Post.Json(body).ToUrl(Url(slug));
            x.StatusCodeShouldBe(status);
        });

    private async Task<int> InvitationsFor(string email)
    {
        using var scope = Host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        return await db.Invitations.CountAsync(i => i.Email == email);
    }

    [Fact]
    public async Task when_a_platform_admin_invites_the_first_admin_of_a_new_organization_the_invitee_becomes_its_org_admin()
    {
        var platform = await App.PlatformAdminAsync();
        var slug = $"first-{Guid.NewGuid():N}"[..22];
        await As(platform, x =>
        {
            x.Post.Json(new { slug, name = "First Admin Agency", time_zone = "America/Chicago" }).ToUrl("/api/platform/organizations");
            x.StatusCodeShouldBe(201);
        });
        var email = NewEmail("first-admin");

        var created = await Invite(platform, slug, new { email }, 201);
        var invitation = await created.ReadAsJsonAsync<JsonElement>();
        invitation.GetProperty("email").GetString().ShouldBe(email);
        invitation.GetProperty("role").GetString().ShouldBe(SmartPickRoles.OrgAdmin);
        var token = invitation.GetProperty("token").GetString()!;
        invitation.GetProperty("accept_url").GetString().ShouldEndWith("/invitations/" + token);
        var id = invitation.GetProperty("id").GetGuid();
        created.Context.Response.Headers.Location.ToString().ShouldBe($"{Url(slug)}/{id}");

        using (var scope = Host.Services.CreateScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<IdentityDb>().Invitations.SingleAsync(i => i.Id == id);
            stored.OrganizationId.ShouldBe(slug);
            stored.CreatedBy.ShouldBe(platform.Id);
            stored.TokenHash.ShouldBe(SmartPick.Web.Organizations.Invitations.Hash(token));
            (stored.ExpiresAt - stored.CreatedAt).ShouldBe(TimeSpan.FromDays(7));
        }

        var preview = await (await Host.Scenario(x => x.Get.Url("/api/auth/invitations/" + token))).ReadAsJsonAsync<JsonElement>();
        preview.GetProperty("organization_name").GetString().ShouldBe("First Admin Agency");
        var accepted = await Host.Scenario(x =>
        {
            x.Post.Json(new { token, display_name = "First Admin", password = "A-strong-password-1" }).ToUrl("/api/auth/invitations/accept");
            x.StatusCodeShouldBe(201);
        });
        var who = await accepted.ReadAsJsonAsync<JsonElement>();
        who.GetProperty("organization_id").GetString().ShouldBe(slug);
        who.GetProperty("role").GetString().ShouldBe(SmartPickRoles.OrgAdmin);
        // single use
        await Host.Scenario(x =>
        {
            x.Post.Json(new { token, display_name = "Again", password = "A-strong-password-1" }).ToUrl("/api/auth/invitations/accept");
            x.StatusCodeShouldBe(409);
        });

        // The new admin signs in and administers that organization: its members are only themselves.
        var login = await Host.Scenario(x => x.Post.Json(new { email, password = "A-strong-password-1" }).ToUrl("/api/auth/login"));
        var access = (await login.ReadAsJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        var me = await (await Host.Scenario(x =>
        {
            x.WithRequestHeader("Authorization", "Bearer " + access);
            x.Get.Url("/api/auth/me");
        })).ReadAsJsonAsync<JsonElement>();
        me.GetProperty("organization_id").GetString().ShouldBe(slug);
        string.Join(",", me.GetProperty("roles").EnumerateArray().Select(r => r.GetString())).ShouldBe(SmartPickRoles.OrgAdmin);
        var members = await (await Host.Scenario(x =>
        {
            x.WithRequestHeader("Authorization", "Bearer " + access);
            x.Get.Url("/api/org/members");
            x.StatusCodeShouldBe(200);
        })).ReadAsJsonAsync<JsonElement>();
        string.Join(",", members.EnumerateArray().Select(m => m.GetProperty("email").GetString())).ShouldBe(email);
    }

    [Fact]
    public async Task when_an_org_admin_or_an_advisor_uses_the_platform_route_they_are_refused_even_for_their_own_organization()
    {
        var org = await App.CreateOrgAsync("fai");
        foreach (var user in new[] { await App.OrgAdminAsync(org), await App.AdvisorAsync(org) })
        {
            var email = NewEmail("sneaky");
            await Invite(user, org.Slug, new { email }, 403);
            (await InvitationsFor(email)).ShouldBe(0);
        }
        await Host.Scenario(x =>
        {
            x.Post.Json(new { email = NewEmail("anon") }).ToUrl(Url(org.Slug));
            x.StatusCodeShouldBe(401);
        });
    }

    [Fact]
    public async Task when_the_organization_does_not_exist_the_answer_is_404_and_nothing_is_stored()
    {
        var platform = await App.PlatformAdminAsync();
        var email = NewEmail("nowhere");
        await Invite(platform, $"missing-{Guid.NewGuid():N}"[..20], new { email }, 404);
        (await InvitationsFor(email)).ShouldBe(0);
    }

    [Fact]
    public async Task when_the_email_is_bad_the_answer_is_400_naming_the_email_field()
    {
        var platform = await App.PlatformAdminAsync();
        var org = await App.CreateOrgAsync("fai");
        foreach (var body in new object[] { new { email = "not an email" }, new { email = "" }, new { } })
        {
            var problem = await (await Invite(platform, org.Slug, body, 400)).ReadAsJsonAsync<JsonElement>();
            var errors = problem.GetProperty("errors");
            errors.GetProperty("email")[0].GetString().ShouldBe("A valid email address (at most 254 characters) is required.");
            errors.EnumerateObject().Count().ShouldBe(1);
        }
        // An address that already has an account is refused as on the agency's own route.
        var existing = await App.AdvisorAsync(org);
        await Invite(platform, org.Slug, new { email = existing.Email }, 409);
    }

    [Fact]
    public async Task when_a_platform_admin_invites_too_often_in_a_minute_the_shared_throttle_answers_429()
    {
        var platform = await App.PlatformAdminAsync();
        var org = await App.CreateOrgAsync("fai");
        var statuses = new List<int>();
        for (var i = 0; i < 21; i++)
        {
            var r = await As(platform, x =>
            {
                x.Post.Json(new { email = NewEmail($"burst-{i}") }).ToUrl(Url(org.Slug));
                x.IgnoreStatusCode();
            });
            statuses.Add(r.Context.Response.StatusCode);
        }
        statuses.Take(20).ShouldAllBe(s => s == 201);
        statuses[20].ShouldBe(429);
    }
}
