using System.Globalization;
using System.Text.RegularExpressions;
using SmartPick.Matching.Model;

namespace SmartPick.Catalog.Sheet;

/// <summary>One broken rule of a program: the snake_case field (the sheet's column name) and what is wrong.</summary>
public sealed record ProgramRuleViolation(string Field, string Message);

/// <summary>
/// The rules one catalog program must satisfy, whether it arrives as a sheet row or through the catalog
/// editor: pure, no I/O. Format problems (a word where a number belongs) are the reader's concern; these
/// are the value rules: ranges, lengths, known codes and fields that must agree with each other.
/// </summary>
public static partial class ProgramRules
{
    public const int MaxCodeLength = 20;
    public const int MaxNameLength = 200;
    public const int MaxCityLength = 100;
    public const int MaxSourceLength = 300;
    public const int MaxNotesLength = 2000;
    public const int MaxPositions = 500;
    public const int MaxStep2Ck = 300;
    public const int MaxYearsSinceGraduation = 60;
    public const decimal MaxUsceMonths = 120m;
    public const int MaxDecimalPlaces = 2;
    public static readonly DateOnly EarliestObservedOn = new(2000, 1, 1);
    public static readonly DateOnly LatestObservedOn = new(2099, 12, 31);
    /// <summary>Interview rates are shares (0.03 is 3%); four places keep a hundredth of a percent.</summary>
    public const int MaxRateDecimalPlaces = 4;
    public const string EvidenceMonthFormat = "yyyy-MM";

    /// <summary>An evidence date: a month (yyyy-MM) or a day (yyyy-MM-dd); which of them is what the source says.</summary>
    [GeneratedRegex("^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$")]
    private static partial Regex EvidenceDateShape();

    /// <summary>NRMP program code: 4-digit institution, 3-digit specialty, track letter, digit.</summary>
    [GeneratedRegex("^[0-9]{7}[A-Z][0-9]$")]
    private static partial Regex NrmpShape();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]*$")]
    private static partial Regex CodeCharacters();

    /// <summary>The NRMP track letter in a program code (the eighth character) for each track.</summary>
    public static char NrmpTrackLetter(Track track) => track switch
    {
        Track.Categorical => 'C',
        Track.Preliminary => 'P',
        Track.Advanced => 'A',
        Track.Physician => 'R',
        Track.Primary => 'M',
        _ => '?',
    };

    public static IReadOnlyList<ProgramRuleViolation> Validate(CatalogProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        var errors = new List<ProgramRuleViolation>();
        void Fail(string field, string message) => errors.Add(new ProgramRuleViolation(field, message));

        var specialty = Specialties.ByCode(program.SpecialtyCode ?? "");

        CheckCode(program, specialty, Fail);
        RequiredText(program.ProgramName, SheetColumns.ProgramName, MaxNameLength, Fail);
        OptionalText(program.Institution, SheetColumns.Institution, MaxNameLength, Fail);
        OptionalText(program.City, SheetColumns.City, MaxCityLength, Fail);
        if (program.State is null || (program.State.Length > 0 && !UsStates.IsKnown(program.State)))
            Fail(SheetColumns.State, "must be a two-letter US state or territory code (e.g. NY), or empty when unknown");

        if (specialty is null)
            Fail(SheetColumns.SpecialtyCode, "is not a known NRMP specialty code (e.g. 140 for Internal Medicine)");
        else if (!string.Equals(program.Specialty, specialty.Name, StringComparison.Ordinal))
            Fail(SheetColumns.Specialty, $"does not agree with specialty code {specialty.Code}, which is '{specialty.Name}'");

        Defined(program.Track, SheetColumns.Track, Fail);
        Defined(program.ProgramType, SheetColumns.ProgramType, Fail);
        Defined(program.VisaJ1, SheetColumns.VisaJ1, Fail);
        Defined(program.VisaH1b, SheetColumns.VisaH1b, Fail);
        Defined(program.MinStep2CkStrictness, SheetColumns.MinStep2CkStrictness, Fail);
        Defined(program.UsceRequired, SheetColumns.UsceRequired, Fail);

        InRange(program.Positions, 0, MaxPositions, SheetColumns.Positions, Fail);
        InRange(program.ImgShare, 0m, 100m, SheetColumns.ImgShare, Fail);
        InRange(program.MinStep2Ck, 1, MaxStep2Ck, SheetColumns.MinStep2Ck, Fail);
        InRange(program.MaxYearsSinceGraduation, 0, MaxYearsSinceGraduation, SheetColumns.MaxYearsSinceGraduation, Fail);
        InRange(program.MinUsceMonths, 0m, MaxUsceMonths, SheetColumns.MinUsceMonths, Fail);

        // A cutoff or preference on nothing cannot be applied; the engine would silently ignore it.
        if (program.MinStep2Ck is null && program.MinStep2CkStrictness != Strictness.Unknown)
            Fail(SheetColumns.MinStep2CkStrictness, "says cutoff or preference but min_step2ck is empty");
        if (program.UsceRequired == Tristate.No && program.MinUsceMonths > 0)
            Fail(SheetColumns.MinUsceMonths, "asks for US clinical months but usce_required is no");

        OptionalText(program.Notes, SheetColumns.Notes, MaxNotesLength, Fail, allowLineBreaks: true);
        OptionalText(program.Source, SheetColumns.Source, MaxSourceLength, Fail);
        if (program.ObservedOn is { } observed && (observed < EarliestObservedOn || observed > LatestObservedOn))
            Fail(SheetColumns.ObservedOn, $"must be between {EarliestObservedOn:yyyy-MM-dd} and {LatestObservedOn:yyyy-MM-dd}");

        Rate(program.NonUsImgInterviewRate, SheetColumns.NonUsImgInterviewRate, Fail);
        Rate(program.UsImgInterviewRate, SheetColumns.UsImgInterviewRate, Fail);
        Rate(program.SignalInterviewRate, SheetColumns.SignalInterviewRate, Fail);
        Rate(program.NoSignalInterviewRate, SheetColumns.NoSignalInterviewRate, Fail);
        OptionalText(program.EvidenceSource, SheetColumns.EvidenceSource, MaxSourceLength, Fail);
        CheckEvidenceDate(program.EvidenceObservedOn, Fail);
        return errors;
    }

    /// <summary>
    /// The first day an evidence date covers: the month's first day for yyyy-MM. Null when the text is not such a
    /// date (or is empty).
    /// </summary>
    public static DateOnly? EvidenceDateStart(string? text)
    {
        if (text is null || !EvidenceDateShape().IsMatch(text)) return null;
        var format = text.Length == EvidenceMonthFormat.Length ? EvidenceMonthFormat : SheetVocabulary.DateFormat;
        return DateOnly.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
    }

    /// <summary>What is wrong with an interview rate (a share from 0 to 1), or null when it is fine or unknown.</summary>
    public static string? RateProblem(decimal? value)
    {
        if (value is not { } v) return null;
        // A person who types 3 (or 3%) means three percent; say so rather than only quoting the range.
        if (v > 1m) return string.Create(CultureInfo.InvariantCulture, $"must be a share from 0 to 1, not a percent: write {v / 100m:0.####} for {v}%");
        if (v < 0m) return "must be a share from 0 to 1";
        if (v.Scale > MaxRateDecimalPlaces && decimal.Round(v, MaxRateDecimalPlaces) != v)
            return $"has more than {MaxRateDecimalPlaces} decimal places";
        return null;
    }

    /// <summary>What is wrong with an evidence date (yyyy-MM or yyyy-MM-dd), or null when it is fine or empty.</summary>
    public static string? EvidenceDateProblem(string? text)
    {
        if (text is null) return "must not be null (use an empty value when unknown)";
        if (text.Length == 0) return null;
        if (EvidenceDateStart(text) is not { } start)
            return "must be a month written yyyy-MM or a date written yyyy-MM-dd, or empty when unknown";
        if (start < EarliestObservedOn || start > LatestObservedOn)
            return $"must be between {EarliestObservedOn:yyyy-MM} and {LatestObservedOn:yyyy-MM}";
        return null;
    }

    private static void Rate(decimal? value, string field, Action<string, string> fail)
    {
        if (RateProblem(value) is { } problem) fail(field, problem);
    }

    private static void CheckEvidenceDate(string? text, Action<string, string> fail)
    {
        if (EvidenceDateProblem(text) is { } problem) fail(SheetColumns.EvidenceObservedOn, problem);
    }

    private static void CheckCode(CatalogProgram program, SpecialtyInfo? specialty, Action<string, string> fail)
    {
        var code = program.ProgramCode ?? "";
        if (code.Length == 0) { fail(SheetColumns.ProgramCode, "is required"); return; }
        if (code.Length > MaxCodeLength) { fail(SheetColumns.ProgramCode, $"is longer than {MaxCodeLength} characters"); return; }
        if (!CodeCharacters().IsMatch(code)) { fail(SheetColumns.ProgramCode, "may hold only letters, digits and '-'"); return; }
        // Agencies may use their own codes; a code in the NRMP shape must however say what the row says.
        if (!NrmpShape().IsMatch(code)) return;
        if (specialty is not null && code[4..7] != specialty.Code)
            fail(SheetColumns.ProgramCode, $"names specialty {code[4..7]} but specialty_code is {specialty.Code}");
        if (Enum.IsDefined(program.Track) && code[7] != NrmpTrackLetter(program.Track))
            fail(SheetColumns.ProgramCode, $"has track letter {code[7]} but track {SheetVocabulary.Spell(program.Track)} is {NrmpTrackLetter(program.Track)}");
    }

    private static void RequiredText(string? value, string field, int maxLength, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(value)) fail(field, "is required");
        else OptionalText(value, field, maxLength, fail);
    }

    private static void OptionalText(string? value, string field, int maxLength, Action<string, string> fail,
        bool allowLineBreaks = false)
    {
        if (value is null) { fail(field, "must not be null (use an empty value when unknown)"); return; }
        if (value.Length > maxLength) fail(field, $"is longer than {maxLength} characters");
        foreach (var c in value)
        {
            if (char.IsControl(c) && !(allowLineBreaks && c is '\n' or '\r' or '\t'))
            {
                fail(field, allowLineBreaks
                    ? "contains a control character"
                    : "contains a line break or control character");
                return;
            }
        }
    }

    private static void Defined<TEnum>(TEnum value, string field, Action<string, string> fail) where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value)) fail(field, "is not one of the allowed values");
    }

    private static void InRange(int? value, int min, int max, string field, Action<string, string> fail)
    {
        if (value is { } v && (v < min || v > max)) fail(field, $"must be a whole number from {min} to {max}");
    }

    private static void InRange(decimal? value, decimal min, decimal max, string field, Action<string, string> fail)
    {
        if (value is not { } v) return;
        if (v < min || v > max) fail(field, $"must be a number from {min} to {max}");
        else if (v.Scale > MaxDecimalPlaces && decimal.Round(v, MaxDecimalPlaces) != v)
            fail(field, $"has more than {MaxDecimalPlaces} decimal places");
    }
}
