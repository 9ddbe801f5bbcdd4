using Microsoft.AspNetCore.Identity;
using Npgsql;
using SmartPick.Contracts;
using SmartPick.Web.Identity;
using SmartPick.Web.Infrastructure;
using SmartPick.Web.Organizations;

namespace SmartPick.Web.Demo;

/// <summary>
/// The demo organization (slug <c>demo</c>) and its four users, seeded in Development only. One password for
/// all of them: <c>SMARTPICK_DEMO_PASSWORD</c>, or <see cref="DefaultPassword"/>.
/// </summary>
public sealed class DemoSeeder(OrganizationProvisioner provisioner, UserManager<AppUser> users,
    IEnumerable<IDemoDataSeeder> dataSeeders, IPasswordHasher<AppUser> hasher, StartupDatabase database,
    IConfiguration configuration, ILogger<DemoSeeder> logger)
{
    public const string Slug = "demo";
    public const string DefaultPassword = "Demo-Password-2026!";
    public const string PlatformAdminEmail = "platform@smartpick.local";
    public const string OrgAdminEmail = "admin@demo.smartpick.local";
    public const string AdvisorEmail = "advisor@demo.smartpick.local";
    public const string CandidateEmail = "candidate@demo.smartpick.local";

    private string Password => configuration["SMARTPICK_DEMO_PASSWORD"] is { Length: > 0 } p ? p : DefaultPassword;

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await IsCompleteAsync(ct))
        {
            logger.LogInformation("Demo organization '{Slug}' is ready; sign in as {Advisor}", Slug, AdvisorEmail);
            return;
        }
        var password = Password;
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

    /// <summary>
    /// Whether everything <see cref="SeedAsync"/> would do is already done: the organization, the four users
    /// with the documented password, and the candidate user bound to a file that exists. Plain SQL and the
    /// password hasher, so an ordinary Development start does not build EF Core's model to find nothing to do.
    /// </summary>
    private async Task<bool> IsCompleteAsync(CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(database.ConnectionString);
        await conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand($$"""
            select u."NormalizedEmail", u."PasswordHash", u."CandidateId" is not null,
                   u."CandidateId" is null or exists (select 1 from smartpick.mt_streams s where s.id = u."CandidateId" and s.tenant_id = @slug)
            from {{IdentityDb.Schema}}."AspNetUsers" u
            where u."NormalizedEmail" = any(@emails)
              and exists (select 1 from {{IdentityDb.Schema}}.organizations o where o."Id" = @slug)
            """, conn);
        cmd.Parameters.AddWithValue("slug", Slug);
        string[] emails = [PlatformAdminEmail, OrgAdminEmail, AdvisorEmail, CandidateEmail];
        cmd.Parameters.AddWithValue("emails", emails.Select(e => e.ToUpperInvariant()).ToArray());
        var found = new List<(string Email, string? Hash, bool Bound, bool FileExists)>();
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                found.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetBoolean(2), reader.GetBoolean(3)));
            }
        }
        var candidate = CandidateEmail.ToUpperInvariant();
        if (found.Count != emails.Length || found.Any(f => f.Hash is null || !f.FileExists || (f.Email == candidate && !f.Bound))) return false;
        // Each check costs a full PBKDF2 run: check the four side by side.
        var password = Password;
        var checks = await Task.WhenAll(found.Select(f => Task.Run(() =>
            hasher.VerifyHashedPassword(new AppUser(), f.Hash!, password) == PasswordVerificationResult.Success, ct)));
        return checks.All(ok => ok);
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
