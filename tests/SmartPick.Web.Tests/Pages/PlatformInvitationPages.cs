using System.Text.Json;
using System.Text.RegularExpressions;
using Alba;
using Shouldly;
using SmartPick.Contracts;
using SmartPick.Web.Tests.Infrastructure;

namespace SmartPick.Web.Tests.Pages;

public sealed class PlatformInvitationPages(AppFixture app) : AppTest(app)
{
    private static string Row(string html, string slug) =>
        Regex.Match(html, $"<tr><td class=\"mono\">{Regex.Escape(slug)}</td>.*?</tr>", RegexOptions.Singleline).Value;

    [Fact]
    public async Task when_a_platform_admin_invites_the_first_administrator_from_the_page_the_link_shows_once_beside_that_organization()
    {
        var platform = await App.PlatformAdminAsync();
        var org = await App.CreateOrgAsync("pfi");
        var other = await App.CreateOrgAsync("pfo");
        var email = $"page-admin-{Guid.NewGuid():N}@test.smartpick.local";

        var before = await App.PageAs(platform, "/platform");
        var form = Row(before, org.Slug);
        form.ShouldContain("<label for=\"invite-" + org.Slug + "-email\">Invite the first administrator</label>");
        form.ShouldContain($"action=\"/platform?organization={org.Slug}&amp;handler=Invite\"");

        var result = await App.SubmitAs(platform, "/platform", $"/platform?handler=Invite&organization={org.Slug}",
            new Dictionary<string, string> { ["email"] = email }, 200);
        var html = await result.ReadAsTextAsync();
        var row = Row(html, org.Slug);
        row.ShouldContain("data-testid=\"invitation-link\"");
        PageForms.Text(row).ShouldContain($"Invitation for {email} (agency admin of Test agency {org.Slug}) created.");
        Row(html, other.Slug).ShouldNotContain("data-testid=\"invitation-link\"");
        Regex.Matches(html, "data-testid=\"invitation-url\"").Count.ShouldBe(1);
        var url = Regex.Match(row, "readonly value=\"([^\"]+)\" data-testid=\"invitation-url\"").Groups[1].Value;
        url.ShouldContain("/invitations/");
        var token = url[(url.LastIndexOf('/') + 1)..];

        // Shown once: the page opened again does not carry the link.
        (await App.PageAs(platform, "/platform")).ShouldNotContain(token);

        var accepted = await Host.Scenario(x =>
        {
            x.Post.Json(new { token, display_name = "Page Admin", password = "A-strong-password-1" }).ToUrl("/api/auth/invitations/accept");
            x.StatusCodeShouldBe(201);
        });
        var who = await accepted.ReadAsJsonAsync<JsonElement>();
        who.GetProperty("organization_id").GetString().ShouldBe(org.Slug);
        who.GetProperty("role").GetString().ShouldBe(SmartPickRoles.OrgAdmin);
    }

    [Fact]
    public async Task when_the_email_is_bad_the_form_beside_that_organization_says_why()
    {
        var platform = await App.PlatformAdminAsync();
        var org = await App.CreateOrgAsync("pfi");

        var result = await App.SubmitAs(platform, "/platform", $"/platform?handler=Invite&organization={org.Slug}",
            new Dictionary<string, string> { ["email"] = "not an email" }, 400);
        var html = await result.ReadAsTextAsync();
        var row = Row(html, org.Slug);
        row.ShouldContain($"<span class=\"field-error\" id=\"invite-{org.Slug}-email-error\">A valid email address (at most 254 characters) is required.</span>");
        row.ShouldContain("aria-invalid=\"true\"");
        row.ShouldContain("value=\"not an email\"");
        html.ShouldNotContain("data-testid=\"invitation-link\"");
        Regex.Matches(html, "class=\"field-error\" id=\"invite-").Count.ShouldBe(1);
    }

    [Fact]
    public async Task when_the_organization_is_unknown_the_page_answers_404()
    {
        var platform = await App.PlatformAdminAsync();
        await App.SubmitAs(platform, "/platform", $"/platform?handler=Invite&organization=missing-{Guid.NewGuid():N}"[..60],
            new Dictionary<string, string> { ["email"] = $"x-{Guid.NewGuid():N}@test.smartpick.local" }, 404);
    }
}
