using Marten;
using SmartPick.Nudges.Email;
using SmartPick.Nudges.Store;

namespace SmartPick.Nudges.Sweeps;

/// <summary>A mailer and the envelope sender to use for one organization's nudges.</summary>
public sealed record NudgeMailRoute(INudgeMailer Mailer, string EnvelopeFrom)
{
    /// <summary>How the organization signs its nudges on this route: its sender address when set, else the route's.</summary>
    public NudgeSender SenderFor(OrgSettings org, string publicBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(org);
        return new NudgeSender(org.Name, org.SenderName ?? "", string.IsNullOrWhiteSpace(org.SenderEmail) ? EnvelopeFrom : org.SenderEmail, publicBaseUrl);
    }
}

/// <summary>
/// Chooses how an organization's mail leaves: its own relay, the platform's SMTP server, or the pickup folder.
/// Nudges and account mail (password resets) take the same route; a mailer accepts any one-recipient message.
/// </summary>
public interface INudgeMailerFactory
{
    Task<NudgeMailRoute> ForAsync(IQuerySession tenantSession, CancellationToken ct);

    /// <summary>The route of mail that belongs to no organization (a platform operator's account mail).</summary>
    NudgeMailRoute ForPlatform();
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

        return ForPlatform();
    }

    public NudgeMailRoute ForPlatform() => options.PlatformSmtp is { } smtp
        ? new NudgeMailRoute(new SmtpNudgeMailer(smtp), smtp.FromAddress)
        : new NudgeMailRoute(new PickupFolderNudgeMailer(options.MailFolder), options.FromAddress);
}
