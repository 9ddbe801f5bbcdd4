using System.Globalization;
using System.Text;

namespace SmartPick.Nudges.Email;

/// <summary>
/// Makes user-entered text (names, organization and program names) safe to place in a header or on one
/// line of a body: no control characters (CR, LF, NUL, TAB…), no line or paragraph separators, no
/// invisible format characters (bidi overrides, zero-width), runs of white space collapsed, and a
/// length limit cut on a whole-character boundary.
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

            if (category is UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
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

        return Truncate(builder.ToString(), maxLength);
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
