using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SmartPick.Contracts;
using SmartPick.Web.Identity;
using SmartPick.Web.Infrastructure;

namespace SmartPick.Web.Organizations;

public sealed record CreateOrganization(string? Slug, string? Name, string? TimeZone);
public sealed record OrganizationView(string Id, string Name, string TimeZone, string? SenderName, string? SenderEmail, DateTimeOffset CreatedAt);
public sealed record UpdateOrganizationSettings(string? Name, string? TimeZone, string? SenderName, string? SenderEmail);
public sealed record ChangeMemberRole(string? Role);
public sealed record MemberView(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, Guid? CandidateId, bool LockedOut);

/// <summary>The routes of <see cref="OrganizationAdmin"/> and of the platform's first-admin invitations.</summary>
public static class OrganizationEndpoints
{
    public static void MapOrganizationEndpoints(this IEndpointRouteBuilder app)
    {
        var platform = app.MapGroup("/api/platform/organizations").WithTags("Platform").RequireAuthorization(SmartPickPolicies.PlatformAdmin);
        platform.MapPost("", async (CreateOrganization? request, OrganizationAdmin admin) =>
                OrgHttp.Answer(await admin.CreateAsync(request), created => Results.Created($"/api/platform/organizations/{created.Id}", created)))
            .WithSummary("Create an organization")
            .Produces<OrganizationView>(201).ProducesValidationProblem().ProducesProblem(409);
        platform.MapGet("", async (OrganizationAdmin admin) => Results.Ok(await admin.AllAsync()))
            .WithSummary("Every organization of the platform")
            .Produces<IReadOnlyList<OrganizationView>>();
        platform.MapPost("/{slug}/invitations", async (string slug, InviteOrganizationAdmin? request, InvitationDesk desk, HttpContext http) =>
                OrgHttp.Answer(await desk.InviteFirstAdminAsync(slug, request, http.User.Actor()),
                    created => Results.Created($"/api/platform/organizations/{slug}/invitations/{created.Id}", created)))
            .WithSummary("Invite an organization's first administrator by email")
            .Produces<InvitationCreated>(201).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(429);

        var org = app.MapGroup("/api/org").WithTags("Organization");
        org.MapGet("", async (OrganizationAdmin admin, HttpContext http) => Results.Ok(await admin.CurrentAsync(http.User.Tenant())))
            .RequireAuthorization(SmartPickPolicies.Member)
            .WithSummary("Your organization: its name, time zone and email sender")
            .Produces<OrganizationView>();
        org.MapPut("/settings", async (UpdateOrganizationSettings? request, OrganizationAdmin admin, HttpContext http) =>
                OrgHttp.Answer(await admin.UpdateSettingsAsync(http.User.Tenant(), request)))
            .RequireAuthorization(SmartPickPolicies.OrgAdmin)
            .WithSummary("Change the organization's name, time zone and email sender")
            .Produces<OrganizationView>().ProducesValidationProblem();
        org.MapGet("/members", async (OrganizationAdmin admin, HttpContext http) => Results.Ok(await admin.MembersAsync(http.User.Tenant())))
            .RequireAuthorization(SmartPickPolicies.OrgAdmin)
            .WithSummary("The organization's members and their roles")
            .Produces<IReadOnlyList<MemberView>>();
        org.MapPut("/members/{id}/role", async (string id, ChangeMemberRole? request, OrganizationAdmin admin, HttpContext http) =>
                OrgHttp.Answer(await admin.ChangeRoleAsync(http.User.Tenant(), http.User.Actor(), id, request)))
            .RequireAuthorization(SmartPickPolicies.OrgAdmin)
            .WithSummary("Make a staff member an organization admin or an advisor")
            .Produces<MemberView>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        org.MapDelete("/members/{id}", async (string id, OrganizationAdmin admin, HttpContext http) =>
                OrgHttp.Answer(await admin.RemoveMemberAsync(http.User.Tenant(), http.User.Actor(), id), _ => Results.NoContent()))
            .RequireAuthorization(SmartPickPolicies.OrgAdmin)
            .WithSummary("Remove a member: their account and every session end")
            .Produces(204).ProducesProblem(404).ProducesProblem(409);
    }
}

/// <summary>
/// Platform admins create organizations; org admins read and change their own settings and members. The API and
/// the pages both go through here; the organization is always the caller's (a tenant id taken from the signed-in user).
/// </summary>
public sealed partial class OrganizationAdmin(IdentityDb db, OrganizationProvisioner provisioner, OrganizationDirectory directory,
    Microsoft.AspNetCore.Identity.UserManager<AppUser> users, TimeProvider clock)
{
    private static readonly string[] StaffRoles = [SmartPickRoles.OrgAdmin, SmartPickRoles.Advisor];

    /// <summary>
    /// Makes a staff member of <paramref name="tenant"/> an org admin or an advisor. A candidate's account stays a
    /// candidate's (it is bound to a file); the organization keeps at least one admin. Their sessions end, so the
    /// new role applies from their next sign-in.
    /// </summary>
    public async Task<OrgOutcome<MemberView>> ChangeRoleAsync(string tenant, RecordedBy actor, string userId, ChangeMemberRole? request)
    {
        if (request?.Role is not { } role || !StaffRoles.Contains(role))
            return FieldErrors.Of("role", $"Role must be one of: {string.Join(", ", StaffRoles)}.");
        var user = await users.FindByIdAsync(userId);
        if (user is null || user.OrganizationId != tenant) return new OrgOutcome<MemberView>.NotFound("Member");
        var roles = await users.GetRolesAsync(user);
        if (roles.Contains(SmartPickRoles.Candidate))
            return new OrgOutcome<MemberView>.Conflict("A candidate stays a candidate", "A candidate's account is bound to their file; invite staff separately.");
        if (!roles.Contains(role))
        {
            if (roles.Contains(SmartPickRoles.OrgAdmin) && await AdminCountAsync(tenant) <= 1)
                return new OrgOutcome<MemberView>.Conflict("The last administrator", "The organization needs at least one administrator; make someone else one first.");
            await users.RemoveFromRolesAsync(user, roles.Where(StaffRoles.Contains));
            await users.AddToRoleAsync(user, role);
            await users.UpdateSecurityStampAsync(user);
        }
        return (await MembersAsync(tenant)).Single(m => m.Id == user.Id);
    }

    /// <summary>
    /// Removes a member of <paramref name="tenant"/>: the account is deleted, so every session and token of it stops
    /// working, and a candidate's file can be given to a new account. Not oneself, and not the last admin.
    /// </summary>
    public async Task<OrgOutcome<string>> RemoveMemberAsync(string tenant, RecordedBy actor, string userId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null || user.OrganizationId != tenant) return new OrgOutcome<string>.NotFound("Member");
        if (user.Id == actor.UserId)
            return new OrgOutcome<string>.Conflict("Not yourself", "You cannot remove your own account; ask another administrator.");
        if (await users.IsInRoleAsync(user, SmartPickRoles.OrgAdmin) && await AdminCountAsync(tenant) <= 1)
            return new OrgOutcome<string>.Conflict("The last administrator", "The organization needs at least one administrator.");
        await users.DeleteAsync(user);
        return user.Id;
    }

    private async Task<int> AdminCountAsync(string tenant) =>
        (await users.GetUsersInRoleAsync(SmartPickRoles.OrgAdmin)).Count(u => u.OrganizationId == tenant);

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$")]
    private static partial Regex SlugPattern();

    public static bool IsValidSlug(string? slug) => slug is not null && SlugPattern().IsMatch(slug);

    public static bool IsValidTimeZone(string? id) => id is { Length: > 0 and <= 64 } && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    /// <summary>Every organization, by slug (platform admins).</summary>
    public async Task<IReadOnlyList<OrganizationView>> AllAsync() =>
        (await db.Organizations.AsNoTracking().OrderBy(o => o.Id).ToListAsync()).Select(ToView).ToList();

    /// <summary>The organization <paramref name="tenant"/> (the signed-in user's own).</summary>
    public async Task<OrganizationView> CurrentAsync(string tenant) =>
        ToView(await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == tenant));

    /// <summary>Creates an organization (platform admins).</summary>
    public async Task<OrgOutcome<OrganizationView>> CreateAsync(CreateOrganization? request)
    {
        var errors = new FieldErrors()
            .Check(IsValidSlug(request?.Slug), "slug", "Slug is 1–40 lowercase letters, digits or dashes, not starting or ending with a dash.")
            .Check(!string.IsNullOrWhiteSpace(request?.Name) && request.Name.Trim().Length <= 200, "name", "Name is required (at most 200 characters).")
            .Check(IsValidTimeZone(request?.TimeZone), "time_zone", "Time zone must be an IANA id such as America/New_York.");
        if (errors.Any) return errors;
        var created = await provisioner.CreateAsync(request!.Slug!, request.Name!.Trim(), request.TimeZone!);
        return created is null
            ? new OrgOutcome<OrganizationView>.Conflict("Slug taken", $"An organization with slug '{request.Slug}' already exists.")
            : ToView(created);
    }

    /// <summary>
    /// Changes the organization's settings; a field left out (null) keeps its value, and an empty sender email clears it.
    /// </summary>
    public async Task<OrgOutcome<OrganizationView>> UpdateSettingsAsync(string tenant, UpdateOrganizationSettings? request)
    {
        // Every field may be left out, but not the body: an empty one binds to null and would change nothing silently.
        var errors = new FieldErrors()
            .Check(request is not null, InputGateMiddleware.BodyField, "A JSON object with the settings to change is required.")
            .Check(request?.Name is null || (request.Name.Trim().Length is > 0 and <= 200), "name", "Name is 1–200 characters.")
            .Check(request?.TimeZone is null || IsValidTimeZone(request.TimeZone), "time_zone", "Time zone must be an IANA id such as America/New_York.")
            .Check(request?.SenderName is null || (request.SenderName.Length <= 100 && !request.SenderName.Any(char.IsControl)), "sender_name", "Sender name is at most 100 characters, without control characters.")
            .Check(request?.SenderEmail is null || string.IsNullOrWhiteSpace(request.SenderEmail) || IsSenderEmail(request.SenderEmail.Trim()), "sender_email", "Sender email must be a valid address.");
        if (errors.Any) return errors;
        var org = await db.Organizations.SingleAsync(o => o.Id == tenant);
        org.Name = request!.Name?.Trim() ?? org.Name;
        org.TimeZone = request.TimeZone ?? org.TimeZone;
        org.SenderName = request.SenderName ?? org.SenderName;
        // Absent keeps the sender email; present but empty clears it, so nudges go from the default sender again.
        org.SenderEmail = request.SenderEmail is null ? org.SenderEmail
            : string.IsNullOrWhiteSpace(request.SenderEmail) ? null : request.SenderEmail.Trim();
        await db.SaveChangesAsync();
        directory.Forget(tenant);
        return ToView(org);
    }

    /// <summary>The organization's members with their roles.</summary>
    public async Task<IReadOnlyList<MemberView>> MembersAsync(string tenant)
    {
        var now = clock.GetUtcNow();
        var members = await db.Users.AsNoTracking().Where(u => u.OrganizationId == tenant).OrderBy(u => u.Email).ToListAsync();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id
                           join u in db.Users on ur.UserId equals u.Id where u.OrganizationId == tenant
                           select new { ur.UserId, r.Name }).ToListAsync();
        return members.Select(m => new MemberView(m.Id, m.Email ?? "", m.DisplayName,
            roles.Where(r => r.UserId == m.Id).Select(r => r.Name!).Order(StringComparer.Ordinal).ToList(), m.CandidateId,
            m.LockoutEnd is { } end && end > now)).ToList();
    }

    /// <summary>
    /// A sender address is accepted only as the mail composer will use it: one bare <c>local@domain</c> that MimeKit
    /// parses to itself, with no display name (<c>Name &lt;a@b.c&gt;</c> is refused here rather than failing every mail later).
    /// </summary>
    public static bool IsSenderEmail(string value)
    {
        try
        {
            HeaderText.BareAddress(value, nameof(value));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static OrganizationView ToView(Organization o) => new(o.Id, o.Name, o.TimeZone, o.SenderName, o.SenderEmail, o.CreatedAt);
}
