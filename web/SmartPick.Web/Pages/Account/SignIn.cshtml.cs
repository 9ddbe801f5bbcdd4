using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartPick.Web.Auth;
using SmartPick.Web.Identity;
using SmartPick.Web.Pages.Shared;

namespace SmartPick.Web.Pages.Account;

/// <summary>Cookie sign-in: the same password check and the same per-client and per-account throttles as the API's sign-in.</summary>
[AllowAnonymous]
public sealed class SignInModel(SignInManager<AppUser> signIn, PasswordCheck passwords, AuthThrottle throttle) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    /// <summary>"done" after a password reset, to say so above the form.</summary>
    [BindProperty(SupportsGet = true, Name = "reset")] public string? Reset { get; set; }
    public bool PasswordChanged => Reset == "done";

    public FormErrors Errors { get; } = new();

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(SafeReturn() ?? User.HomeOf()) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email)) Errors.Add(nameof(Email), "Enter your email address.");
        else if (Email.Length > 254) Errors.Add(nameof(Email), "Email is at most 254 characters.");
        if (string.IsNullOrEmpty(Password)) Errors.Add(nameof(Password), "Enter your password.");
        else if (Password.Length > 256) Errors.Add(nameof(Password), "Password is at most 256 characters.");
        if (Errors.Any)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var email = Email!.Trim();
        if (!throttle.TryAcquireClient(HttpContext) || !throttle.TryAcquire("login:" + email.ToUpperInvariant()))
        {
            Errors.AddGeneral("Too many attempts in a short time. Wait a minute and try again.");
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        if (await passwords.VerifyAsync(email, Password!) is { } user)
        {
            await signIn.SignInAsync(user, isPersistent: false);
            var principal = await signIn.CreateUserPrincipalAsync(user);
            return LocalRedirect(SafeReturn() ?? principal.HomeOf());
        }
        // One message whether the account exists or not, so the form does not reveal who has an account.
        Errors.AddGeneral("The email or password is not correct.");
        // As the API's sign-in answers: not signed in (the form again, with the message).
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }

    /// <summary>Only local paths are followed after sign-in (no open redirect).</summary>
    private string? SafeReturn() => ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) && !url.StartsWith("/signin", StringComparison.OrdinalIgnoreCase) ? url : null;
}
