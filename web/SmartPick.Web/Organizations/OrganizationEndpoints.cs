using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SmartPick.Contracts;
using SmartPick.Web.Identity;
using SmartPick.Web.Infrastructure;

namespace SmartPick.Web.Organizations;

public sealed record CreateOrganization(string? Slug, string? Name, string? TimeZone);
public sealed record OrganizationView(string Id, string Name, string TimeZone, string? SenderName, string? SenderEmail, DateTimeOffset CreatedAt);
public sealed record UpdateOrganizationSettings(string? Name, string? TimeZone, string? SenderName, string? SenderEmail);
public sealed record MemberView(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, Guid? CandidateId, bool LockedOut);

/// <summary>Platform admins create organizations; org admins read and change their own settings and members.</summary>
public static partial class OrganizationEndpoints
{
    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$")]
    private static partial Regex SlugPattern();

    public static void MapOrganizationEndpoints(this IEndpointRouteBuilder app)
    {
        var platform = app.MapGroup("/api/platform/organizations").WithTags("Platform").RequireAuthorization(SmartPickPolicies.PlatformAdmin);
        platform.MapPost("", Create).Produces<OrganizationView>(201).ProducesValidationProblem().ProducesProblem(409);
        platform.MapGet("", All);
        platform.MapPost(FirstAdminInvitations.Route, FirstAdminInvitations.Create).Produces<InvitationCreated>(201)
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(429);

        var org = app.MapGroup("/api/org").WithTags("Organization");
        org.MapGet("", Current).RequireAuthorization(SmartPickPolicies.Member).Produces<OrganizationView>();
        org.MapPut("/settings", UpdateSettings).RequireAuthorization(SmartPickPolicies.OrgAdmin).Produces<OrganizationView>().ProducesValidationProblem();
        org.MapGet("/members", Members).RequireAuthorization(SmartPickPolicies.OrgAdmin).Produces<IReadOnlyList<MemberView>>();
    }

    public static bool IsValidSlug(string? slug) => slug is not null && SlugPattern().IsMatch(slug);

    public static bool IsValidTimeZone(string? id) => id is { Length: > 0 and <= 64 } && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    /// <summary>Every organization, by slug (platform admins).</summary>
    public static async Task<IResult> All(IdentityDb db) =>
        Results.Ok((await db.Organizations.AsNoTracking().OrderBy(o => o.Id).ToListAsync()).Select(ToView).ToList());

    /// <summary>The signed-in user's own organization.</summary>
    public static async Task<IResult> Current(ClaimsPrincipal user, IdentityDb db)
    {
        var id = user.Tenant();
        var found = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == id);
        return Results.Ok(ToView(found));
    }

    /// <summary>Creates an organization (platform admins); the API and the platform page both create through here.</summary>
    public static async Task<IResult> Create(CreateOrganization? request, OrganizationProvisioner provisioner)
    {
        var errors = new FieldErrors()
            .Check(IsValidSlug(request?.Slug), "slug", "Slug is 1–40 lowercase letters, digits or dashes, not starting or ending with a dash.")
            .Check(!string.IsNullOrWhiteSpace(request?.Name) && request.Name.Trim().Length <= 200, "name", "Name is required (at most 200 characters).")
            .Check(IsValidTimeZone(request?.TimeZone), "time_zone", "Time zone must be an IANA id such as America/New_York.");
        if (errors.Any) return errors.ToProblem();
        var created = await provisioner.CreateAsync(request!.Slug!, request.Name!.Trim(), request.TimeZone!);
        return created is null
            ? StateProblems.Conflict("Slug taken", $"An organization with slug '{request.Slug}' already exists.")
            : Results.Created($"/api/platform/organizations/{created.Id}", ToView(created));
    }

    /// <summary>
    /// Changes the signed-in org admin's organization settings; a field left out (null) keeps its value, and an
    /// empty sender email clears it.
    /// </summary>
    public static async Task<IResult> UpdateSettings(UpdateOrganizationSettings? request, ClaimsPrincipal user, IdentityDb db, OrganizationDirectory directory)
    {
        // Every field may be left out, but not the body: an empty one binds to null and would change nothing silently.
        var errors = new FieldErrors()
            .Check(request is not null, InputGateMiddleware.BodyField, "A JSON object with the settings to change is required.")
            .Check(request?.Name is null || (request.Name.Trim().Length is > 0 and <= 200), "name", "Name is 1–200 characters.")
            .Check(request?.TimeZone is null || IsValidTimeZone(request.TimeZone), "time_zone", "Time zone must be an IANA id such as America/New_York.")
            .Check(request?.SenderName is null || (request.SenderName.Length <= 100 && !request.SenderName.Any(char.IsControl)), "sender_name", "Sender name is at most 100 characters, without control characters.")
            .Check(request?.SenderEmail is null || string.IsNullOrWhiteSpace(request.SenderEmail) || IsSenderEmail(request.SenderEmail.Trim()), "sender_email", "Sender email must be a valid address.");
        if (errors.Any) return errors.ToProblem();
        var id = user.Tenant();
        var org = await db.Organizations.SingleAsync(o => o.Id == id);
        org.Name = request!.Name?.Trim() ?? org.Name;
        org.TimeZone = request.TimeZone ?? org.TimeZone;
        org.SenderName = request.SenderName ?? org.SenderName;
        // Absent keeps the sender email; present but empty clears it, so nudges go from the default sender again.
        org.SenderEmail = request.SenderEmail is null ? org.SenderEmail
            : string.IsNullOrWhiteSpace(request.SenderEmail) ? null : request.SenderEmail.Trim();
        await db.SaveChangesAsync();
        directory.Forget(id);
        return Results.Ok(ToView(org));
    }

    /// <summary>The organization's members with their roles.</summary>
    public static async Task<IResult> Members(ClaimsPrincipal user, IdentityDb db, TimeProvider clock)
    {
        var id = user.Tenant();
        var now = clock.GetUtcNow();
        var members = await db.Users.AsNoTracking().Where(u => u.OrganizationId == id).OrderBy(u => u.Email).ToListAsync();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id
                           join u in db.Users on ur.UserId equals u.Id where u.OrganizationId == id
                           select new { ur.UserId, r.Name }).ToListAsync();
        return Results.Ok(members.Select(m => new MemberView(m.Id, m.Email ?? "", m.DisplayName,
            roles.Where(r => r.UserId == m.Id).Select(r => r.Name!).Order(StringComparer.Ordinal).ToList(), m.CandidateId,
            m.LockoutEnd is { } end && end > now)).ToList());
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
