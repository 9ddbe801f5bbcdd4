namespace SmartPick.Web.Infrastructure;

/// <summary>
/// What text the product accepts from outside, decided once for every input (JSON bodies, forms, query strings,
/// route values): printable text in any script, plus tab, carriage return and line feed. Refused: the other C0
/// controls (U+0000 among them, which PostgreSQL cannot store), DEL and the C1 controls, the bidirectional
/// embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069, which make a name display as something
/// else), unpaired surrogates and the non-characters U+FFFE/U+FFFF. Right-to-left text needs none of these; the
/// implicit marks U+200E/U+200F stay allowed.
/// </summary>
public static class AcceptedText
{
    public const string RefusedMessage =
        "must not contain control characters, bidirectional override characters or broken Unicode (tab and line breaks are fine)";

    /// <summary>Whether <paramref name="text"/> is accepted; <paramref name="lineBreaks"/> false also refuses tab, CR and LF.</summary>
    public static bool IsAccepted(ReadOnlySpan<char> text, bool lineBreaks = true)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x20)
            {
                if (lineBreaks && c is '\t' or '\r' or '\n') continue;
                return false;
            }
            if (c < 0x7F) continue;
            if (c <= 0x9F) return false;
            if (c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\uFFFE' or '\uFFFF') return false;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
                return false;
            }
            if (char.IsLowSurrogate(c)) return false;
        }
        return true;
    }
}
