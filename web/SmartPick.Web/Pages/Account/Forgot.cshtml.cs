using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartPick.Web.Auth;
using SmartPick.Web.Identity;
using SmartPick.Web.Pages.Shared;

namespace SmartPick.Web.Pages.Account;

/// <summary>
/// "Forgot your password?": asks for the address and always answers the same way, known address or not.
/// The same rules, throttle and mail as <c>POST /api/auth/forgot</c> (<see cref="ForgotPassword"/>).
/// </summary>
[AllowAnonymous]
public sealed class ForgotModel(AuthThrottle throttle, PasswordResetMailer mailer) : PageModel
{
    [BindProperty] public string? Email { get; set; }

    public FormErrors Errors { get; } = new();
    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public IActionResult OnPost()
    {
        var request = new ForgotPassword(Email);
        foreach (var message in ForgotPassword.Validate(request).For("email")) Errors.Add(nameof(Email), message);
        if (Errors.Any)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (!ForgotPassword.Request(request, throttle, mailer, HttpContext))
        {
            Errors.AddGeneral("Too many attempts in a short time. Wait a minute and try again.");
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        Sent = true;
        return Page();
    }
}
