using System.Net.Mail;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SmartPick.Contracts;
using SmartPick.Web.Identity;

namespace SmartPick.Web.Organizations;

public sealed record CreateInvitation(string? Email, string? Role, Guid? CandidateId);
/// <summary>
/// An invitation made (or sent again with a new link): its token and link, shown to the inviter once, and whether
/// the email carrying the link was handed to the mail server (<paramref name="EmailSent"/>, with the server's answer
/// or why not in <paramref name="EmailDetail"/>).
/// </summary>
public sealed record InvitationCreated(Guid Id, string Email, string Role, Guid? CandidateId, DateTimeOffset ExpiresAt, string Token, string AcceptUrl,
    bool EmailSent = false, string? EmailDetail = null);
public sealed record InvitationSummary(Guid Id, string Email, string Role, Guid? CandidateId, DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt, string Status);
public sealed record InvitationPreview(string OrganizationName, string Email, string Role, DateTimeOffset ExpiresAt);
public sealed record AcceptInvitation(string? Token, string? DisplayName, string? Password);
public sealed record InvitationAccepted(string UserId, string Email, string Role, string OrganizationId);

/// <summary>
/// Org admins invite staff and candidates by a token link that expires and works once; platform admins invite an
/// organization's administrator the same way (<see cref="InvitationDesk.InviteFirstAdminAsync"/>). Only the token's
/// SHA-256 is stored; the token is shown to the inviter once. These are the anonymous routes (preview and accept)
/// and the org admin's routes over <see cref="InvitationDesk"/>.
/// </summary>
public static class Invitations
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public static void MapInvitationEndpoints(this IEndpointRouteBuilder app)
    {
        var org = app.MapGroup("/api/org/invitations").WithTags("Organization").RequireAuthorization(SmartPickPolicies.OrgAdmin);
        org.MapPost("", async (CreateInvitation? request, InvitationDesk desk, HttpContext http) =>
                OrgHttp.Answer(await desk.CreateAsync(http.User.Tenant(), request, http.User.Actor()),
                    created => Results.Created($"/api/org/invitations/{created.Id}", created)))
            .WithSummary("Invite a staff member or a candidate by email")
            .Produces<InvitationCreated>(201).ProducesValidationProblem().ProducesProblem(429);
        org.MapGet("", async (InvitationDesk desk, HttpContext http) => Results.Ok(await desk.ListAsync(http.User.Tenant())))
            .WithSummary("The organization's invitations and where each stands")
            .Produces<IReadOnlyList<InvitationSummary>>();
        org.MapPost("/{id:guid}/resend", async (Guid id, InvitationDesk desk, HttpContext http) =>
                OrgHttp.Answer(await desk.ResendAsync(http.User.Tenant(), id, http.User.Actor())))
            .WithSummary("Send an open invitation again, with a new link (the old one stops working)")
            .Produces<InvitationCreated>().ProducesProblem(404).ProducesProblem(429);
        org.MapDelete("/{id:guid}", async (Guid id, InvitationDesk desk, HttpContext http) =>
                OrgHttp.Answer(await desk.RevokeAsync(http.User.Tenant(), id), _ => Results.NoContent()))
            .WithSummary("Revoke an open invitation; its link stops working")
            .Produces(204).ProducesProblem(404);

        var open = app.MapGroup("/api/auth/invitations").WithTags("Auth").AllowAnonymous();
        open.MapGet("/{token}", Preview)
            .WithSummary("What an invitation link is for: the organization, the address and the role")
            .Produces<InvitationPreview>().ProducesProblem(404).ProducesProblem(410).ProducesProblem(429);
        open.MapPost("/accept", Accept)
            .WithSummary("Accept an invitation: the account is made with the name and password given")
            .Produces<InvitationAccepted>(201).ProducesValidationProblem()
            .ProducesProblem(404).ProducesProblem(409).ProducesProblem(410).ProducesProblem(429);
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static async Task<IResult> Preview(string token, IdentityDb db, TimeProvider clock, AuthThrottle throttle, HttpContext http)
    {
        // Guessing tokens through the preview is throttled like guessing them through the accept.
        if (!throttle.TryAcquireClient(http)) return AuthThrottle.TooMany();
        if (token.Length > 200) return NotFound();
        var hash = Hash(token);
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.TokenHash == hash);
        if (invitation is null || invitation.RevokedAt is not null || invitation.AcceptedAt is not null) return NotFound();
        if (invitation.ExpiresAt <= clock.GetUtcNow()) return Expired();
        var org = await db.Organizations.SingleAsync(o => o.Id == invitation.OrganizationId);
        return Results.Ok(new InvitationPreview(org.Name, invitation.Email, invitation.Role, invitation.ExpiresAt));
    }

    private static async Task<IResult> Accept(AcceptInvitation? request, IdentityDb db, UserManager<AppUser> users,
        AuthThrottle throttle, TimeProvider clock, HttpContext http)
    {
        if (!throttle.TryAcquireClient(http)) return AuthThrottle.TooMany();
        var errors = new FieldErrors()
            .Check(!string.IsNullOrWhiteSpace(request?.Token) && request.Token.Length <= 200, "token", "The invitation token is required.")
            .Check(!string.IsNullOrWhiteSpace(request?.DisplayName) && request.DisplayName.Trim().Length <= 200, "display_name", "Your name is required (at most 200 characters).")
            .Check(!string.IsNullOrEmpty(request?.Password) && request.Password.Length <= 256, "password", "A password is required.");
        if (errors.Any) return errors.ToProblem();
        var token = request!.Token!;
        if (!throttle.TryAcquire("accept:" + Hash(token))) return AuthThrottle.TooMany();

        var hash = Hash(token);
        var invitation = await db.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == hash);
        if (invitation is null || invitation.RevokedAt is not null) return NotFound();
        if (invitation.AcceptedAt is not null) return AlreadyUsed();
        var now = clock.GetUtcNow();
        if (invitation.ExpiresAt <= now) return Expired();

        var redeemed = await RedeemAsync(db, users, invitation, request.DisplayName!, request.Password!, now);
        if (redeemed.AlreadyUsed) return AlreadyUsed();
        if (redeemed.CandidateTaken) return CandidateTaken();
        if (redeemed.User is not { } user)
        {
            var refused = new FieldErrors();
            foreach (var e in redeemed.Errors) refused.Add(e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "email", e.Description);
            return refused.ToProblem();
        }
        return Results.Created("/api/auth/me", new InvitationAccepted(user.Id, user.Email!, invitation.Role, invitation.OrganizationId));
    }

    /// <summary>What redeeming an invitation gave: the new user, or that it was already used, or Identity's refusals.</summary>
    public sealed record Redemption(AppUser? User, bool AlreadyUsed, IReadOnlyList<IdentityError> Errors, bool CandidateTaken = false);

    /// <summary>
    /// Claims the invitation, creates the user bound to its organization (and candidate file) and grants its role,
    /// all in one transaction. The API and the invitation page both accept through here.
    /// </summary>
    public static async Task<Redemption> RedeemAsync(IdentityDb db, UserManager<AppUser> users, Invitation invitation,
        string displayName, string password, DateTimeOffset now)
    {
        var user = new AppUser
        {
            UserName = invitation.Email, Email = invitation.Email, EmailConfirmed = true, DisplayName = displayName.Trim(),
            OrganizationId = invitation.OrganizationId, CandidateId = invitation.CandidateId, CreatedAt = now,
        };
        await using var tx = await db.Database.BeginTransactionAsync();
        // Claim the invitation first: a concurrent second accept updates zero rows and stops here.
        var claimed = await db.Invitations.Where(i => i.Id == invitation.Id && i.AcceptedAt == null && i.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedAt, now));
        if (claimed != 1) return new Redemption(null, AlreadyUsed: true, []);
        if (invitation.CandidateId is { } candidateId)
        {
            // Several invitations may be open for one file (each checked only when it was made): the first accepted
            // binds the file, and the lock makes two accepts at the same moment take turns for this check.
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"select pg_advisory_xact_lock(hashtextextended({invitation.OrganizationId + "/" + candidateId}, 0))");
            if (await db.Users.AnyAsync(u => u.OrganizationId == invitation.OrganizationId && u.CandidateId == candidateId))
            {
                await tx.RollbackAsync();
                return new Redemption(null, AlreadyUsed: false, [], CandidateTaken: true);
            }
        }

        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            await tx.RollbackAsync();
            return new Redemption(null, AlreadyUsed: false, [.. created.Errors]);
        }
        var roleResult = await users.AddToRoleAsync(user, invitation.Role);
        if (!roleResult.Succeeded)
        {
            await tx.RollbackAsync();
            throw new InvalidOperationException("Could not grant role " + invitation.Role);
        }
        await tx.CommitAsync();
        return new Redemption(user, AlreadyUsed: false, []);
    }

    private static IResult CandidateTaken() => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Candidate already has an account",
        detail: "Another account was bound to this candidate file after the invitation was sent. Ask your organization for help.");

    private static IResult AlreadyUsed() => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Invitation already used",
        detail: "This invitation has already been accepted.");

    private static IResult NotFound() => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Invitation not found");

    private static IResult Expired() => Results.Problem(statusCode: StatusCodes.Status410Gone, title: "Invitation expired",
        detail: "This invitation has expired. Ask your organization for a new one.");

    public static string Status(Invitation i, DateTimeOffset now) =>
        i.AcceptedAt is not null ? "accepted" : i.RevokedAt is not null ? "revoked" : i.ExpiresAt <= now ? "expired" : "open";

    public static bool IsEmail(string? value) =>
        value is { Length: > 0 and <= 254 } && MailAddress.TryCreate(value.Trim(), out var parsed) && parsed.Address == value.Trim();
}
