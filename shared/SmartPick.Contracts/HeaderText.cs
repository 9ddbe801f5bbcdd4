using System.Globalization;
using System.Text;
using MimeKit;

namespace SmartPick.Contracts;

/// <summary>
/// Makes user-entered text (names, organization and program names) safe to place in a header or on one
/// line of a body: no control characters (CR, LF, NUL, TAB…), no line or paragraph separators, no
/// invisible format characters (bidi overrides, zero-width), no encoded-word lookalikes (<c>=?</c>), runs of
/// white space collapsed, and a length limit cut on a whole-character boundary. Addresses reach a message only as
/// one bare <c>local@domain</c> (<see cref="BareAddress"/>). Every mail the product sends (nudges, account mail)
/// goes through these rules, so no stored text can add a header or a recipient.
/// </summary>
public static class HeaderText
{
    public const int MaxNameLength = 100;
    public const int MaxLineLength = 300;

    public static string Clean(string? text, int maxLength = MaxNameLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (Rune.IsWhiteSpace(rune) || Rune.IsControl(rune)
                || category is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            // Invisible format characters (bidi overrides, zero-width space) can disguise a name; the
            // zero-width (non-)joiner stays because scripts such as Persian and Devanagari and emoji need it.
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

        // MimeKit writes "=?…?=" in a name as is, and a reader would decode it as an encoded word
        // (possibly into a line break); a space after "=" keeps it literal text.
        return Truncate(builder.ToString(), maxLength).Replace("=?", "= ?", StringComparison.Ordinal);
    }

    /// <summary>
    /// Accepts only a bare <c>local@domain</c> that MimeKit parses to itself: a display name, a second address, a
    /// group or a control character in a stored address would otherwise become part of the envelope. Throws otherwise.
    /// </summary>
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

    private static string Truncate(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var info = new StringInfo(text);
        var length = 0;
        var elements = 0;
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            var element = enumerator.GetTextElement();
            if (length + element.Length > maxLength - 1)
            {
                break;
            }

            length += element.Length;
            elements++;
        }

        return info.SubstringByTextElements(0, elements).TrimEnd() + "…";
    }
}
