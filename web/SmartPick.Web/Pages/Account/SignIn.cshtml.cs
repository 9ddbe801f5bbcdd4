using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartPick.Web.Auth;
using SmartPick.Web.Identity;
using SmartPick.Web.Pages.Shared;

namespace SmartPick.Web.Pages.Account;

/// <summary>Cookie sign-in with Identity's lockout; the same per-account throttle as the API's sign-in.</summary>
[AllowAnonymous]
public sealed class SignInModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, AuthThrottle throttle) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    /// <summary>"done" after a password reset, to say so above the form.</summary>
    [BindProperty(SupportsGet = true, Name = "reset")] public string? Reset { get; set; }
    public bool PasswordChanged => Reset == "done";

    public FormErrors Errors { get; } = new();
    public bool LockedOut { get; private set; }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(SafeReturn() ?? User.HomeOf()) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email)) Errors.Add(nameof(Email), "Enter your email address.");
        else if (Email.Length > 254) Errors.Add(nameof(Email), "Email is at most 254 characters.");
        if (string.IsNullOrEmpty(Password)) Errors.Add(nameof(Password), "Enter your password.");
        else if (Password.Length > 256) Errors.Add(nameof(Password), "Password is at most 256 characters.");
        if (Errors.Any) return Page();

        var email = Email!.Trim();
        if (!throttle.TryAcquire("login:" + email.ToUpperInvariant()))
        {
            Errors.AddGeneral("Too many attempts in a short time. Wait a minute and try again.");
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        var user = await users.FindByEmailAsync(email);
        if (user is not null)
        {
            var result = await signIn.PasswordSignInAsync(user, Password!, isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                var principal = await signIn.CreateUserPrincipalAsync(user);
                return LocalRedirect(SafeReturn() ?? principal.HomeOf());
            }
            if (result.IsLockedOut)
            {
                LockedOut = true;
                return Page();
            }
        }
        // One message whether the account exists or not, so the form does not reveal who has an account.
        Errors.AddGeneral("The email or password is not correct.");
        return Page();
    }

    /// <summary>Only local paths are followed after sign-in (no open redirect).</summary>
    private string? SafeReturn() => ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) && !url.StartsWith("/signin", StringComparison.OrdinalIgnoreCase) ? url : null;
}
