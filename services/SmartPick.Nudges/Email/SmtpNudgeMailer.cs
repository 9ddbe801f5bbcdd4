using SmartPick.Contracts;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace SmartPick.Nudges.Email;

/// <summary>
/// Delivers nudges over a real SMTP conversation: connect, optional STARTTLS and authentication, send,
/// disconnect — one connection per message, so one failure cannot affect another message.
/// </summary>
/// <remarks>
/// If the connection drops after the message data was sent but before the server's reply, the outcome is
/// a temporary failure and a retry may deliver a second copy; it carries the same Message-Id, which is
/// how duplicates stay detectable.
/// </remarks>
internal sealed class SmtpNudgeMailer(SmtpSettings settings) : INudgeMailer
{
    public async Task<DeliveryOutcome> SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var recipient = SingleRecipient(message);
        var envelopeSender = new MailboxAddress("", HeaderText.BareAddress(settings.FromAddress, nameof(settings)));

        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        string response;
        try
        {
            await client.ConnectAsync(settings.Host, settings.Port, settings.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
            }

            response = await client.SendAsync(message, envelopeSender, [recipient], cancellationToken);
        }
        catch (SmtpCommandException e)
        {
            return Classify(e);
        }
        catch (AuthenticationException e)
        {
            return new DeliveryOutcome.PermanentFailure($"SMTP authentication failed: {e.Message}", null, SuppressRecipient: false);
        }
        catch (Exception e) when (e is SmtpProtocolException or IOException or SocketException or SslHandshakeException or ServiceNotConnectedException or TimeoutException
                                   || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new DeliveryOutcome.TemporaryFailure($"{e.GetType().Name}: {e.Message}", null);
        }

        await QuitQuietlyAsync(client);
        return new DeliveryOutcome.Sent(response);
    }

    /// <summary>The message is already accepted; a failed QUIT must not turn that into a failure (and a resend).</summary>
    private static async Task QuitQuietlyAsync(SmtpClient client)
    {
        try
        {
            await client.DisconnectAsync(true, CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or SocketException or SmtpProtocolException or SmtpCommandException)
        {
            // Nothing to do: the connection is disposed with the client.
        }
    }

    private static MailboxAddress SingleRecipient(MimeMessage message)
    {
        var recipients = message.GetRecipients(onlyUnique: false);
        if (recipients.Count != 1)
        {
            throw new ArgumentException($"A nudge goes to exactly one recipient, this message has {recipients.Count}.", nameof(message));
        }

        return recipients[0];
    }

    private static DeliveryOutcome Classify(SmtpCommandException e)
    {
        var status = (int)e.StatusCode;
        var reason = $"{status} {e.Message}".Trim();
        if (status is >= 400 and < 500)
        {
            return new DeliveryOutcome.TemporaryFailure(reason, status);
        }

        var aboutTheRecipient = e.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted;
        return new DeliveryOutcome.PermanentFailure(reason, status, aboutTheRecipient);
    }
}
