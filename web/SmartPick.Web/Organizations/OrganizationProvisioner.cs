using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SmartPick.Contracts;
using SmartPick.Web.Identity;

namespace SmartPick.Web.Organizations;

/// <summary>Creates organizations and their first users; a new organization starts from the demo catalog.</summary>
public sealed class OrganizationProvisioner(IdentityDb db, UserManager<AppUser> users, RoleManager<IdentityRole> roles,
    IEnumerable<IOrganizationInitializer> initializers, TimeProvider clock)
{
    /// <summary>Returns null when the slug is taken.</summary>
    public async Task<Organization?> CreateAsync(string slug, string name, string timeZone, CancellationToken ct = default)
    {
        if (await db.Organizations.AnyAsync(o => o.Id == slug, ct)) return null;
        var org = new Organization { Id = slug, Name = name, TimeZone = timeZone, SenderName = name, CreatedAt = clock.GetUtcNow() };
        db.Organizations.Add(org);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return null;
        }
        foreach (var initializer in initializers)
        {
            await initializer.InitializeAsync(org.Id, ct);
        }
        return org;
    }

    public async Task EnsureRolesAsync()
    {
        foreach (var role in SmartPickRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                var result = await roles.CreateAsync(new IdentityRole(role));
                if (!result.Succeeded && !await roles.RoleExistsAsync(role))
                    throw new InvalidOperationException($"Could not create role {role}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            }
        }
    }

    /// <summary>Creates a user directly (seeding, platform bootstrap); people otherwise join by invitation.</summary>
    public async Task<AppUser> CreateUserAsync(string email, string displayName, string password, string role, string? organizationId, Guid? candidateId = null)
    {
        var user = new AppUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName,
            OrganizationId = organizationId, CandidateId = candidateId, CreatedAt = clock.GetUtcNow(),
        };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded) throw new InvalidOperationException($"Could not create {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        result = await users.AddToRoleAsync(user, role);
        if (!result.Succeeded) throw new InvalidOperationException($"Could not grant {role} to {email}");
        return user;
    }
}

/// <summary>A module's set-up of a new organization's data (e.g. the demo catalog).</summary>
public interface IOrganizationInitializer
{
    Task InitializeAsync(string organizationId, CancellationToken ct);
}
