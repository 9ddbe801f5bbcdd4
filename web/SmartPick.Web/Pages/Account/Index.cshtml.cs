using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartPick.Contracts;
using SmartPick.Web.Auth;
using SmartPick.Web.Identity;
using SmartPick.Web.Organizations;
using SmartPick.Web.Pages.Shared;

namespace SmartPick.Web.Pages.Account;

/// <summary>Every signed-in user's own account: their name and their password, through <see cref="AccountDesk"/> as the API.</summary>
[Authorize]
public sealed class IndexModel(AccountDesk desk, SignInManager<AppUser> signIn, UserManager<AppUser> users) : PageModel
{
    private static readonly Dictionary<string, string> NameFields = new(StringComparer.Ordinal) { ["display_name"] = nameof(DisplayName) };
    private static readonly Dictionary<string, string> PasswordFields = new(StringComparer.Ordinal)
    {
        ["current_password"] = nameof(CurrentPassword), ["new_password"] = nameof(NewPassword),
    };

    public AccountView Account { get; private set; } = null!;
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }
    public FormErrors NameErrors { get; private set; } = new();
    public FormErrors PasswordErrors { get; private set; } = new();
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await desk.GetAsync(User.UserId()) is not OrgOutcome<AccountView>.Done done) return NotFound();
        Account = done.Value;
        DisplayName = Account.DisplayName;
        return Page();
    }

    public async Task<IActionResult> OnPostNameAsync()
    {
        var answer = await desk.RenameAsync(User.UserId(), new UpdateAccount(DisplayName));
        if (answer is OrgOutcome<AccountView>.Done done)
        {
            Account = done.Value;
            // The header shows the name from the sign-in: sign in again quietly so it is the new one.
            if (await users.FindByIdAsync(Account.Id) is { } user) await signIn.RefreshSignInAsync(user);
            Done = "Your name is saved.";
            return Page();
        }
        NameErrors = OrgOutcomeForms.ErrorsOf(answer, NameFields);
        return await AgainAsync(answer.Status);
    }

    public async Task<IActionResult> OnPostPasswordAsync()
    {
        if (!string.IsNullOrEmpty(NewPassword) && !string.Equals(NewPassword, ConfirmPassword, StringComparison.Ordinal))
        {
            PasswordErrors.Add(nameof(ConfirmPassword), "The two new passwords are not the same.");
            return await AgainAsync(StatusCodes.Status400BadRequest);
        }
        var answer = await desk.ChangePasswordAsync(User.UserId(), new ChangePassword(CurrentPassword, NewPassword));
        if (answer is OrgOutcome<AccountView>.Done done)
        {
            Account = done.Value;
            // Every other session ended with the old password; this one continues.
            if (await users.FindByIdAsync(Account.Id) is { } user) await signIn.RefreshSignInAsync(user);
            Done = "Your password is changed. Every other session of yours has ended.";
            DisplayName = Account.DisplayName;
            return Page();
        }
        PasswordErrors = OrgOutcomeForms.ErrorsOf(answer, PasswordFields);
        return await AgainAsync(answer.Status);
    }

    private async Task<IActionResult> AgainAsync(int status)
    {
        if (await desk.GetAsync(User.UserId()) is not OrgOutcome<AccountView>.Done done) return NotFound();
        Account = done.Value;
        DisplayName ??= Account.DisplayName;
        Response.StatusCode = status;
        return Page();
    }
}
