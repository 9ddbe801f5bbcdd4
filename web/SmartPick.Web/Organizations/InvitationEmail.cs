using System.Globalization;
using System.Text.Encodings.Web;
using MimeKit;
using SmartPick.Contracts;

namespace SmartPick.Web.Organizations;

/// <summary>
/// The invitation email: one recipient, a text and an HTML part, who invites them to which organization and in what
/// role, the link and until when it works. Names reach headers only through <see cref="HeaderText.Clean"/> and
/// addresses must be bare, so no stored text can add a header or a recipient.
/// </summary>
public static class InvitationEmail
{
    public static string SubjectFor(string organizationName) => $"You are invited to {HeaderText.Clean(organizationName)} on SmartPick";

    public static MimeMessage Compose(string toAddress, string fromAddress, string? fromName, string organizationName, string role,
        string? inviterName, string acceptUrl, DateTimeOffset expiresAt, DateTimeOffset now)
    {
        var to = HeaderText.BareAddress(toAddress, nameof(toAddress));
        var from = HeaderText.BareAddress(fromAddress, nameof(fromAddress));
        var sender = HeaderText.Clean(fromName);
        var org = HeaderText.Clean(organizationName);
        var inviter = HeaderText.Clean(inviterName);

        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(sender.Length > 0 ? sender : org, from));
        message.To.Add(new MailboxAddress("", to));
        message.Subject = SubjectFor(org);
        message.Date = now;
        message.MessageId = $"invitation.{Guid.NewGuid():N}@{from[(from.LastIndexOf('@') + 1)..]}";
        message.Headers.Add("Auto-Submitted", "auto-generated");

        var as_ = role switch
        {
            SmartPickRoles.OrgAdmin => "an administrator of the agency",
            SmartPickRoles.Advisor => "an advisor",
            _ => "a candidate, to follow your own file, your list and your reminders",
        };
        var who = inviter.Length > 0 ? $"{inviter} invites you" : "You are invited";
        var until = expiresAt.ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var html = HtmlEncoder.Default;
        message.Body = new BodyBuilder
        {
            TextBody = $"Hello,\n\n{who} to join {org} on SmartPick as {as_}.\n\n"
                       + $"Open this link to create your account:\n\n{acceptUrl}\n\n"
                       + $"The link works once, until {until}. If you did not expect this invitation, ignore this email.\n",
            HtmlBody = "<p>Hello,</p>"
                       + $"<p>{html.Encode(who)} to join <strong>{html.Encode(org)}</strong> on SmartPick as {html.Encode(as_)}.</p>"
                       + $"<p><a href=\"{html.Encode(acceptUrl)}\">Create your account</a></p>"
                       + $"<p>The link works once, until {html.Encode(until)}. If you did not expect this invitation, ignore this email.</p>",
        }.ToMessageBody();
        return message;
    }
}
