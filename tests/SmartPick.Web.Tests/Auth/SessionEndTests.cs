using System.Text;
using System.Text.Json;
using Alba;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Shouldly;
using SmartPick.Web.Identity;
using SmartPick.Web.Tests.Infrastructure;

namespace SmartPick.Web.Tests.Auth;

/// <summary>Sessions end when they should: a password reset ends every one of them, a bearer sign-out its own.</summary>
public sealed class SessionEndTests(AppFixture app) : AppTest(app)
{
    private async Task<(string Access, string Refresh)> TokensAsync(TestUser user, string password = AppFixture.Password)
    {
        var result = await Host.Scenario(x =>
        {
            x.Post.Json(new { email = user.Email, password }).ToUrl("/api/auth/login");
            x.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = AppFixture.ClientAddress());
            x.StatusCodeShouldBe(200);
        });
        var body = await result.ReadAsJsonAsync<JsonElement>();
        return (body.GetProperty("access_token").GetString()!, body.GetProperty("refresh_token").GetString()!);
    }

    private async Task<int> MeAsync(string header, string value)
    {
        var result = await Host.Scenario(x =>
        {
            x.WithRequestHeader(header, value);
            x.Get.Url("/api/auth/me");
            x.IgnoreStatusCode();
        });
        return result.Context.Response.StatusCode;
    }

    private async Task<int> RefreshAsync(string refresh)
    {
        var result = await Host.Scenario(x =>
        {
            x.Post.Json(new { refresh_token = refresh }).ToUrl("/api/auth/refresh");
            x.IgnoreStatusCode();
        });
        return result.Context.Response.StatusCode;
    }

    [Fact]
    public async Task a_password_reset_ends_every_bearer_token_refresh_token_and_cookie_of_the_user()
    {
        var org = await App.CreateOrgAsync();
        var advisor = await App.AdvisorAsync(org);
        var (access, refresh) = await TokensAsync(advisor);
        var cookie = await App.SignInCookieAsync(advisor);
        (await MeAsync("Authorization", "Bearer " + access)).ShouldBe(200);
        (await MeAsync("Cookie", cookie)).ShouldBe(200);

        string code;
        using (var scope = Host.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync((await users.FindByIdAsync(advisor.Id))!)));
        }
        const string newPassword = "A-New-Password-456";
        await Host.Scenario(x =>
        {
            x.Post.Json(new { user_id = advisor.Id, token = code, password = newPassword }).ToUrl("/api/auth/reset");
            x.StatusCodeShouldBe(204);
        });

        (await MeAsync("Authorization", "Bearer " + access)).ShouldBe(401);
        (await MeAsync("Cookie", cookie)).ShouldBe(401);
        (await RefreshAsync(refresh)).ShouldBe(401);
        var (fresh, _) = await TokensAsync(advisor, newPassword);
        (await MeAsync("Authorization", "Bearer " + fresh)).ShouldBe(200);
    }

    [Fact]
    public async Task signing_out_with_a_bearer_token_revokes_it_and_its_refresh_token()
    {
        var org = await App.CreateOrgAsync();
        var advisor = await App.AdvisorAsync(org);
        var (access, refresh) = await TokensAsync(advisor);
        (await MeAsync("Authorization", "Bearer " + access)).ShouldBe(200);

        await Host.Scenario(x =>
        {
            x.WithRequestHeader("Authorization", "Bearer " + access);
            x.Post.Url("/api/auth/logout");
            x.StatusCodeShouldBe(204);
        });

        (await MeAsync("Authorization", "Bearer " + access)).ShouldBe(401);
        (await RefreshAsync(refresh)).ShouldBe(401);
    }
}
