using Microsoft.AspNetCore.Mvc;
using SmartPick.Contracts;
using SmartPick.Web.Identity;

namespace SmartPick.Web.Auth;

/// <summary>Someone asks for a link to choose a new password for the account that uses <see cref="Email"/>.</summary>
public sealed record ForgotPassword(string? Email)
{
    /// <summary>The one answer to every well-formed request, so it tells nothing about which addresses have accounts.</summary>
    public const string Answer = "If an account uses this address, a link to choose a new password is on its way. Check your inbox in a few minutes.";

    public static FieldErrors Validate(ForgotPassword request)
    {
        var email = request.Email?.Trim();
        if (string.IsNullOrEmpty(email)) return FieldErrors.Of("email", "Enter your email address.");
        if (email.Length > 254) return FieldErrors.Of("email", "Email is at most 254 characters.");
        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at == email.Length - 1 || email.Any(char.IsWhiteSpace)) return FieldErrors.Of("email", "Enter an email address such as name@example.org.");
        return new FieldErrors();
    }

    /// <summary>
    /// Queues the link (sent later by <see cref="PasswordResetMailer"/>, if an account uses the address); false
    /// when this address asked too often. The throttle counts every address alike, known or not.
    /// </summary>
    public static bool Request(ForgotPassword request, AuthThrottle throttle, PasswordResetMailer mailer, HttpContext http)
    {
        var email = request.Email!.Trim();
        if (!throttle.TryAcquireClient(http) || !throttle.TryAcquire("forgot:" + email.ToUpperInvariant())) return false;
        mailer.Enqueue(email);
        return true;
    }
}

/// <summary><c>POST /api/auth/forgot</c>: 202 with the neutral answer, 400 for a malformed address, 429 when throttled.</summary>
public static class ForgotPasswordEndpoint
{
    public static IResult Post([FromBody] ForgotPassword? request, AuthThrottle throttle, PasswordResetMailer mailer, HttpContext http)
    {
        request ??= new ForgotPassword(null);
        var errors = ForgotPassword.Validate(request);
        if (errors.Any) return errors.ToProblem();
        if (!ForgotPassword.Request(request, throttle, mailer, http)) return AuthThrottle.TooMany();
        return Results.Json(new { message = ForgotPassword.Answer }, statusCode: StatusCodes.Status202Accepted);
    }
}
