using SmartPick.Contracts;
using System.Text;
using System.Text.Encodings.Web;
using MimeKit;
using SmartPick.Nudges.Calendar;
using SmartPick.Nudges.Rules;

namespace SmartPick.Nudges.Email;

/// <summary>
/// Builds the email for one nudge: one recipient, a text and an HTML alternative, one-click unsubscribe
/// headers and a Message-Id derived from the nudge key (a repeated send carries the same id).
/// User text never reaches a header unfiltered: names are cleaned by <see cref="HeaderText"/> and encoded
/// by MimeKit; addresses must be bare <c>local@domain</c>; anything else is refused with an
/// <see cref="ArgumentException"/>.
/// </summary>
public static class NudgeEmailComposer
{
    public const string NudgeKeyHeader = "X-SmartPick-Nudge-Key";

    public static MimeMessage Compose(Nudge nudge, NudgeSender sender, UnsubscribeToken unsubscribe, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(nudge);
        ArgumentNullException.ThrowIfNull(sender);
        if (unsubscribe.Tenant != nudge.Key.Tenant)
        {
            throw new ArgumentException("The unsubscribe token belongs to another tenant.", nameof(unsubscribe));
        }

        var from = HeaderText.BareAddress(sender.FromAddress, nameof(sender));
        var to = HeaderText.BareAddress(nudge.Candidate.Email, nameof(nudge));
        var unsubscribeUrl = UnsubscribeUrl(sender.UnsubscribeBaseUrl, unsubscribe);
        var organization = HeaderText.Clean(sender.OrganizationName);
        var senderName = HeaderText.Clean(sender.SenderName);
        var content = NudgeContent.For(nudge, organization);

        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(senderName.Length > 0 ? senderName : organization, from));
        message.To.Add(new MailboxAddress(HeaderText.Clean(nudge.Candidate.Name), to));
        message.Subject = HeaderText.Clean(content.Subject, HeaderText.MaxLineLength);
        message.Date = now;
        message.MessageId = nudge.Key.MessageId(from[(from.LastIndexOf('@') + 1)..]);
        message.Headers.Add(NudgeKeyHeader, nudge.Key.ToString());
        message.Headers.Add(HeaderId.ListUnsubscribe, ListUnsubscribe(unsubscribeUrl, sender.UnsubscribeMailbox, unsubscribe));
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        // Automated mail: asks well-behaved servers not to send vacation replies back.
        message.Headers.Add("Auto-Submitted", "auto-generated");

        var body = new BodyBuilder
        {
            TextBody = content.Text(unsubscribeUrl),
            HtmlBody = content.Html(unsubscribeUrl),
        };
        message.Body = body.ToMessageBody();
        return message;
    }


    private static string UnsubscribeUrl(string baseUrl, UnsubscribeToken token)
    {
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || baseUrl.Any(char.IsControl))
        {
            throw new ArgumentException("The unsubscribe base URL must be an absolute http(s) URL without query.", nameof(baseUrl));
        }

        return $"{uri.GetLeftPart(UriPartial.Path).TrimEnd('/')}/u/{token.Value}";
    }

    private static string ListUnsubscribe(string url, string? mailbox, UnsubscribeToken token)
    {
        if (string.IsNullOrWhiteSpace(mailbox))
        {
            return $"<{url}>";
        }

        var address = HeaderText.BareAddress(mailbox, nameof(mailbox));
        return $"<{url}>, <mailto:{address}?subject=unsubscribe%20{token.Value}>";
    }
}

/// <summary>Subject and bodies of one nudge; every piece of user text is encoded for HTML.</summary>
internal sealed record NudgeContent(string Subject, string Greeting, IReadOnlyList<Section> Sections, string Closing)
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    public static NudgeContent For(Nudge nudge, string organization)
    {
        var zone = nudge.RecipientTimeZone;
        var when = OrgTime.FormatLong(nudge.ExpiresAt, zone);
        var date = OrgTime.FormatDate(nudge.ExpiresAt, zone);
        var name = HeaderText.Clean(nudge.Candidate.Name);
        var greeting = name.Length > 0 ? $"Dear {name}," : "Hello,";
        var closing = organization.Length > 0 ? $"Your advisors at {organization}" : "Your advisors";

        return nudge.Kind switch
        {
            NudgeKind.Reapplication => new NudgeContent(
                $"ERAS opens {date}: plan your {nudge.Season} Match application",
                greeting,
                [
                    new Section($"ERAS opens for the {nudge.Season} Match on {when}. Your last cycle did not end in a match; here is where your file stands now.", []),
                    .. OutlookSection(nudge),
                    new Section("Progress since your last cycle:", Lines(nudge.Candidate.ProgressLines, "Nothing recorded yet.")),
                    new Section("Still open:", Lines(nudge.Candidate.OpenGaps, "No open gaps recorded.")),
                    new Section("Talk to your advisor about the programs to apply to before submission opens.", []),
                ],
                closing),
            NudgeKind.RankList => new NudgeContent(
                $"Certify your rank order list by {date}",
                greeting,
                [
                    new Section($"You interviewed with these programs in the {nudge.Season} Match season:", Lines(nudge.InterviewPrograms, "")),
                    new Section($"Your rank order list is not certified yet. The NRMP deadline is {when}. A list that is not certified by then does not take part in the Match.", []),
                    .. OutlookSection(nudge),
                ],
                closing),
            _ => throw new ArgumentOutOfRangeException(nameof(nudge), nudge.Kind, "Unknown nudge kind."),
        };
    }

    /// <summary>The candidate's outlook as every other surface words it, when the file has one.</summary>
    private static IEnumerable<Section> OutlookSection(Nudge nudge)
    {
        var headline = HeaderText.Clean(nudge.Candidate.Outlook ?? "", HeaderText.MaxLineLength);
        return headline.Length == 0 ? [] : [new Section("Your outlook: " + headline, [])];
    }

    public string Text(string unsubscribeUrl)
    {
        var text = new StringBuilder().Append(Greeting).Append("\n\n");
        foreach (var section in Sections)
        {
            text.Append(section.Lead).Append('\n');
            foreach (var line in section.Items)
            {
                text.Append("- ").Append(line).Append('\n');
            }

            text.Append('\n');
        }

        return text.Append(Closing).Append("\n\n--\nTo stop these emails: ").Append(unsubscribeUrl).Append('\n').ToString();
    }

    public string Html(string unsubscribeUrl)
    {
        var html = new StringBuilder("<!DOCTYPE html><html><body>");
        html.Append("<p>").Append(Encode(Greeting)).Append("</p>");
        foreach (var section in Sections)
        {
            html.Append("<p>").Append(Encode(section.Lead)).Append("</p>");
            if (section.Items.Count > 0)
            {
                html.Append("<ul>");
                foreach (var line in section.Items)
                {
                    html.Append("<li>").Append(Encode(line)).Append("</li>");
                }

                html.Append("</ul>");
            }
        }

        html.Append("<p>").Append(Encode(Closing)).Append("</p>");
        html.Append("<p style=\"font-size:small\"><a href=\"").Append(Encode(unsubscribeUrl)).Append("\">Stop these emails</a></p>");
        return html.Append("</body></html>").ToString();
    }

    private static string Encode(string text) => Encoder.Encode(text);

    private static IReadOnlyList<string> Lines(IReadOnlyList<string>? lines, string whenEmpty)
    {
        var cleaned = NudgeRules.Meaningful(lines).Select(l => HeaderText.Clean(l, HeaderText.MaxLineLength)).Where(l => l.Length > 0).ToList();
        return cleaned.Count > 0 || whenEmpty.Length == 0 ? cleaned : [whenEmpty];
    }
}

/// <summary>A paragraph with an optional bullet list.</summary>
internal sealed record Section(string Lead, IReadOnlyList<string> Items);
