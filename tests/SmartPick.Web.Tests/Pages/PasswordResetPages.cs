using SmartPick.Web.Mail;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Alba;
using MimeKit;
using Shouldly;
using SmartPick.Contracts;
using SmartPick.Web.Tests.Infrastructure;
using SmartPick.Web.Tests.Nudges;

namespace SmartPick.Web.Tests.Pages;

/// <summary>
/// "Forgot your password?" end to end: the request, the email caught by a real SMTP server in the test
/// process (the organization's relay), the reset page, and signing in with the new password only.
/// </summary>
public sealed partial class PasswordResetPages(AppFixture app) : AppTest(app), IAsyncLifetime
{
    private const string NewPassword = "Brand-New-Pass-42";
    private readonly TestSmtpServer _smtp = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _smtp.DisposeAsync();

    [Fact]
    public async Task when_a_candidate_resets_their_password_by_the_emailed_link_only_the_new_password_signs_in()
    {
        var org = await OrgWithMailAsync("pwa");
        var user = await App.CreateUserAsync(org, SmartPickRoles.Candidate, Guid.NewGuid(), "Dr. Forgetful");

        var signIn = await Host.Scenario(x => x.Get.Url("/signin"));
        (await signIn.ReadAsTextAsync()).ShouldContain("<a href=\"/account/forgot\">Forgot your password?</a>");

        var answer = await PostFormAsync("/account/forgot", new() { ["Email"] = user.Email }, 200);
        answer.ShouldContain("data-testid=\"forgot-sent\"");
        answer.ShouldContain("If an account uses this address");

        var message = await MailToAsync(user.Email);
        message.Subject.ShouldBe("Choose a new SmartPick password");
        message.To.Mailboxes.Single().Name.ShouldBe("Dr. Forgetful");
        message.TextBody.ShouldNotBeNullOrEmpty();
        message.HtmlBody.ShouldNotBeNullOrEmpty();
        var link = LinkIn(message.TextBody);
        message.HtmlBody.ShouldContain(WebUtility.HtmlEncode(link.AbsoluteUri));
        link.AbsolutePath.ShouldBe("/account/reset");

        var form = await Host.Scenario(x =>
        {
            x.Get.Url(link.PathAndQuery);
            x.StatusCodeShouldBe(200);
        });
        (await form.ReadAsTextAsync()).ShouldContain("New password again");
        var userId = Query(link, "user");
        var code = Query(link, "code");

        var weak = await PostFormAsync(link.PathAndQuery, new() { ["user"] = userId, ["code"] = code, ["NewPassword"] = "short", ["ConfirmPassword"] = "short" }, 400);
        weak.ShouldContain("id=\"f-newpassword-error\"");
        weak.ShouldContain("aria-invalid=\"true\"");
        var different = await PostFormAsync(link.PathAndQuery, new() { ["user"] = userId, ["code"] = code, ["NewPassword"] = NewPassword, ["ConfirmPassword"] = NewPassword + "x" }, 400);
        different.ShouldContain("id=\"f-confirmpassword-error\">The two passwords are not the same.");

        var done = await PostFormAsync(link.PathAndQuery, new() { ["user"] = userId, ["code"] = code, ["NewPassword"] = NewPassword, ["ConfirmPassword"] = NewPassword }, 302);
        done.ShouldBeEmpty();
        var afterReset = await Host.Scenario(x => x.Get.Url("/signin?reset=done"));
        (await afterReset.ReadAsTextAsync()).ShouldContain("Your password is changed.");

        await LoginAsync(user.Email, NewPassword, 200);
        await LoginAsync(user.Email, AppFixture.Password, 401);

        // The link worked once.
        var used = await Host.Scenario(x =>
        {
            x.Get.Url(link.PathAndQuery);
            x.StatusCodeShouldBe(410);
        });
        (await used.ReadAsTextAsync()).ShouldContain("data-testid=\"link-problem\"");
        var again = await Host.Scenario(x =>
        {
            x.Post.Json(new { user_id = userId, token = code, password = "Another-Pass-99" }).ToUrl("/api/auth/reset");
            x.StatusCodeShouldBe(400);
        });
        (await again.ReadAsJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("token")[0].GetString().ShouldBe("This link has already been used or has expired. Ask for a new one.");
        await LoginAsync(user.Email, NewPassword, 200);
    }

    [Fact]
    public async Task when_an_unknown_address_asks_the_answer_is_the_same_and_no_mail_leaves()
    {
        var org = await OrgWithMailAsync("pwb");
        var known = await App.AdvisorAsync(org);
        var unknown = $"nobody-{Guid.NewGuid():N}@test.smartpick.local";

        var forUnknown = await PostFormAsync("/account/forgot", new() { ["Email"] = unknown }, 200);
        var forKnown = await PostFormAsync("/account/forgot", new() { ["Email"] = known.Email }, 200);
        Notice(forUnknown).ShouldBe(Notice(forKnown));

        // Links leave in order: once the known address has its mail, the unknown one's turn has passed.
        await MailToAsync(known.Email);
        _smtp.RecipientsAsked.ShouldNotContain(unknown);
        _smtp.Messages.Count.ShouldBe(1);
    }

    [Fact]
    public async Task when_the_api_is_used_the_same_flow_answers_in_json()
    {
        var org = await OrgWithMailAsync("pwc");
        var user = await App.OrgAdminAsync(org);

        var bad = await Host.Scenario(x =>
        {
            x.Post.Json(new { email = "not an address" }).ToUrl("/api/auth/forgot");
            x.StatusCodeShouldBe(400);
        });
        (await bad.ReadAsJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("email")[0].GetString().ShouldNotBeNull();

        var unknown = await Host.Scenario(x =>
        {
            x.Post.Json(new { email = $"nobody-{Guid.NewGuid():N}@test.smartpick.local" }).ToUrl("/api/auth/forgot");
            x.StatusCodeShouldBe(202);
        });
        var accepted = await Host.Scenario(x =>
        {
            x.Post.Json(new { email = user.Email }).ToUrl("/api/auth/forgot");
            x.StatusCodeShouldBe(202);
        });
        (await accepted.ReadAsTextAsync()).ShouldBe(await unknown.ReadAsTextAsync());

        var link = LinkIn((await MailToAsync(user.Email)).TextBody);
        var wrong = await Host.Scenario(x =>
        {
            x.Post.Json(new { user_id = Query(link, "user"), token = "bm90LWEtdG9rZW4", password = NewPassword }).ToUrl("/api/auth/reset");
            x.StatusCodeShouldBe(400);
        });
        (await wrong.ReadAsJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("token")[0].GetString()!.ShouldContain("Ask for a new one");
        var weak = await Host.Scenario(x =>
        {
            x.Post.Json(new { user_id = Query(link, "user"), token = Query(link, "code"), password = "alllowercase" }).ToUrl("/api/auth/reset");
            x.StatusCodeShouldBe(400);
        });
        (await weak.ReadAsJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("password", out _).ShouldBeTrue();

        await Host.Scenario(x =>
        {
            x.Post.Json(new { user_id = Query(link, "user"), token = Query(link, "code"), password = NewPassword }).ToUrl("/api/auth/reset");
            x.StatusCodeShouldBe(204);
        });
        await LoginAsync(user.Email, NewPassword, 200);
        await LoginAsync(user.Email, AppFixture.Password, 401);
    }

    [Fact]
    public async Task when_one_address_asks_too_often_the_form_is_throttled_like_sign_in()
    {
        var email = $"often-{Guid.NewGuid():N}@test.smartpick.local";
        for (var i = 0; i < 3; i++) await PostFormAsync("/account/forgot", new() { ["Email"] = email }, 200);
        var refused = await PostFormAsync("/account/forgot", new() { ["Email"] = email }, 429);
        refused.ShouldContain("Too many attempts");
        await Host.Scenario(x =>
        {
            x.Post.Json(new { email }).ToUrl("/api/auth/forgot");
            x.StatusCodeShouldBe(429);
        });
    }

    [Fact]
    public async Task when_a_stored_name_carries_line_breaks_the_email_gains_no_header()
    {
        var org = await OrgWithMailAsync("pwd");
        var user = await App.CreateUserAsync(org, SmartPickRoles.Advisor, name: "Mallory\r\nBcc: victim@evil.test");
        await PostFormAsync("/account/forgot", new() { ["Email"] = user.Email }, 200);
        var message = await MailToAsync(user.Email);
        message.Bcc.Count.ShouldBe(0);
        message.Headers.Contains(HeaderId.Bcc).ShouldBeFalse();
        message.To.Mailboxes.Single().Address.ShouldBe(user.Email);
        _smtp.RecipientsAsked.ShouldNotContain("victim@evil.test");
    }

    private Task<TestOrg> OrgWithMailAsync(string prefix) => _smtp.OrganizationAsync(App, prefix, "accounts@agency.test");

    private async Task<MimeMessage> MailToAsync(string address) => (await _smtp.WaitForAsync(address))[0];

    private async Task LoginAsync(string email, string password, int status) => await Host.Scenario(x =>
    {
        x.Post.Json(new { email, password }).ToUrl("/api/auth/login");
        x.StatusCodeShouldBe(status);
    });

    /// <summary>Posts an anonymous page form as a browser would: antiforgery field and cookie from a GET first.</summary>
    private async Task<string> PostFormAsync(string url, Dictionary<string, string> fields, int status)
    {
        var get = await Host.Scenario(x => x.Get.Url(url));
        var token = Antiforgery().Match(await get.ReadAsTextAsync()).Groups[1].Value;
        token.ShouldNotBeEmpty();
        var cookie = get.Context.Response.Headers.SetCookie.ToString().Split(';')[0];
        fields["__RequestVerificationToken"] = token;
        var post = await Host.Scenario(x =>
        {
            x.WithRequestHeader("Cookie", cookie);
            PostTo(x.Post.FormData(fields), url);
            x.StatusCodeShouldBe(status);
        });
        return await post.ReadAsTextAsync();
    }

    private static Uri LinkIn(string? text) => new(ResetLink().Match(text ?? "").Value);

    private static string Query(Uri link, string name) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(link.Query)[name].ToString();

    private static string Notice(string html) => ForgotNotice().Match(html).Groups[1].Value;

    /// <summary>Alba takes the query apart from the path (a page handler is chosen by <c>?handler=</c>).</summary>
    private static void PostTo(SendExpression send, string url)
    {
        var parts = url.Split('?', 2);
        send.ToUrl(parts[0]);
        if (parts.Length < 2) return;
        foreach (var (key, value) in Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(parts[1])) send.QueryString(key, value.ToString());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

    [GeneratedRegex(@"https?://\S+/account/reset\?\S+")]
    private static partial Regex ResetLink();

    [GeneratedRegex("data-testid=\"forgot-sent\">([^<]+)<")]
    private static partial Regex ForgotNotice();
}
