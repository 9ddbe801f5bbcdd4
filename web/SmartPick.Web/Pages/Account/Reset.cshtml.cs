using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartPick.Web.Auth;
using SmartPick.Web.Identity;
using SmartPick.Web.Pages.Shared;

namespace SmartPick.Web.Pages.Account;

/// <summary>
/// The page a reset link opens: choose a new password (Identity's rules), then sign in with it. The same
/// rules and throttle as <c>POST /api/auth/reset</c> (<see cref="ResetPassword"/>).
/// </summary>
[AllowAnonymous]
public sealed class ResetModel(UserManager<AppUser> users, AuthThrottle throttle) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")] public string? UserId { get; set; }
    [BindProperty(SupportsGet = true, Name = "code")] public string? Code { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }

    public FormErrors Errors { get; } = new();

    /// <summary>Why the link cannot be used (incomplete, used or expired); the form then offers a new link instead.</summary>
    public string? LinkProblem { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (string.IsNullOrWhiteSpace(UserId) || string.IsNullOrWhiteSpace(Code))
        {
            LinkProblem = "The link is incomplete. Open the link from the email again, or ask for a new one.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else if (!await ResetPassword.IsUsableAsync(UserId, Code, users))
        {
            LinkProblem = ResetPassword.LinkNotValid;
            Response.StatusCode = StatusCodes.Status410Gone;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!string.IsNullOrEmpty(NewPassword) && !string.Equals(NewPassword, ConfirmPassword, StringComparison.Ordinal))
        {
            Errors.Add(nameof(ConfirmPassword), "The two passwords are not the same.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var outcome = await ResetPassword.ApplyAsync(new ResetPassword(UserId, Code, NewPassword), users, throttle, HttpContext);
        if (outcome.Done) return LocalRedirect("/signin?reset=done");
        if (outcome.Throttled)
        {
            Errors.AddGeneral("Too many attempts in a short time. Wait a minute and try again.");
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        foreach (var (field, messages) in outcome.Errors.Fields)
        {
            foreach (var message in messages)
            {
                if (field == "password") Errors.Add(nameof(NewPassword), message);
                else LinkProblem = message;
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
