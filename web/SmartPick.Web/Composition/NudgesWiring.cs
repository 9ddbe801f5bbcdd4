using SmartPick.Web.Mail;
using Microsoft.EntityFrameworkCore;
using SmartPick.Nudges.Store;
using SmartPick.Web.Auth;
using SmartPick.Web.Identity;
using SmartPick.Web.Organizations;

namespace SmartPick.Web.Composition;

/// <summary>Gives the nudges module the organizations it serves, from the host's identity store.</summary>
public sealed class OrganizationSettingsFromIdentity(OrganizationDirectory directory, IServiceScopeFactory scopes) : IOrganizationSettings
{
    public async Task<OrgSettings?> GetAsync(string orgId, CancellationToken ct) =>
        await directory.FindAsync(orgId, ct) is { } o ? new OrgSettings(o.Id, o.Name, o.TimeZone, o.SenderName, o.SenderEmail) : null;

    public async Task<IReadOnlyList<string>> AllOrganizationIdsAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        return await db.Organizations.AsNoTracking().OrderBy(o => o.Id).Select(o => o.Id).ToListAsync(ct);
    }
}

/// <summary>Gives account mail an organization's own SMTP relay, which the nudges module keeps.</summary>
public sealed class OrganizationMailRelayFromNudges(Marten.IDocumentStore store) : IOrganizationMailRelay
{
    public async Task<SmtpRelay?> FindAsync(string organizationId, CancellationToken ct)
    {
        await using var session = store.QuerySession(organizationId);
        return await session.LoadAsync<OrganizationSmtpRelay>(OrganizationSmtpRelay.SingletonId, ct) is { } r
            ? new SmtpRelay(r.Host, r.Port, r.UserName, r.Password, r.UseStartTls, r.FromAddress, r.Timeout)
            : null;
    }
}
