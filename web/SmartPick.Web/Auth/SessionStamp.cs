using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using SmartPick.Web.Identity;

namespace SmartPick.Web.Auth;

/// <summary>
/// Bearer tokens are self-contained, so on their own they outlive a password reset or a sign-out. Every request
/// signed in with one is checked against the user's current security stamp (one primary-key read), which a
/// password change or reset and a bearer sign-out replace: an older token then counts as no sign-in at all (401).
/// The cookie gets the same check from Identity's security stamp validator.
/// </summary>
public sealed class BearerSessionMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, SignInManager<AppUser> signIn)
    {
        if (context.User.Identity?.IsAuthenticated == true
            && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && await signIn.ValidateSecurityStampAsync(context.User) is null)
        {
            context.User = new ClaimsPrincipal(new ClaimsIdentity());
        }
        await next(context);
    }
}
