using Microsoft.AspNetCore.Identity;
using SmartPick.Web.Identity;

namespace SmartPick.Web.Auth;

/// <summary>
/// The one email-and-password check of the API and the sign-in page. An unknown email costs the same password
/// hashing as a known one, and the caller gets only "signed in" or "not": no answer, wording or timing tells who has
/// an account, and a wrong password never locks the account (the throttles slow guessing instead).
/// </summary>
public sealed class PasswordCheck(UserManager<AppUser> users, SignInManager<AppUser> signIn, IPasswordHasher<AppUser> hasher)
{
    private static readonly AppUser Nobody = new() { Id = "nobody", UserName = "nobody", DisplayName = "nobody" };
    private static string? _nobodysHash;

    /// <summary>The user when the password is theirs, otherwise null.</summary>
    public async Task<AppUser?> VerifyAsync(string email, string password)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            // Same work as a real check, so the answer takes as long.
            _nobodysHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N"));
            hasher.VerifyHashedPassword(Nobody, _nobodysHash, password);
            return null;
        }
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: false);
        return result.Succeeded ? user : null;
    }
}
