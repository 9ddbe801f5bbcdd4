using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SmartPick.Contracts;
using SmartPick.Web.Identity;

namespace SmartPick.Web.Auth;

public sealed record LoginRequest(string? Email, string? Password);
public sealed record RefreshRequest(string? RefreshToken);

/// <summary>The bearer token answer, snake_case like the rest of the API.</summary>
public sealed record TokenResponse(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken);

public sealed record MeResponse(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles,
    string? OrganizationId, Guid? CandidateId);

/// <summary>
/// Token sign-in for the API (<c>POST /api/auth/login</c>), refresh, sign-out, "who am I" and the password
/// reset pair (<c>POST /api/auth/forgot</c>, <c>POST /api/auth/reset</c>).
/// Pages sign in with the cookie scheme through their own form.
/// </summary>
public static class AuthEndpoints
{
    public static RouteGroupBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth");

        group.MapPost("/login", Login).AllowAnonymous()
            .WithSummary("Sign in with email and password; answers a bearer token (or sets the cookie with ?use_cookies=true).")
            .Produces<TokenResponse>().ProducesProblem(400).ProducesProblem(401).ProducesProblem(429);
        group.MapPost("/refresh", Refresh).AllowAnonymous()
            .WithSummary("Trade a refresh token for a new bearer token")
            .Produces<TokenResponse>().ProducesProblem(401);
        group.MapPost("/logout", Logout).RequireAuthorization()
            .WithSummary("Sign out: with a bearer token, every session and refresh token of the user ends; with the cookie, the cookie is removed.");
        group.MapGet("/me", Me).RequireAuthorization()
            .WithSummary("Who is signed in: id, email, name, roles, organization and candidate file")
            .Produces<MeResponse>();
        group.MapPost("/forgot", ForgotPasswordEndpoint.Post).AllowAnonymous()
            .WithSummary("Ask for a password reset link by email; the same 202 answer whether or not the address has an account.")
            .Produces(202).ProducesProblem(400).ProducesProblem(429);
        group.MapPost("/reset", ResetPasswordEndpoint.Post).AllowAnonymous()
            .WithSummary("Set a new password with the user id and code of a reset link.")
            .Produces(204).ProducesProblem(400).ProducesProblem(429);
        return group;
    }

    private static async Task<IResult> Login(LoginRequest? request, [FromQuery(Name = "use_cookies")] bool? useCookies, HttpContext http,
        PasswordCheck passwords, SignInManager<AppUser> signIn, AuthThrottle throttle,
        IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock)
    {
        if (!throttle.TryAcquireClient(http)) return AuthThrottle.TooMany();
        var errors = new FieldErrors()
            .Check(!string.IsNullOrWhiteSpace(request?.Email), "email", "Email is required.")
            .Check(!string.IsNullOrEmpty(request?.Password), "password", "Password is required.")
            .Check((request?.Email?.Length ?? 0) <= 254, "email", "Email is at most 254 characters.")
            .Check((request?.Password?.Length ?? 0) <= 256, "password", "Password is at most 256 characters.");
        if (errors.Any) return errors.ToProblem();

        var email = request!.Email!.Trim();
        if (!throttle.TryAcquire("login:" + email.ToUpperInvariant())) return AuthThrottle.TooMany();

        if (await passwords.VerifyAsync(email, request.Password!) is not { } user) return InvalidCredentials();

        var principal = await signIn.CreateUserPrincipalAsync(user);
        if (useCookies == true)
        {
            await http.SignInAsync(IdentityConstants.ApplicationScheme, principal);
            return Results.NoContent();
        }
        return Results.Ok(IssueTokens(principal, bearer.Get(IdentityConstants.BearerScheme), clock));
    }

    /// <summary>
    /// Signs out. Called with a bearer token, it ends every session of the user: tokens carry no server-side record,
    /// so the user's security stamp changes, which every token, refresh token and cookie issued before is checked
    /// against. Called with the cookie, it removes the cookie.
    /// </summary>
    private static async Task<IResult> Logout(HttpContext http, UserManager<AppUser> users)
    {
        if (http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            if (await users.GetUserAsync(http.User) is { } user) await users.UpdateSecurityStampAsync(user);
            return Results.NoContent();
        }
        await http.SignOutAsync(IdentityConstants.ApplicationScheme);
        return Results.NoContent();
    }

    private static async Task<IResult> Refresh(RefreshRequest? request, SignInManager<AppUser> signIn,
        IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock)
    {
        if (string.IsNullOrWhiteSpace(request?.RefreshToken) || request.RefreshToken.Length > 4096)
        {
            return FieldErrors.Of("refresh_token", "A refresh token is required.").ToProblem();
        }
        var options = bearer.Get(IdentityConstants.BearerScheme);
        var ticket = options.RefreshTokenProtector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The refresh token is invalid or expired");
        }
        var principal = await signIn.CreateUserPrincipalAsync(user);
        return Results.Ok(IssueTokens(principal, options, clock));
    }

    private static async Task<IResult> Me(ClaimsPrincipal principal, UserManager<AppUser> users)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null) return Results.Unauthorized();
        var roles = await users.GetRolesAsync(user);
        return Results.Ok(new MeResponse(user.Id, user.Email ?? "", user.DisplayName, [.. roles.Order(StringComparer.Ordinal)],
            user.OrganizationId, user.CandidateId));
    }

    private static IResult InvalidCredentials() => Results.Problem(statusCode: StatusCodes.Status401Unauthorized,
        title: "Sign-in failed", detail: "The email or password is not correct.");

    private static TokenResponse IssueTokens(ClaimsPrincipal principal, BearerTokenOptions options, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var access = new AuthenticationTicket(principal, new AuthenticationProperties { ExpiresUtc = now + options.BearerTokenExpiration },
            $"{IdentityConstants.BearerScheme}:AccessToken");
        var refresh = new AuthenticationTicket(principal, new AuthenticationProperties { ExpiresUtc = now + options.RefreshTokenExpiration },
            $"{IdentityConstants.BearerScheme}:RefreshToken");
        return new TokenResponse("Bearer", options.BearerTokenProtector.Protect(access),
            (long)options.BearerTokenExpiration.TotalSeconds, options.RefreshTokenProtector.Protect(refresh));
    }

}
