using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SmartPick.Contracts;
using SmartPick.Web.Identity;
using SmartPick.Web.Mail;

namespace SmartPick.Web.Organizations;

/// <summary>Whom a platform admin invites as an organization's administrator.</summary>
public sealed record InviteOrganizationAdmin(string? Email);

/// <summary>
/// Invitations as their inviters handle them, for the API and the pages alike: create (throttled per inviter,
/// validated, a hashed single-use token that lives <see cref="Invitations.Lifetime"/>), list and revoke. The
/// organization is always one the caller may invite into: an org admin's own (the tenant of the signed-in user),
/// or, for a platform admin, an organization named by slug whose administrator they invite.
/// </summary>
public sealed class InvitationDesk(IdentityDb db, UserManager<AppUser> users, Marten.IDocumentStore store, AuthThrottle throttle,
    InvitationLinks links, AccountMailSender mail, ILogger<InvitationDesk> logger, TimeProvider clock)
{
    private static readonly string[] InvitableRoles = [SmartPickRoles.OrgAdmin, SmartPickRoles.Advisor, SmartPickRoles.Candidate];

    /// <summary>Creates an invitation into the org admin's own organization <paramref name="tenant"/>.</summary>
    public Task<OrgOutcome<InvitationCreated>> CreateAsync(string tenant, CreateInvitation? request, RecordedBy inviter)
        => CreateInAsync(tenant, request, inviter);

    /// <summary>
    /// A new organization has no members and a platform admin belongs to none, so the platform admin invites an
    /// organization's administrator (typically its first) by slug, exactly as an org admin would, always as org admin.
    /// </summary>
    public async Task<OrgOutcome<InvitationCreated>> InviteFirstAdminAsync(string slug, InviteOrganizationAdmin? request, RecordedBy inviter)
    {
        if (!await db.Organizations.AsNoTracking().AnyAsync(o => o.Id == slug)) return new OrgOutcome<InvitationCreated>.NotFound("Organization");
        return await CreateInAsync(slug, new CreateInvitation(request?.Email, SmartPickRoles.OrgAdmin, CandidateId: null), inviter);
    }

    /// <summary>The organization's invitations, newest first, with where each stands.</summary>
    public async Task<IReadOnlyList<InvitationSummary>> ListAsync(string tenant)
    {
        var now = clock.GetUtcNow();
        var rows = await db.Invitations.AsNoTracking().Where(i => i.OrganizationId == tenant).OrderByDescending(i => i.CreatedAt).Take(500).ToListAsync();
        return rows.Select(i => new InvitationSummary(i.Id, i.Email, i.Role, i.CandidateId, i.CreatedAt, i.ExpiresAt, Invitations.Status(i, now))).ToList();
    }

    /// <summary>Revokes an open invitation of <paramref name="tenant"/>; another organization's id, or one already used or revoked, is not found.</summary>
    public async Task<OrgOutcome<Guid>> RevokeAsync(string tenant, Guid id)
    {
        var changed = await db.Invitations
            .Where(i => i.Id == id && i.OrganizationId == tenant && i.AcceptedAt == null && i.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RevokedAt, clock.GetUtcNow()));
        return changed == 1 ? id : new OrgOutcome<Guid>.NotFound("Open invitation");
    }

    /// <summary>
    /// Sends an open invitation of <paramref name="tenant"/> again: a new link (the old one stops working) that lives
    /// <see cref="Invitations.Lifetime"/> from now, by email. Accepted, revoked or another organization's: not found.
    /// </summary>
    public async Task<OrgOutcome<InvitationCreated>> ResendAsync(string tenant, Guid id, RecordedBy inviter)
    {
        if (!throttle.TryAcquire("invite:" + inviter.UserId)) return new OrgOutcome<InvitationCreated>.TooMany();
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == id && i.OrganizationId == tenant && i.AcceptedAt == null && i.RevokedAt == null);
        if (invitation is null) return new OrgOutcome<InvitationCreated>.NotFound("Open invitation");
        var token = NewToken();
        var now = clock.GetUtcNow();
        invitation.TokenHash = Invitations.Hash(token);
        invitation.ExpiresAt = now + Invitations.Lifetime;
        await db.SaveChangesAsync();
        return await SendAsync(invitation, token, inviter);
    }

    /// <summary>Emails the invitation's link from the organization's sender, by the organization's mail route (as nudges and password resets).</summary>
    private async Task<InvitationCreated> SendAsync(Invitation invitation, string token, RecordedBy inviter)
    {
        var url = links.AcceptUrl(token);
        var created = new InvitationCreated(invitation.Id, invitation.Email, invitation.Role, invitation.CandidateId, invitation.ExpiresAt, token, url);
        var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == invitation.OrganizationId);
        var route = await mail.RouteAsync(organization.Id, CancellationToken.None);
        var from = string.IsNullOrWhiteSpace(organization.SenderEmail) ? route.EnvelopeFrom : organization.SenderEmail;
        var fromName = string.IsNullOrWhiteSpace(organization.SenderName) ? organization.Name : organization.SenderName;
        MailDelivery delivery;
        try
        {
            var message = InvitationEmail.Compose(invitation.Email, from, fromName, organization.Name, invitation.Role, inviter.Name, url,
                invitation.ExpiresAt, clock.GetUtcNow());
            delivery = await mail.SendAsync(message, route, CancellationToken.None);
        }
        catch (ArgumentException e)
        {
            // A sender address the organization stored before addresses were checked as strictly: said, not thrown.
            delivery = new MailDelivery(false, e.Message);
        }
        if (!delivery.Sent) logger.LogWarning("Invitation {InvitationId} not emailed: {Reason}", invitation.Id, delivery.Detail);
        return created with { EmailSent = delivery.Sent, EmailDetail = delivery.Detail };
    }

    private async Task<OrgOutcome<InvitationCreated>> CreateInAsync(string orgId, CreateInvitation? request, RecordedBy inviter)
    {
        if (!throttle.TryAcquire("invite:" + inviter.UserId)) return new OrgOutcome<InvitationCreated>.TooMany();

        var errors = new FieldErrors()
            .Check(Invitations.IsEmail(request?.Email), "email", "A valid email address (at most 254 characters) is required.")
            .Check(request?.Role is { } r && InvitableRoles.Contains(r), "role", $"Role must be one of: {string.Join(", ", InvitableRoles)}.")
            .Check(request?.Role != SmartPickRoles.Candidate || request.CandidateId is not null, "candidate_id", "A candidate invitation names the candidate file it opens.")
            .Check(request?.Role == SmartPickRoles.Candidate || request?.CandidateId is null, "candidate_id", "Only candidate invitations name a candidate file.");
        if (errors.Any) return errors;

        if (request!.CandidateId is { } candidateId)
        {
            await using var session = store.QuerySession(orgId);
            if (await session.Events.FetchStreamStateAsync(candidateId) is null)
                return FieldErrors.Of("candidate_id", "No candidate file with this id in your organization.");
            if (await users.Users.AnyAsync(u => u.OrganizationId == orgId && u.CandidateId == candidateId))
                return new OrgOutcome<InvitationCreated>.Conflict("Candidate already has an account", "A user is already bound to this candidate file.");
        }
        var email = request.Email!.Trim();
        if (await users.FindByEmailAsync(email) is not null)
            return new OrgOutcome<InvitationCreated>.Conflict("Email already registered", "A user with this email already exists.");

        var token = NewToken();
        var now = clock.GetUtcNow();
        var invitation = new Invitation
        {
            Id = Guid.NewGuid(), OrganizationId = orgId, Email = email, Role = request.Role!, CandidateId = request.CandidateId,
            TokenHash = Invitations.Hash(token), CreatedAt = now, ExpiresAt = now + Invitations.Lifetime, CreatedBy = inviter.UserId,
        };
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync();
        return await SendAsync(invitation, token, inviter);
    }

    private static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>
/// Where an invitation's link points: the app's configured public address (never the request's Host header, which
/// the caller chooses) followed by <c>/invitations/{token}</c>.
/// </summary>
public sealed class InvitationLinks(string publicBaseUrl)
{
    public string AcceptUrl(string token) => $"{publicBaseUrl.TrimEnd('/')}/invitations/{token}";
}
