using System.Text;

namespace SmartPick.Catalog.Sheet;

/// <summary>
/// A problem found while reading a sheet: the 1-based line (CSV) or row (XLSX) where the record starts,
/// the column it concerns (null when it concerns the whole row), the cell's text as read, and what is wrong.
/// </summary>
public sealed record SheetIssue(int Line, string? Column, string? Value, string Message)
{
    /// <summary>The cell's text as it is shown and stored with the preview: see <see cref="ShownText.Of"/>.</summary>
    public string? Value { get; init; } = ShownText.Of(Value);

    public override string ToString() =>
        Column is null ? $"line {Line}: {Message}" : $"line {Line}, {Column} '{Value}': {Message}";
}

/// <summary>
/// Text a sheet brought that is only shown back, never imported (a refused cell's value, the file's name): the
/// importer stores it with the preview and the page shows it, so it must be storable and must not disturb the page.
/// Control characters other than tabs and line breaks become their visible symbols (NUL is shown as ␀; PostgreSQL
/// cannot store it in a JSON document), directional overrides and lone surrogates become U+FFFD (an override would
/// reorder the text around it), and a long value is cut.
/// </summary>
public static class ShownText
{
    public const int MaxLength = 200;

    public static string? Of(string? text)
    {
        if (text is null) return null;
        var cut = text.Length > MaxLength;
        var end = cut ? MaxLength : text.Length;
        var shown = new StringBuilder(end + 1);
        for (var i = 0; i < end; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < end && char.IsLowSurrogate(text[i + 1]))
            {
                shown.Append(c).Append(text[++i]);
                continue;
            }
            shown.Append(c switch
            {
                '\t' or '\n' or '\r' => c,
                < '\u0020' => (char)('\u2400' + c),
                '\u007F' => '\u2421',
                _ when char.IsControl(c) || char.IsSurrogate(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' => '\uFFFD',
                _ => c,
            });
        }
        return cut ? shown.Append('…').ToString() : shown.ToString();
    }
}
