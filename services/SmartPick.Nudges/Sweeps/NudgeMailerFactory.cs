using Marten;
using SmartPick.Nudges.Email;
using SmartPick.Nudges.Store;

namespace SmartPick.Nudges.Sweeps;

/// <summary>A mailer and the envelope sender to use for one organization's nudges.</summary>
public sealed record NudgeMailRoute(INudgeMailer Mailer, string EnvelopeFrom);

/// <summary>Chooses how an organization's nudges leave: its own relay, the platform's SMTP server, or the pickup folder.</summary>
public interface INudgeMailerFactory
{
    Task<NudgeMailRoute> ForAsync(IQuerySession tenantSession, CancellationToken ct);
}

/// <summary>
/// The organization's <see cref="OrganizationSmtpRelay"/> when it has one; else the <c>Smtp</c> section;
/// else (no <c>Smtp:Host</c>, the development default) <c>.eml</c> files in the mail folder.
/// </summary>
public sealed class NudgeMailerFactory(NudgeOptions options) : INudgeMailerFactory
{
    public async Task<NudgeMailRoute> ForAsync(IQuerySession tenantSession, CancellationToken ct)
    {
        if (await tenantSession.LoadAsync<OrganizationSmtpRelay>(OrganizationSmtpRelay.SingletonId, ct) is { } relay)
        {
            return new NudgeMailRoute(new SmtpNudgeMailer(relay.ToSettings()), relay.FromAddress);
        }

        return options.PlatformSmtp is { } smtp
            ? new NudgeMailRoute(new SmtpNudgeMailer(smtp), smtp.FromAddress)
            : new NudgeMailRoute(new PickupFolderNudgeMailer(options.MailFolder), options.FromAddress);
    }
}
