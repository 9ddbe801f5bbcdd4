using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SmartPick.Contracts;

namespace SmartPick.Web.Identity;

/// <summary>Puts the tenant (organization), the bound candidate file and the display name on the principal.</summary>
public sealed class SmartPickClaimsFactory(
    UserManager<AppUser> users, RoleManager<Microsoft.AspNetCore.Identity.IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, Microsoft.AspNetCore.Identity.IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(SmartPickClaims.DisplayName, user.DisplayName));
        if (user.OrganizationId is { } org)
        {
            identity.AddClaim(new Claim(SmartPickClaims.OrganizationId, org));
        }
        if (user.CandidateId is { } candidate)
        {
            identity.AddClaim(new Claim(SmartPickClaims.CandidateId, candidate.ToString()));
        }
        return identity;
    }
}
