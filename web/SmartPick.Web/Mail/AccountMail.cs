using SmartPick.Contracts;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace SmartPick.Web.Mail;

/// <summary>An outgoing SMTP server; <see cref="FromAddress"/> is the envelope sender (where bounces go).</summary>
public sealed record SmtpRelay(string Host, int Port, string? UserName, string? Password, bool UseStartTls, string FromAddress, TimeSpan Timeout)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);
}

/// <summary>
/// The platform's outgoing mail as the app is configured: the <c>Smtp</c> section (Host, Port, UserName, Password,
/// UseStartTls, FromAddress) and, from the <c>Nudges</c> section, the public address links start with and the folder
/// mail is written to when no <c>Smtp:Host</c> is set. Nudges read the same keys, so both kinds of mail leave alike.
/// </summary>
public sealed class AccountMailOptions
{
    public const string DefaultFromAddress = "nudges@smartpick.local";
    public const string DefaultPublicBaseUrl = "http://127.0.0.1:5080";
    public const string DefaultMailFolder = ".data/mail";

    /// <summary>The platform's SMTP server; null in development, where mail goes to <see cref="MailFolder"/>.</summary>
    public SmtpRelay? PlatformSmtp { get; init; }
    public string FromAddress { get; init; } = DefaultFromAddress;
    /// <summary>Absolute URL of the app as people reach it; the links in account mail start with it.</summary>
    public string PublicBaseUrl { get; init; } = DefaultPublicBaseUrl;
    public string MailFolder { get; init; } = DefaultMailFolder;

    public static AccountMailOptions Read(IConfiguration configuration)
    {
        var smtp = configuration.GetSection("Smtp");
        var nudges = configuration.GetSection("Nudges");
        var contentRoot = configuration["contentRoot"] is { Length: > 0 } root ? root : Directory.GetCurrentDirectory();
        var from = smtp["FromAddress"] is { Length: > 0 } address ? address : DefaultFromAddress;
        return new AccountMailOptions
        {
            PlatformSmtp = string.IsNullOrWhiteSpace(smtp["Host"])
                ? null
                : new SmtpRelay(smtp["Host"]!, smtp.GetValue("Port", 587), smtp["UserName"], smtp["Password"],
                    smtp.GetValue("UseStartTls", true), from, SmtpRelay.DefaultTimeout),
            FromAddress = from,
            PublicBaseUrl = nudges["PublicBaseUrl"] is { Length: > 0 } url ? url : DefaultPublicBaseUrl,
            MailFolder = Path.GetFullPath(Path.Combine(contentRoot, nudges["MailFolder"] is { Length: > 0 } folder ? folder : DefaultMailFolder)),
        };
    }
}

/// <summary>An organization's own outgoing relay, for agencies that send through their own server; null when it has none.</summary>
public interface IOrganizationMailRelay
{
    Task<SmtpRelay?> FindAsync(string organizationId, CancellationToken ct);
}

/// <summary>How one account mail leaves: over <see cref="Smtp"/>, or (null) as a file in the mail folder.</summary>
public sealed record AccountMailRoute(SmtpRelay? Smtp, string EnvelopeFrom);

/// <summary>What became of one message: handed over, or not, and why.</summary>
public sealed record MailDelivery(bool Sent, string Detail);

/// <summary>
/// Sends account mail (password reset links) with exactly one recipient: through the organization's relay, else the
/// platform's SMTP server, else (the development default) as an <c>.eml</c> file named after its Message-Id.
/// One SMTP connection per message; delivery problems are answered, never thrown.
/// </summary>
public sealed class AccountMailSender(AccountMailOptions options, IOrganizationMailRelay relays)
{
    public async Task<AccountMailRoute> RouteAsync(string? organizationId, CancellationToken ct)
    {
        if (organizationId is not null && await relays.FindAsync(organizationId, ct) is { } relay) return new(relay, relay.FromAddress);
        return options.PlatformSmtp is { } smtp ? new(smtp, smtp.FromAddress) : new(null, options.FromAddress);
    }

    public Task<MailDelivery> SendAsync(MimeMessage message, AccountMailRoute route, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var recipients = message.GetRecipients(onlyUnique: false);
        if (recipients.Count != 1) throw new ArgumentException($"Account mail goes to exactly one recipient, this message has {recipients.Count}.", nameof(message));
        return route.Smtp is { } smtp ? SendOverSmtpAsync(message, recipients[0], smtp, ct) : WriteToFolderAsync(message, ct);
    }

    private static async Task<MailDelivery> SendOverSmtpAsync(MimeMessage message, MailboxAddress recipient, SmtpRelay smtp, CancellationToken ct)
    {
        var envelopeSender = new MailboxAddress("", HeaderText.BareAddress(smtp.FromAddress, nameof(smtp)));
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        string response;
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, smtp.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
            if (!string.IsNullOrEmpty(smtp.UserName)) await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
            response = await client.SendAsync(message, envelopeSender, [recipient], ct);
        }
        catch (SmtpCommandException e)
        {
            return new MailDelivery(false, $"{(int)e.StatusCode} {e.Message}".Trim());
        }
        catch (Exception e) when (e is AuthenticationException or SmtpProtocolException or IOException or SocketException or SslHandshakeException
                                   or ServiceNotConnectedException or TimeoutException
                                   || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return new MailDelivery(false, $"{e.GetType().Name}: {e.Message}");
        }
        try
        {
            await client.DisconnectAsync(true, CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or SocketException or SmtpProtocolException or SmtpCommandException)
        {
            // The message is already accepted: a failed QUIT changes nothing.
        }
        return new MailDelivery(true, response);
    }

    private async Task<MailDelivery> WriteToFolderAsync(MimeMessage message, CancellationToken ct)
    {
        var id = message.MessageId ?? throw new ArgumentException("The message has no Message-Id.", nameof(message));
        var path = Path.Combine(options.MailFolder, new string(id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_').ToArray()).Trim('.') + ".eml");
        var temporary = Path.Combine(options.MailFolder, $".{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(options.MailFolder);
            await using (var stream = File.Create(temporary))
            {
                await message.WriteToAsync(stream, ct);
            }
            // Write-then-rename: a reader never sees half a message.
            File.Move(temporary, path, overwrite: false);
            return new MailDelivery(true, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            return new MailDelivery(false, $"Could not write {path}: {e.Message}");
        }
    }
}
