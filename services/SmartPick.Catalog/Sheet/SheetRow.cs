using SmartPick.Matching.Model;

namespace SmartPick.Catalog.Sheet;

/// <summary>
/// One program as the sheet's cells, in <see cref="SheetColumns.InOrder"/>, and back. Reading reports each
/// cell it cannot understand and then applies <see cref="ProgramRules"/>, so a sheet row and a program saved
/// through the editor are held to the same rules.
/// </summary>
internal static class SheetRow
{
    public static string[] ToCells(CatalogProgram p) =>
    [
        p.ProgramCode, p.ProgramName, p.Institution, p.City, p.State, p.SpecialtyCode, p.Specialty,
        SheetVocabulary.Spell(p.Track), SheetVocabulary.Spell(p.ProgramType), SheetVocabulary.Spell(p.Positions),
        SheetVocabulary.Spell(p.ImgShare), SheetVocabulary.Spell(p.VisaJ1), SheetVocabulary.Spell(p.VisaH1b),
        SheetVocabulary.Spell(p.MinStep2Ck), SheetVocabulary.Spell(p.MinStep2CkStrictness),
        SheetVocabulary.Spell(p.MaxYearsSinceGraduation), SheetVocabulary.Spell(p.UsceRequired),
        SheetVocabulary.Spell(p.MinUsceMonths), p.Notes, p.Source, SheetVocabulary.Spell(p.ObservedOn),
        SheetVocabulary.Spell(p.NonUsImgInterviewRate), SheetVocabulary.Spell(p.UsImgInterviewRate),
        SheetVocabulary.Spell(p.SignalInterviewRate), SheetVocabulary.Spell(p.NoSignalInterviewRate),
        p.EvidenceSource, p.EvidenceObservedOn,
    ];

    /// <summary>
    /// Reads the cells of one data row (exactly one per column, formula guard already undone). Returns the
    /// program, or null with the problems added to <paramref name="errors"/>.
    /// </summary>
    public static CatalogProgram? FromCells(IReadOnlyList<string> cells, int line, List<SheetIssue> errors)
    {
        if (cells.Count != SheetColumns.InOrder.Count)
            throw new ArgumentException($"expected {SheetColumns.InOrder.Count} cells", nameof(cells));

        var problems = new List<SheetIssue>();
        var failed = new HashSet<string>(StringComparer.Ordinal);
        string Cell(int index) => cells[index];
        void Fail(int index, string message)
        {
            var column = SheetColumns.InOrder[index];
            failed.Add(column);
            problems.Add(new SheetIssue(line, column, cells[index], message));
        }

        T Parse<T>(int index, TryParse<T> parse, string expected, T fallback)
        {
            if (parse(Cell(index), out var value)) return value;
            Fail(index, expected);
            return fallback;
        }

        const string yesNo = "must be yes, no or unknown (empty means unknown)";
        const string rate = "must be a share from 0 to 1 written as a plain number (0.03 for 3%, no % sign), or empty when not published";
        var specialtyCode = Cell(5).Trim();
        var specialtyName = Cell(6).Trim();
        // Accept the registry's name in any letter case; the sheet then carries the registry's spelling.
        if (Specialties.ByCode(specialtyCode) is { } known && string.Equals(specialtyName, known.Name, StringComparison.OrdinalIgnoreCase))
            specialtyName = known.Name;

        var program = new CatalogProgram
        {
            ProgramCode = Cell(0).Trim(),
            ProgramName = Cell(1),
            Institution = Cell(2),
            City = Cell(3),
            State = Cell(4).Trim().ToUpperInvariant(),
            SpecialtyCode = specialtyCode,
            Specialty = specialtyName,
            Track = Parse<Track>(7, SheetVocabulary.TryParseTrack,
                "must be " + SheetVocabulary.Allowed("categorical", "preliminary", "advanced", "physician", "primary"), UnreadTrack),
            ProgramType = Parse<ProgramType>(8, SheetVocabulary.TryParseProgramType,
                "must be " + SheetVocabulary.Allowed("community", "community-university", "university", "unknown"), default),
            Positions = Parse<int?>(9, SheetVocabulary.TryParseWholeNumber, "must be a whole number of positions, or empty", null),
            ImgShare = Parse<decimal?>(10, SheetVocabulary.TryParseDecimal, "must be a percent from 0 to 100 written as a plain number (no % sign), or empty", null),
            VisaJ1 = Parse<Tristate>(11, SheetVocabulary.TryParseTristate, yesNo, default),
            VisaH1b = Parse<Tristate>(12, SheetVocabulary.TryParseTristate, yesNo, default),
            MinStep2Ck = Parse<int?>(13, SheetVocabulary.TryParseWholeNumber, "must be a whole-number Step 2 CK score, or empty", null),
            MinStep2CkStrictness = Parse<Strictness>(14, SheetVocabulary.TryParseStrictness,
                "must be " + SheetVocabulary.Allowed("cutoff", "preference", "unknown"), default),
            MaxYearsSinceGraduation = Parse<int?>(15, SheetVocabulary.TryParseWholeNumber, "must be a whole number of years, or empty", null),
            UsceRequired = Parse<Tristate>(16, SheetVocabulary.TryParseTristate, yesNo, default),
            MinUsceMonths = Parse<decimal?>(17, SheetVocabulary.TryParseDecimal, "must be a number of months, or empty", null),
            Notes = Cell(18),
            Source = Cell(19),
            ObservedOn = Parse<DateOnly?>(20, SheetVocabulary.TryParseDate, "must be a date written yyyy-MM-dd, or empty", null),
            NonUsImgInterviewRate = Parse<decimal?>(21, SheetVocabulary.TryParseDecimal, rate, null),
            UsImgInterviewRate = Parse<decimal?>(22, SheetVocabulary.TryParseDecimal, rate, null),
            SignalInterviewRate = Parse<decimal?>(23, SheetVocabulary.TryParseDecimal, rate, null),
            NoSignalInterviewRate = Parse<decimal?>(24, SheetVocabulary.TryParseDecimal, rate, null),
            EvidenceSource = Cell(25),
            EvidenceObservedOn = Cell(26).Trim(),
        };

        foreach (var violation in ProgramRules.Validate(program))
        {
            // A cell that could not be read is reported once, not again as a rule on its stand-in value.
            if (failed.Contains(violation.Field) || DependsOnUnreadCell(violation.Field, failed)) continue;
            var index = IndexOf(violation.Field);
            problems.Add(new SheetIssue(line, violation.Field, index >= 0 ? cells[index] : null, violation.Message));
        }

        errors.AddRange(problems);
        return problems.Count == 0 ? program : null;
    }

    /// <summary>Stands in for a track that could not be read; not a defined value, so no rule compares against it.</summary>
    private const Track UnreadTrack = (Track)(-1);

    private static bool DependsOnUnreadCell(string field, HashSet<string> failed) => field switch
    {
        SheetColumns.MinStep2CkStrictness => failed.Contains(SheetColumns.MinStep2Ck),
        SheetColumns.MinUsceMonths => failed.Contains(SheetColumns.UsceRequired),
        _ => false,
    };

    private static int IndexOf(string column)
    {
        for (var i = 0; i < SheetColumns.InOrder.Count; i++)
            if (SheetColumns.InOrder[i] == column) return i;
        return -1;
    }

    private delegate bool TryParse<T>(string cell, out T value);
}
