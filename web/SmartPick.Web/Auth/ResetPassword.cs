using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using SmartPick.Contracts;
using SmartPick.Web.Identity;

namespace SmartPick.Web.Auth;

/// <summary>Sets a new password with the link's user id and code (the code as the link carries it).</summary>
public sealed record ResetPassword(string? UserId, string? Token, string? Password)
{
    public const string LinkNotValid = "This link has already been used or has expired. Ask for a new one.";

    /// <summary>What became of a reset: done, throttled, or refused with field messages (snake_case fields).</summary>
    public sealed record Outcome(bool Done, bool Throttled, FieldErrors Errors);

    public static FieldErrors Validate(ResetPassword request)
    {
        var errors = new FieldErrors().Check(
            !string.IsNullOrWhiteSpace(request.UserId) && request.UserId.Length <= 100
            && !string.IsNullOrWhiteSpace(request.Token) && request.Token.Length <= 4096,
            "token", "The link is incomplete. Open the link from the email again, or ask for a new one.");
        if (string.IsNullOrEmpty(request.Password)) errors.Add("password", "Choose a new password.");
        else if (request.Password.Length > 256) errors.Add("password", "Password is at most 256 characters.");
        return errors;
    }

    /// <summary>
    /// Identity checks the code (single use: it is bound to the security stamp, which the reset changes) and the
    /// password rules. A reset also ends a lockout: whoever holds the link has proved they own the mailbox.
    /// </summary>
    public static async Task<Outcome> ApplyAsync(ResetPassword request, UserManager<AppUser> users, AuthThrottle throttle, HttpContext http)
    {
        var errors = Validate(request);
        if (errors.Any) return new(false, false, errors);
        if (!throttle.TryAcquireClient(http) || !throttle.TryAcquire("reset:" + request.UserId)) return new(false, true, new());

        var user = await users.FindByIdAsync(request.UserId!);
        if (user is null || Decode(request.Token!) is not { } token) return new(false, false, FieldErrors.Of("token", LinkNotValid));

        var result = await users.ResetPasswordAsync(user, token, request.Password!);
        if (!result.Succeeded)
        {
            var refused = new FieldErrors();
            foreach (var e in result.Errors)
            {
                if (e.Code.Contains("Password", StringComparison.Ordinal)) refused.Add("password", e.Description);
                else refused.Add("token", e.Code == "InvalidToken" ? LinkNotValid : e.Description);
            }
            return new(false, false, refused);
        }
        await users.ResetAccessFailedCountAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        return new(true, false, new());
    }

    /// <summary>Whether the link can still set a password (checked when the page opens, before anything is typed).</summary>
    public static async Task<bool> IsUsableAsync(string userId, string code, UserManager<AppUser> users)
    {
        if (userId.Length > 100 || code.Length > 4096 || Decode(code) is not { } token || await users.FindByIdAsync(userId) is not { } user) return false;
        return await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<AppUser>.ResetPasswordTokenPurpose, token);
    }

    private static string? Decode(string code)
    {
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

/// <summary><c>POST /api/auth/reset</c>: 204 when the password is changed, 400 with field problems, 429 when throttled.</summary>
public static class ResetPasswordEndpoint
{
    public static async Task<IResult> Post([FromBody] ResetPassword? request, UserManager<AppUser> users, AuthThrottle throttle, HttpContext http)
    {
        var outcome = await ResetPassword.ApplyAsync(request ?? new ResetPassword(null, null, null), users, throttle, http);
        if (outcome.Throttled) return AuthThrottle.TooMany();
        return outcome.Done ? Results.NoContent() : outcome.Errors.ToProblem();
    }
}
