namespace SmartPick.Catalog.Sheet;

/// <summary>
/// Keeps an exported cell from being run as a formula when a person opens the file in a spreadsheet
/// ("CSV injection"): a cell that starts with =, +, -, @, a tab or a carriage return gets a leading
/// apostrophe, which spreadsheets show as text. Cells that already look guarded (apostrophes followed by
/// one of those characters) get one more apostrophe, so <see cref="Unguard"/> — applied by every import —
/// gives back exactly the original text: a guarded export re-imports to the same programs.
/// </summary>
public static class FormulaGuard
{
    public const char Marker = '\'';

    private static bool IsTrigger(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>True when the text is one or more apostrophes followed by a trigger character.</summary>
    private static bool IsGuarded(string text)
    {
        var i = 0;
        while (i < text.Length && text[i] == Marker) i++;
        return i > 0 && i < text.Length && IsTrigger(text[i]);
    }

    public static bool NeedsGuard(string text) =>
        text.Length > 0 && (IsTrigger(text[0]) || IsGuarded(text));

    public static string Guard(string text) => NeedsGuard(text) ? Marker + text : text;

    public static string Unguard(string text) => IsGuarded(text) ? text[1..] : text;
}
