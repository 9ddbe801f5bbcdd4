using System.Text.Json;
using Alba;
using MimeKit;
using Shouldly;
using SmartPick.Contracts;
using SmartPick.Web.Tests.Infrastructure;
using SmartPick.Web.Tests.Nudges;

namespace SmartPick.Web.Tests.Pages;

/// <summary>
/// Invitations are emailed from the organization's sender by its mail route (a real SMTP server in the test
/// process), can be sent again with a new link (the old one stops working) and revoked.
/// </summary>
public sealed class InvitationMailTests(AppFixture app) : AppTest(app), IAsyncLifetime
{
    private readonly TestSmtpServer _smtp = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _smtp.DisposeAsync();

    [Fact]
    public async Task an_invitation_is_emailed_from_the_agencys_sender_and_resending_it_replaces_the_link()
    {
        var org = await OrgWithMailAsync("invmail");
        var admin = await App.OrgAdminAsync(org);
        await As(admin, x =>
        {
            x.Put.Json(new { sender_name = "Bright Path Advising", sender_email = "team@brightpath.test" }).ToUrl("/api/org/settings");
            x.StatusCodeShouldBe(200);
        });
        var email = $"new-advisor-{Guid.NewGuid():N}@example.org";
        var created = await (await As(admin, x =>
        {
            x.Post.Json(new { email, role = "advisor" }).ToUrl("/api/org/invitations");
            x.StatusCodeShouldBe(201);
        })).ReadAsJsonAsync<JsonElement>();
        created.GetProperty("email_sent").GetBoolean().ShouldBeTrue();
        var firstUrl = created.GetProperty("accept_url").GetString()!;

        var first = (await MailToAsync(email, 1))[0];
        first.From.Mailboxes.Single().Address.ShouldBe("team@brightpath.test");
        first.From.Mailboxes.Single().Name.ShouldBe("Bright Path Advising");
        first.Subject!.ShouldContain("on SmartPick");
        first.TextBody!.ShouldContain(firstUrl);
        first.TextBody!.ShouldContain("as an advisor");
        first.HtmlBody!.ShouldContain($"href=\"{firstUrl}\"");

        var id = created.GetProperty("id").GetGuid();
        var resent = await (await As(admin, x =>
        {
            x.Post.Url($"/api/org/invitations/{id}/resend");
            x.StatusCodeShouldBe(200);
        })).ReadAsJsonAsync<JsonElement>();
        var secondUrl = resent.GetProperty("accept_url").GetString()!;
        secondUrl.ShouldNotBe(firstUrl);
        (await MailToAsync(email, 2))[1].TextBody!.ShouldContain(secondUrl);

        await Host.Scenario(x => { x.Get.Url("/api/auth/invitations/" + firstUrl.Split('/').Last()); x.StatusCodeShouldBe(404); });
        await Host.Scenario(x => { x.Get.Url("/api/auth/invitations/" + secondUrl.Split('/').Last()); x.StatusCodeShouldBe(200); });

        // Revoked: nothing to send again.
        await As(admin, x => { x.Delete.Url($"/api/org/invitations/{id}"); x.StatusCodeShouldBe(204); });
        await As(admin, x => { x.Post.Url($"/api/org/invitations/{id}/resend"); x.StatusCodeShouldBe(404); });
    }

    [Fact]
    public async Task another_organization_or_another_role_cannot_resend_an_invitation()
    {
        var org = await OrgWithMailAsync("invown");
        var admin = await App.OrgAdminAsync(org);
        var created = await (await As(admin, x =>
        {
            x.Post.Json(new { email = $"c-{Guid.NewGuid():N}@example.org", role = "advisor" }).ToUrl("/api/org/invitations");
            x.StatusCodeShouldBe(201);
        })).ReadAsJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();

        var otherAdmin = await App.OrgAdminAsync(await App.CreateOrgAsync("invother"));
        await As(otherAdmin, x => { x.Post.Url($"/api/org/invitations/{id}/resend"); x.StatusCodeShouldBe(404); });
        var advisor = await App.AdvisorAsync(org);
        await As(advisor, x => { x.Post.Url($"/api/org/invitations/{id}/resend"); x.StatusCodeShouldBe(403); });
    }

    [Fact]
    public async Task when_the_mail_server_refuses_the_inviter_is_told_and_the_invitation_stands()
    {
        var org = await OrgWithMailAsync("invfail");
        var admin = await App.OrgAdminAsync(org);
        var email = $"refused-{Guid.NewGuid():N}@example.org";
        _smtp.RefusedRecipients[email] = true;
        var created = await (await As(admin, x =>
        {
            x.Post.Json(new { email, role = "advisor" }).ToUrl("/api/org/invitations");
            x.StatusCodeShouldBe(201);
        })).ReadAsJsonAsync<JsonElement>();
        created.GetProperty("email_sent").GetBoolean().ShouldBeFalse();
        created.GetProperty("email_detail").GetString()!.ShouldContain("550");
        created.GetProperty("accept_url").GetString().ShouldNotBeNullOrEmpty();
    }

    private Task<TestOrg> OrgWithMailAsync(string prefix) => _smtp.OrganizationAsync(App, prefix, "bounces@agency.test");

    private Task<IReadOnlyList<MimeMessage>> MailToAsync(string address, int count) => _smtp.WaitForAsync(address, count);
}
