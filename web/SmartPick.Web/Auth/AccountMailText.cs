using System.Globalization;
using System.Text;
using MimeKit;

namespace SmartPick.Web.Auth;

/// <summary>
/// What stored text may become in account mail headers: a name with no control, separator or invisible format
/// characters and no encoded-word lookalike (<c>=?</c>), and an address only as one bare <c>local@domain</c>.
/// So no stored name or address can add a header or a recipient. The same rules as the nudges' mail.
/// </summary>
public static class AccountMailText
{
    public const int MaxNameLength = 100;

    /// <summary>The name as one clean line: white space and control runs become one space, cut to <see cref="MaxNameLength"/> on a whole character.</summary>
    public static string Name(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (Rune.IsWhiteSpace(rune) || Rune.IsControl(rune) || category is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            // Bidi overrides and zero-width spaces can disguise a name; the zero-width (non-)joiner stays for the scripts that need it.
            if ((category is UnicodeCategory.Format && rune.Value is not (0x200C or 0x200D))
                || category is UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
            {
                continue;
            }
            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }
            builder.Append(rune.ToString());
        }
        // MimeKit writes "=?…?=" in a name as is, and a reader would decode it as an encoded word; a space keeps it literal.
        return Truncate(builder.ToString()).Replace("=?", "= ?", StringComparison.Ordinal);
    }

    /// <summary>The address when it is one bare <c>local@domain</c> that MimeKit parses to itself; otherwise throws.</summary>
    public static string BareAddress(string? address, string parameterName)
    {
        var candidate = address?.Trim();
        if (string.IsNullOrEmpty(candidate) || candidate.Length > 254
            || candidate.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c is ',' or ';' or '<' or '>' or '"' or '(' or ')' or '\\' or ':')
            || candidate.Count(c => c == '@') != 1 || candidate.StartsWith('@') || candidate.EndsWith('@')
            || !MailboxAddress.TryParse(candidate, out var parsed) || !string.IsNullOrEmpty(parsed.Name)
            || !string.Equals(parsed.Address, candidate, StringComparison.Ordinal))
        {
            throw new ArgumentException("Not a single bare email address.", parameterName);
        }
        return candidate;
    }

    private static string Truncate(string text)
    {
        if (text.Length <= MaxNameLength) return text;
        var length = 0;
        var elements = 0;
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            var element = enumerator.GetTextElement();
            if (length + element.Length > MaxNameLength - 1) break;
            length += element.Length;
            elements++;
        }
        return new StringInfo(text).SubstringByTextElements(0, elements).TrimEnd() + "…";
    }
}
