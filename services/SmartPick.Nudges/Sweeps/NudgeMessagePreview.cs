using Marten;
using MimeKit;
using MimeKit.Utils;
using SmartPick.Contracts;
using SmartPick.Nudges.Calendar;
using SmartPick.Nudges.Email;
using SmartPick.Nudges.Rules;
using SmartPick.Nudges.Store;

namespace SmartPick.Nudges.Sweeps;

/// <summary>
/// One planned nudge as the email the sweep would send, for an org admin to read or to send to themselves.
/// Nothing is recorded: no delivery, no unsubscribe link, no event, so the sweep still sends the candidate's own
/// message. The unsubscribe link in a previewed message is never stored and unsubscribes no one.
/// </summary>
public static class NudgeMessagePreview
{
    public const string TestSubjectPrefix = "[Test] ";

    /// <summary>The nudge with this key as the rules plan it now; null when the session's tenant plans no such nudge.</summary>
    public static async Task<Nudge?> FindAsync(IQuerySession session, OrgSettings org, NudgeKey key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(org);
        if (key.Tenant != session.TenantId || key.Tenant != org.Id || await NudgeCandidates.LoadOneAsync(session, key.CandidateId, ct) is not { } candidate)
        {
            return null;
        }

        var zone = OrgTime.IsKnownZone(org.TimeZone) ? org.TimeZone : SeasonCalendarRules.EasternTimeZoneId;
        var calendars = await session.CalendarsAsync([key.Season], ct);
        var settings = await session.SettingsAsync(zone, ct);
        return NudgeRules.Plan(org.Id, [candidate], calendars, settings).FirstOrDefault(n => n.Key == key);
    }

    /// <summary>The message as it would go to the candidate (throws <see cref="ArgumentException"/> as the composer does).</summary>
    public static MimeMessage Compose(Nudge nudge, NudgeSender sender, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(nudge);
        return NudgeEmailComposer.Compose(nudge, sender, UnsubscribeToken.NewRandom(nudge.Key.Tenant), now);
    }

    /// <summary>
    /// The same message addressed to <paramref name="recipientAddress"/>, its subject marked as a test. It carries
    /// neither the nudge key nor the key's Message-Id, so no pickup folder or receiving server can take it for the
    /// candidate's message, and no unsubscribe headers, so a mail client offers no unsubscribe button for it.
    /// </summary>
    public static MimeMessage TestCopy(Nudge nudge, NudgeSender sender, string recipientName, string recipientAddress, DateTimeOffset now)
    {
        var message = Compose(nudge, sender, now);
        var to = HeaderText.BareAddress(recipientAddress, nameof(recipientAddress));
        message.To.Clear();
        message.To.Add(new MailboxAddress(HeaderText.Clean(recipientName ?? ""), to));
        message.Subject = HeaderText.Clean(TestSubjectPrefix + message.Subject, HeaderText.MaxLineLength);
        message.Headers.Remove(NudgeEmailComposer.NudgeKeyHeader);
        message.Headers.Remove(HeaderId.ListUnsubscribe);
        message.Headers.Remove("List-Unsubscribe-Post");
        var from = message.From.Mailboxes.First().Address;
        message.MessageId = MimeUtils.GenerateMessageId(from[(from.LastIndexOf('@') + 1)..]);
        return message;
    }
}
