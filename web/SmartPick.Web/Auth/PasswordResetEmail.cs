using SmartPick.Contracts;
using System.Text.Encodings.Web;
using MimeKit;

namespace SmartPick.Web.Auth;

/// <summary>
/// The password reset email: one recipient, a text and an HTML part, the link and how long it works.
/// Names reach headers only through <see cref="HeaderText.Clean"/>; addresses must be bare <c>local@domain</c>
/// (<see cref="HeaderText.BareAddress"/>), so no stored text can add a header or a recipient.
/// </summary>
public static class PasswordResetEmail
{
    public const string Subject = "Choose a new SmartPick password";

    public static MimeMessage Compose(string toAddress, string? toName, string fromAddress, string? fromName, Uri link, TimeSpan lifetime, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (!link.IsAbsoluteUri || (link.Scheme != Uri.UriSchemeHttps && link.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("The reset link must be an absolute http(s) URL.", nameof(link));
        }

        var to = HeaderText.BareAddress(toAddress, nameof(toAddress));
        var from = HeaderText.BareAddress(fromAddress, nameof(fromAddress));
        var name = HeaderText.Clean(toName);
        var sender = HeaderText.Clean(fromName);

        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(sender.Length > 0 ? sender : "SmartPick", from));
        message.To.Add(new MailboxAddress(name, to));
        message.Subject = Subject;
        message.Date = now;
        message.MessageId = $"password-reset.{Guid.NewGuid():N}@{from[(from.LastIndexOf('@') + 1)..]}";
        // Automated mail: asks well-behaved servers not to send vacation replies back.
        message.Headers.Add("Auto-Submitted", "auto-generated");

        var url = link.AbsoluteUri;
        var greeting = name.Length > 0 ? $"Dear {name}," : "Hello,";
        var hours = Math.Max(1, (int)Math.Round(lifetime.TotalHours));
        var works = $"The link works once, for {hours} hour{(hours == 1 ? "" : "s")}.";
        const string notYou = "If you did not ask for this, ignore this email: your password stays as it is.";
        var html = HtmlEncoder.Default;
        message.Body = new BodyBuilder
        {
            TextBody = $"{greeting}\n\nSomeone (we hope you) asked to reset the password of your SmartPick account. "
                       + $"Open this link to choose a new one:\n\n{url}\n\n{works}\n\n{notYou}\n",
            HtmlBody = $"<p>{html.Encode(greeting)}</p>"
                       + "<p>Someone (we hope you) asked to reset the password of your SmartPick account.</p>"
                       + $"<p><a href=\"{html.Encode(url)}\">Choose a new password</a></p>"
                       + $"<p>{html.Encode(works)}</p><p>{html.Encode(notYou)}</p>",
        }.ToMessageBody();
        return message;
    }
}
