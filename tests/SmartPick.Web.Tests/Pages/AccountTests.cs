using System.Text.Json;
using Alba;
using Shouldly;
using SmartPick.Contracts;
using SmartPick.Web.Tests.Infrastructure;

namespace SmartPick.Web.Tests.Pages;

/// <summary>Every signed-in user changes their own name and password; a new password ends their other sessions.</summary>
public sealed class AccountTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task a_user_renames_themselves_and_a_blank_name_is_refused()
    {
        var org = await App.CreateOrgAsync("acct");
        var advisor = await App.AdvisorAsync(org);
        var mine = await (await As(advisor, x => x.Get.Url("/api/account"))).ReadAsJsonAsync<JsonElement>();
        mine.GetProperty("email").GetString().ShouldBe(advisor.Email);

        var blank = await (await As(advisor, x => { x.Put.Json(new { display_name = "   " }).ToUrl("/api/account"); x.StatusCodeShouldBe(400); }))
            .ReadAsJsonAsync<JsonElement>();
        blank.GetProperty("errors").TryGetProperty("display_name", out _).ShouldBeTrue();
        var renamed = await (await As(advisor, x => { x.Put.Json(new { display_name = "Dr. Renamed Advisor" }).ToUrl("/api/account"); x.StatusCodeShouldBe(200); }))
            .ReadAsJsonAsync<JsonElement>();
        renamed.GetProperty("display_name").GetString().ShouldBe("Dr. Renamed Advisor");
        await Host.Scenario(x => { x.Get.Url("/api/account"); x.StatusCodeShouldBe(401); });
    }

    [Fact]
    public async Task a_new_password_needs_the_current_one_follows_the_rules_and_ends_the_old_token()
    {
        var org = await App.CreateOrgAsync("acctpw");
        var candidate = await App.CreateUserAsync(org, SmartPickRoles.Candidate, Guid.NewGuid());
        var oldToken = await App.TokenAsync(candidate);

        var wrong = await (await As(candidate, x =>
        {
            x.Post.Json(new { current_password = "not-it-at-all", new_password = "Another-Pass-2027" }).ToUrl("/api/account/password");
            x.StatusCodeShouldBe(400);
        })).ReadAsJsonAsync<JsonElement>();
        wrong.GetProperty("errors").TryGetProperty("current_password", out _).ShouldBeTrue();
        var weak = await (await As(candidate, x =>
        {
            x.Post.Json(new { current_password = AppFixture.Password, new_password = "short" }).ToUrl("/api/account/password");
            x.StatusCodeShouldBe(400);
        })).ReadAsJsonAsync<JsonElement>();
        weak.GetProperty("errors").TryGetProperty("new_password", out _).ShouldBeTrue();

        await As(candidate, x =>
        {
            x.Post.Json(new { current_password = AppFixture.Password, new_password = "Another-Pass-2027" }).ToUrl("/api/account/password");
            x.StatusCodeShouldBe(204);
        });
        await Host.Scenario(x => { x.WithRequestHeader("Authorization", $"Bearer {oldToken}"); x.Get.Url("/api/account"); x.StatusCodeShouldBe(401); });
        await Host.Scenario(x =>
        {
            x.Post.Json(new { email = candidate.Email, password = "Another-Pass-2027" }).ToUrl("/api/auth/login");
            x.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = AppFixture.ClientAddress());
            x.StatusCodeShouldBe(200);
        });
    }

    [Fact]
    public async Task the_account_page_saves_the_name_and_says_when_the_new_passwords_differ()
    {
        var org = await App.CreateOrgAsync("acctpage");
        var admin = await App.OrgAdminAsync(org);
        var page = await App.PageAs(admin, "/account");
        page.ShouldContain(admin.Email);
        var saved = await App.SubmitAs(admin, "/account", "/account?handler=Name", new Dictionary<string, string> { ["DisplayName"] = "Agency Owner" }, 200);
        (await saved.ReadAsTextAsync()).ShouldContain("Your name is saved.");
        var differ = await App.SubmitAs(admin, "/account", "/account?handler=Password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = AppFixture.Password, ["NewPassword"] = "Another-Pass-2027", ["ConfirmPassword"] = "Another-Pass-2028",
        }, 400);
        (await differ.ReadAsTextAsync()).ShouldContain("The two new passwords are not the same.");
    }
}
