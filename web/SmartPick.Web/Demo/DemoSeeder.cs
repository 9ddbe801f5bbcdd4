using Microsoft.AspNetCore.Identity;
using SmartPick.Contracts;
using SmartPick.Web.Identity;
using SmartPick.Web.Organizations;

namespace SmartPick.Web.Demo;

/// <summary>
/// The demo organization (slug <c>demo</c>) and its four users, seeded in Development only. One password for
/// all of them: <c>SMARTPICK_DEMO_PASSWORD</c>, or <see cref="DefaultPassword"/>.
/// </summary>
public sealed class DemoSeeder(OrganizationProvisioner provisioner, UserManager<AppUser> users,
    IEnumerable<IDemoDataSeeder> dataSeeders, IConfiguration configuration, ILogger<DemoSeeder> logger)
{
    public const string Slug = "demo";
    public const string DefaultPassword = "Demo-Password-2026!";
    public const string PlatformAdminEmail = "platform@smartpick.local";
    public const string OrgAdminEmail = "admin@demo.smartpick.local";
    public const string AdvisorEmail = "advisor@demo.smartpick.local";
    public const string CandidateEmail = "candidate@demo.smartpick.local";

    public async Task SeedAsync(CancellationToken ct)
    {
        var password = configuration["SMARTPICK_DEMO_PASSWORD"] is { Length: > 0 } p ? p : DefaultPassword;
        await provisioner.CreateAsync(Slug, "Demo Advising Agency", "America/New_York", ct);

        await EnsureUser(PlatformAdminEmail, "Pat Platform", password, SmartPickRoles.PlatformAdmin, null, null);
        await EnsureUser(OrgAdminEmail, "Olivia Admin", password, SmartPickRoles.OrgAdmin, Slug, null);
        await EnsureUser(AdvisorEmail, "Adam Advisor", password, SmartPickRoles.Advisor, Slug, null);

        Guid? candidateFile = null;
        foreach (var seeder in dataSeeders)
        {
            candidateFile ??= await seeder.SeedAsync(Slug, ct);
        }
        await EnsureUser(CandidateEmail, "Dr. Amara Okafor", password, SmartPickRoles.Candidate, Slug, candidateFile);
        logger.LogInformation("Demo organization '{Slug}' is ready; sign in as {Advisor}", Slug, AdvisorEmail);
    }

    private async Task EnsureUser(string email, string name, string password, string role, string? org, Guid? candidate)
    {
        var existing = await users.FindByEmailAsync(email);
        if (existing is null)
        {
            await provisioner.CreateUserAsync(email, name, password, role, org, candidate);
            return;
        }
        // Keep the documented password true on every start, and bind the demo candidate once their file exists.
        if (!await users.CheckPasswordAsync(existing, password))
        {
            var token = await users.GeneratePasswordResetTokenAsync(existing);
            await users.ResetPasswordAsync(existing, token, password);
        }
        if (candidate is not null && existing.CandidateId is null)
        {
            existing.CandidateId = candidate;
            await users.UpdateAsync(existing);
        }
    }
}

/// <summary>A module's demo data for the demo organization; returns the demo candidate user's file id, if it made one.</summary>
public interface IDemoDataSeeder
{
    Task<Guid?> SeedAsync(string organizationId, CancellationToken ct);
}
