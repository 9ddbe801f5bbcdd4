using Microsoft.AspNetCore.Identity;
using SmartPick.Contracts;
using SmartPick.Web.Identity;
using SmartPick.Web.Organizations;

namespace SmartPick.Web.Auth;

public sealed record AccountView(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles);
public sealed record UpdateAccount(string? DisplayName);
public sealed record ChangePassword(string? CurrentPassword, string? NewPassword);

/// <summary>
/// Every signed-in user's own account, for the API and the account page alike: their name, and their password
/// (the current one first). A new password ends every other session and token of the user (the security stamp
/// changes); the page signs its own cookie in again.
/// </summary>
public sealed class AccountDesk(UserManager<AppUser> users, AuthThrottle throttle)
{
    public const int MaxNameLength = 200;

    public async Task<OrgOutcome<AccountView>> GetAsync(string userId) =>
        await users.FindByIdAsync(userId) is { } user ? await ViewAsync(user) : new OrgOutcome<AccountView>.NotFound("Account");

    public async Task<OrgOutcome<AccountView>> RenameAsync(string userId, UpdateAccount? request)
    {
        var name = request?.DisplayName?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
            return FieldErrors.Of("display_name", $"Your name is required (at most {MaxNameLength} characters).");
        if (await users.FindByIdAsync(userId) is not { } user) return new OrgOutcome<AccountView>.NotFound("Account");
        user.DisplayName = name;
        await users.UpdateAsync(user);
        return await ViewAsync(user);
    }

    public async Task<OrgOutcome<AccountView>> ChangePasswordAsync(string userId, ChangePassword? request)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrEmpty(request?.CurrentPassword)) errors.Add("current_password", "Type your current password.");
        if (string.IsNullOrEmpty(request?.NewPassword)) errors.Add("new_password", "Choose a new password.");
        else if (request.NewPassword.Length > 256) errors.Add("new_password", "Password is at most 256 characters.");
        if (errors.Any) return errors;
        // Guessing the current password here is throttled like guessing it at sign-in.
        if (!throttle.TryAcquire("password:" + userId)) return new OrgOutcome<AccountView>.TooMany();
        if (await users.FindByIdAsync(userId) is not { } user) return new OrgOutcome<AccountView>.NotFound("Account");

        var result = await users.ChangePasswordAsync(user, request!.CurrentPassword!, request.NewPassword!);
        if (!result.Succeeded)
        {
            var refused = new FieldErrors();
            foreach (var e in result.Errors)
            {
                if (e.Code == "PasswordMismatch") refused.Add("current_password", "Your current password is not correct.");
                else refused.Add("new_password", e.Description);
            }
            return refused;
        }
        return await ViewAsync(user);
    }

    private async Task<AccountView> ViewAsync(AppUser user) =>
        new(user.Id, user.Email ?? "", user.DisplayName, [.. (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal)]);

    /// <summary><c>/api/account</c>: read and rename one's own account, change one's password (204; every token of the user ends).</summary>
    public static void MapAccountEndpoints(IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/api/account").WithTags("Account").RequireAuthorization();
        account.MapGet("", async (AccountDesk desk, HttpContext http) => OrgHttp.Answer(await desk.GetAsync(http.User.UserId())))
            .WithSummary("Your own account").Produces<AccountView>();
        account.MapPut("", async (UpdateAccount? request, AccountDesk desk, HttpContext http) => OrgHttp.Answer(await desk.RenameAsync(http.User.UserId(), request)))
            .WithSummary("Change the name shown for you").Produces<AccountView>().ProducesValidationProblem();
        account.MapPost("/password", async (ChangePassword? request, AccountDesk desk, HttpContext http) =>
                OrgHttp.Answer(await desk.ChangePasswordAsync(http.User.UserId(), request), _ => Results.NoContent()))
            .WithSummary("Change your password; every session and token of yours ends, sign in again")
            .Produces(204).ProducesValidationProblem().ProducesProblem(429);
    }
}
