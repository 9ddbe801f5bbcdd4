using System.Text.Json;
using Alba;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using SmartPick.Contracts;
using SmartPick.Web.Identity;
using SmartPick.Web.Tests.Infrastructure;

namespace SmartPick.Web.Tests.Auth;

public sealed class InvitationTests(AppFixture app) : AppTest(app)
{
    private async Task<JsonElement> Invite(TestUser admin, object body, int status = 201)
    {
        var result = await As(admin, x =>
        {
            x.Post.Json(body).ToUrl("/api/org/invitations");
            x.StatusCodeShouldBe(status);
        });
        return await result.ReadAsJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task an_invited_advisor_accepts_once_and_signs_in_to_the_inviters_organization()
    {
        var org = await App.CreateOrgAsync();
        var admin = await App.OrgAdminAsync(org);
        var email = $"new-advisor-{Guid.NewGuid():N}@test.smartpick.local";
        var invitation = await Invite(admin, new { email, role = SmartPickRoles.Advisor });
        var token = invitation.GetProperty("token").GetString()!;
        invitation.GetProperty("accept_url").GetString().ShouldEndWith("/invitations/" + token);

        var preview = await Host.Scenario(x => x.Get.Url("/api/auth/invitations/" + token));
        (await preview.ReadAsJsonAsync<JsonElement>()).GetProperty("email").GetString().ShouldBe(email);

        await Host.Scenario(x =>
        {
            x.Post.Json(new { token, display_name = "New Advisor", password = "A-strong-password-1" }).ToUrl("/api/auth/invitations/accept");
            x.StatusCodeShouldBe(201);
        });
        await Host.Scenario(x =>
        {
            x.Post.Json(new { token, display_name = "Second Try", password = "A-strong-password-1" }).ToUrl("/api/auth/invitations/accept");
            x.StatusCodeShouldBe(409);
        });

        var login = await Host.Scenario(x => x.Post.Json(new { email, password = "A-strong-password-1" }).ToUrl("/api/auth/login"));
        var access = (await login.ReadAsJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        var me = await Host.Scenario(x =>
        {
            x.WithRequestHeader("Authorization", "Bearer " + access);
            x.Get.Url("/api/auth/me");
        });
        var who = await me.ReadAsJsonAsync<JsonElement>();
        who.GetProperty("organization_id").GetString().ShouldBe(org.Slug);
        who.GetProperty("roles")[0].GetString().ShouldBe(SmartPickRoles.Advisor);
    }

    [Fact]
    public async Task of_two_open_invitations_for_one_candidate_file_only_the_first_accepted_binds_it()
    {
        var org = await App.CreateOrgAsync();
        var admin = await App.OrgAdminAsync(org);
        var opened = await As(admin, x =>
        {
            x.Post.Json(new
            {
                name = "Twice Invited", email = "twice@example.org", medical_school_country = "Pakistan", img_type = "non_us_img",
                visa_need = "j1", year_of_graduation = 2020, target_specialties = new[] { "internal_medicine" },
            }).ToUrl("/api/candidates");
            x.StatusCodeShouldBe(201);
        });
        var candidateId = (await opened.ReadAsJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var first = await Invite(admin, new { email = $"c1-{Guid.NewGuid():N}@test.smartpick.local", role = SmartPickRoles.Candidate, candidate_id = candidateId });
        var second = await Invite(admin, new { email = $"c2-{Guid.NewGuid():N}@test.smartpick.local", role = SmartPickRoles.Candidate, candidate_id = candidateId });

        await Host.Scenario(x =>
        {
            x.Post.Json(new { token = first.GetProperty("token").GetString(), display_name = "First", password = "A-strong-password-1" })
                .ToUrl("/api/auth/invitations/accept");
            x.StatusCodeShouldBe(201);
        });
        await Host.Scenario(x =>
        {
            x.Post.Json(new { token = second.GetProperty("token").GetString(), display_name = "Second", password = "A-strong-password-1" })
                .ToUrl("/api/auth/invitations/accept");
            x.StatusCodeShouldBe(409);
        });

        using var scope = Host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        (await db.Users.CountAsync(u => u.OrganizationId == org.Slug && u.CandidateId == candidateId)).ShouldBe(1);
        (await db.Users.AnyAsync(u => u.Email == second.GetProperty("email").GetString())).ShouldBeFalse();
        // The refused invitation stays open (nothing of the refused accept was kept).
        (await db.Invitations.SingleAsync(i => i.Id == second.GetProperty("id").GetGuid())).AcceptedAt.ShouldBeNull();
    }

    [Fact]
    public async Task only_a_hash_of_the_token_is_stored()
    {
        var org = await App.CreateOrgAsync();
        var admin = await App.OrgAdminAsync(org);
        var invitation = await Invite(admin, new { email = $"x-{Guid.NewGuid():N}@test.smartpick.local", role = SmartPickRoles.Advisor });
        var token = invitation.GetProperty("token").GetString()!;
        using var scope = Host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        var stored = await db.Invitations.SingleAsync(i => i.Id == invitation.GetProperty("id").GetGuid());
        stored.TokenHash.ShouldNotBe(token);
        stored.TokenHash.ShouldBe(SmartPick.Web.Organizations.Invitations.Hash(token));
    }

    [Fact]
    public async Task an_expired_invitation_cannot_be_accepted()
    {
        var org = await App.CreateOrgAsync();
        var admin = await App.OrgAdminAsync(org);
        var invitation = await Invite(admin, new { email = $"late-{Guid.NewGuid():N}@test.smartpick.local", role = SmartPickRoles.Advisor });
        using (var scope = Host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
            var id = invitation.GetProperty("id").GetGuid();
            await db.Invitations.Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        }
        await Host.Scenario(x =>
        {
            x.Post.Json(new { token = invitation.GetProperty("token").GetString(), display_name = "Late", password = "A-strong-password-1" })
                .ToUrl("/api/auth/invitations/accept");
            x.StatusCodeShouldBe(410);
        });
    }

    [Fact]
    public async Task a_revoked_invitation_is_not_found()
    {
        var org = await App.CreateOrgAsync();
        var admin = await App.OrgAdminAsync(org);
        var invitation = await Invite(admin, new { email = $"rev-{Guid.NewGuid():N}@test.smartpick.local", role = SmartPickRoles.Advisor });
        await As(admin, x =>
        {
            x.Delete.Url("/api/org/invitations/" + invitation.GetProperty("id").GetGuid());
            x.StatusCodeShouldBe(204);
        });
        await Host.Scenario(x =>
        {
            x.Get.Url("/api/auth/invitations/" + invitation.GetProperty("token").GetString());
            x.StatusCodeShouldBe(404);
        });
    }

    [Fact]
    public async Task bad_invitations_get_field_level_problems()
    {
        var org = await App.CreateOrgAsync();
        var admin = await App.OrgAdminAsync(org);
        var problem = await Invite(admin, new { email = "not an email", role = "emperor" }, 400);
        var errors = problem.GetProperty("errors");
        errors.TryGetProperty("email", out _).ShouldBeTrue();
        errors.TryGetProperty("role", out _).ShouldBeTrue();

        var candidate = await Invite(admin, new { email = $"c-{Guid.NewGuid():N}@test.smartpick.local", role = SmartPickRoles.Candidate }, 400);
        candidate.GetProperty("errors").TryGetProperty("candidate_id", out _).ShouldBeTrue();

        var unknownFile = await Invite(admin, new { email = $"c-{Guid.NewGuid():N}@test.smartpick.local", role = SmartPickRoles.Candidate, candidate_id = Guid.NewGuid() }, 400);
        unknownFile.GetProperty("errors").TryGetProperty("candidate_id", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task advisors_and_candidates_cannot_invite()
    {
        var org = await App.CreateOrgAsync();
        var advisor = await App.AdvisorAsync(org);
        await As(advisor, x =>
        {
            x.Post.Json(new { email = "x@test.smartpick.local", role = SmartPickRoles.Advisor }).ToUrl("/api/org/invitations");
            x.StatusCodeShouldBe(403);
        });
        await Host.Scenario(x =>
        {
            x.Post.Json(new { email = "x@test.smartpick.local", role = SmartPickRoles.Advisor }).ToUrl("/api/org/invitations");
            x.StatusCodeShouldBe(401);
        });
    }

    [Fact]
    public async Task invitations_of_another_organization_cannot_be_revoked_or_seen()
    {
        var orgA = await App.CreateOrgAsync("a");
        var orgB = await App.CreateOrgAsync("b");
        var adminA = await App.OrgAdminAsync(orgA);
        var adminB = await App.OrgAdminAsync(orgB);
        var email = $"secret-{Guid.NewGuid():N}@test.smartpick.local";
        var invitation = await Invite(adminA, new { email, role = SmartPickRoles.Advisor });
        var id = invitation.GetProperty("id").GetGuid();

        await App.ShouldAllBeNotFoundAsync(adminB, [ProbeRequest.Delete($"/api/org/invitations/{id}")], email);
        var list = await As(adminB, x => x.Get.Url("/api/org/invitations"));
        (await list.ReadAsTextAsync()).ShouldNotContain(email);
        // and the invitation still works for its owner's invitee
        await Host.Scenario(x => x.Get.Url("/api/auth/invitations/" + invitation.GetProperty("token").GetString()));
    }

    [Fact]
    public async Task too_many_invitations_in_a_minute_answer_429()
    {
        var org = await App.CreateOrgAsync();
        var admin = await App.OrgAdminAsync(org);
        var statuses = new List<int>();
        for (var i = 0; i < 21; i++)
        {
            var r = await As(admin, x =>
            {
                x.Post.Json(new { email = $"bulk-{i}-{Guid.NewGuid():N}@test.smartpick.local", role = SmartPickRoles.Advisor }).ToUrl("/api/org/invitations");
                x.IgnoreStatusCode();
            });
            statuses.Add(r.Context.Response.StatusCode);
        }
        statuses.Take(20).ShouldAllBe(s => s == 201);
        statuses[20].ShouldBe(429);
    }
}
