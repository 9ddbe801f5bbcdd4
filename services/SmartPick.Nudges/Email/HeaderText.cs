using System.Globalization;
using System.Text;

namespace SmartPick.Nudges.Email;

/// <summary>
/// Makes user-entered text (names, organization and program names) safe to place in a header or on one
/// line of a body: no control characters (CR, LF, NUL, TAB…), no line or paragraph separators, no
/// invisible format characters (bidi overrides, zero-width), no encoded-word lookalikes (<c>=?</c>), runs of
/// white space collapsed, and a length limit cut on a whole-character boundary.
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
