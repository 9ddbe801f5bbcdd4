using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SmartPick.Web.Auth;
using SmartPick.Web.Identity;
using SmartPick.Web.Organizations;
using SmartPick.Web.Pages.Shared;

namespace SmartPick.Web.Pages.Account;

/// <summary>
/// Accepting an invitation: shows the organization and role, asks for a name and a password, creates the
/// account bound to the invitation's organization (and candidate file), and signs the new user in.
/// The same rules as <c>POST /api/auth/invitations/accept</c>: single use, expiry, revocation, throttle.
/// </summary>
[AllowAnonymous]
public sealed class InvitationModel(IdentityDb db, UserManager<AppUser> users, SignInManager<AppUser> signIn,
    AuthThrottle throttle, TimeProvider clock) : PageModel
{
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? Password { get; set; }

    public string? OrganizationName { get; private set; }
    public Invitation? Invite { get; private set; }
    public string? Gone { get; private set; }
    public FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(string token) => await FindAsync(token) ? Page() : Unavailable();

    public async Task<IActionResult> OnPostAsync(string token)
    {
        if (!await FindAsync(token)) return Unavailable();
        if (string.IsNullOrWhiteSpace(DisplayName) || DisplayName.Trim().Length > 200) Errors.Add(nameof(DisplayName), "Enter your name (at most 200 characters).");
        if (string.IsNullOrEmpty(Password) || Password.Length > 256) Errors.Add(nameof(Password), "Choose a password.");
        if (Errors.Any) return Invalid();
        if (!throttle.TryAcquireClient(HttpContext) || !throttle.TryAcquire("accept:" + Invitations.Hash(token)))
        {
            Errors.AddGeneral("Too many attempts in a short time. Wait a minute and try again.");
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        var redeemed = await Invitations.RedeemAsync(db, users, Invite!, DisplayName!, Password!, clock.GetUtcNow());
        if (redeemed.CandidateTaken)
        {
            Errors.AddGeneral("Another account already opens this candidate file, so this invitation cannot be used. Ask your organization for help.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        if (redeemed.AlreadyUsed)
        {
            Gone = "This invitation has already been used.";
            return Unavailable();
        }
        if (redeemed.User is not { } user)
        {
            foreach (var error in redeemed.Errors)
            {
                if (error.Code.Contains("Password", StringComparison.Ordinal)) Errors.Add(nameof(Password), error.Description);
                else Errors.AddGeneral(error.Description);
            }
            return Invalid();
        }
        await signIn.SignInAsync(user, isPersistent: false);
        var principal = await signIn.CreateUserPrincipalAsync(user);
        return LocalRedirect(principal.HomeOf());
    }

    private IActionResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private IActionResult Unavailable()
    {
        Response.StatusCode = Gone is null ? StatusCodes.Status404NotFound : StatusCodes.Status410Gone;
        return Page();
    }

    private async Task<bool> FindAsync(string token)
    {
        if (token.Length > 200) return false;
        var hash = Invitations.Hash(token);
        var invitation = await db.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == hash);
        if (invitation is null || invitation.RevokedAt is not null) return false;
        if (invitation.AcceptedAt is not null)
        {
            Gone = "This invitation has already been used. Sign in with the account it created.";
            return false;
        }
        if (invitation.ExpiresAt <= clock.GetUtcNow())
        {
            Gone = "This invitation has expired. Ask your organization for a new one.";
            return false;
        }
        Invite = invitation;
        OrganizationName = (await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == invitation.OrganizationId)).Name;
        return true;
    }
}
