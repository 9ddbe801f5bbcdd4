using MimeKit;

namespace SmartPick.Nudges.Email;

/// <summary>Hands one composed nudge to a delivery channel and says what happened.</summary>
public interface INudgeMailer
{
    /// <summary>Delivers a message with exactly one recipient. Never throws for delivery problems.</summary>
    Task<DeliveryOutcome> SendAsync(MimeMessage message, CancellationToken cancellationToken = default);
}

/// <summary>
/// The result of one delivery attempt. Temporary failures are worth retrying (see <see cref="RetryPolicy"/>);
/// permanent ones are not.
/// </summary>
public abstract record DeliveryOutcome
{
    private DeliveryOutcome()
    {
    }

    /// <summary>The server (or folder) accepted the message.</summary>
    public sealed record Sent(string Detail) : DeliveryOutcome;

    /// <summary>A 4xx reply, a network or TLS problem, a timeout: try again later.</summary>
    public sealed record TemporaryFailure(string Reason, int? SmtpStatusCode) : DeliveryOutcome;

    /// <summary>
    /// A 5xx reply or a configuration problem. <paramref name="SuppressRecipient"/> is true when the
    /// server refused the recipient or the message for that mailbox; the caller then stops emailing the
    /// address. It is false for problems on our side (sender refused, authentication failed).
    /// </summary>
    public sealed record PermanentFailure(string Reason, int? SmtpStatusCode, bool SuppressRecipient) : DeliveryOutcome;

    public bool IsTemporary => this is TemporaryFailure;
}
