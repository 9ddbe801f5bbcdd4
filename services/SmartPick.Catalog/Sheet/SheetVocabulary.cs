using System.Globalization;
using SmartPick.Matching.Model;

namespace SmartPick.Catalog.Sheet;

/// <summary>
/// How values are spelled in a sheet cell. Writing always uses the canonical spelling of the shared catalog
/// file: yes/no/unknown columns and program_type / min_step2ck_strictness say "unknown" when unknown,
/// numbers and dates are left empty when unknown, numbers use the invariant culture and keep the decimal
/// places they were read with. Reading is lenient where no meaning is lost: enum words in any case, an
/// empty yes/no/unknown, program_type or strictness cell reads as unknown.
/// </summary>
internal static class SheetVocabulary
{
    public const string Unknown = "unknown";
    public const string DateFormat = "yyyy-MM-dd";

    public static string Spell(Tristate value) => value switch
    {
        Tristate.Yes => "yes",
        Tristate.No => "no",
        _ => Unknown,
    };

    public static string Spell(Track value) => value switch
    {
        Track.Categorical => "categorical",
        Track.Preliminary => "preliminary",
        Track.Advanced => "advanced",
        Track.Physician => "physician",
        Track.Primary => "primary",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "not a track"),
    };

    public static string Spell(ProgramType value) => value switch
    {
        ProgramType.Community => "community",
        ProgramType.CommunityUniversity => "community-university",
        ProgramType.University => "university",
        _ => Unknown,
    };

    public static string Spell(Strictness value) => value switch
    {
        Strictness.Cutoff => "cutoff",
        Strictness.Preference => "preference",
        _ => Unknown,
    };

    public static string Spell(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    public static string Spell(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    public static string Spell(DateOnly? value) => value?.ToString(DateFormat, CultureInfo.InvariantCulture) ?? "";

    public static bool TryParseTristate(string cell, out Tristate value) =>
        TryParseWord(cell, out value, ("yes", Tristate.Yes), ("no", Tristate.No), (Unknown, Tristate.Unknown), ("", Tristate.Unknown));

    public static bool TryParseTrack(string cell, out Track value) =>
        TryParseWord(cell, out value, ("categorical", Track.Categorical), ("preliminary", Track.Preliminary),
            ("advanced", Track.Advanced), ("physician", Track.Physician), ("primary", Track.Primary));

    public static bool TryParseProgramType(string cell, out ProgramType value) =>
        TryParseWord(cell, out value, ("community", ProgramType.Community),
            ("community-university", ProgramType.CommunityUniversity), ("university", ProgramType.University),
            (Unknown, ProgramType.Unknown), ("", ProgramType.Unknown));

    public static bool TryParseStrictness(string cell, out Strictness value) =>
        TryParseWord(cell, out value, ("cutoff", Strictness.Cutoff), ("preference", Strictness.Preference),
            (Unknown, Strictness.Unknown), ("", Strictness.Unknown));

    /// <summary>An empty cell is unknown (null); otherwise a plain whole number (a sign is allowed so a range rule can name it).</summary>
    public static bool TryParseWholeNumber(string cell, out int? value)
    {
        value = null;
        var text = cell.Trim();
        if (text.Length == 0) return true;
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)) return false;
        value = number;
        return true;
    }

    /// <summary>An empty cell is unknown (null); otherwise a plain decimal number with a '.' point, no % sign, no thousands separator.</summary>
    public static bool TryParseDecimal(string cell, out decimal? value)
    {
        value = null;
        var text = cell.Trim();
        if (text.Length == 0) return true;
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out var number)) return false;
        value = number;
        return true;
    }

    /// <summary>An empty cell is unknown (null); otherwise an ISO date, yyyy-MM-dd.</summary>
    public static bool TryParseDate(string cell, out DateOnly? value)
    {
        value = null;
        var text = cell.Trim();
        if (text.Length == 0) return true;
        if (!DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return false;
        value = date;
        return true;
    }

    public static string Allowed(params string[] words) => string.Join(" | ", words);

    private static bool TryParseWord<T>(string cell, out T value, params (string Word, T Value)[] words)
    {
        var text = cell.Trim();
        foreach (var (word, candidate) in words)
        {
            if (string.Equals(text, word, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }
        value = default!;
        return false;
    }
}
