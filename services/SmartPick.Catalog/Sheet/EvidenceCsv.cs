using System.Text;

namespace SmartPick.Catalog.Sheet;

/// <summary>
/// One program's observed interview rates from an evidence file: the share of each applicant type's applicants
/// (and of those who did or did not signal) that the program invited to interview, 0–1, null when not published.
/// <see cref="Line"/> is where the row starts in the file.
/// </summary>
public sealed record ProgramEvidenceRow(
    int Line,
    string ProgramCode,
    string Specialty,
    string ProgramNameInSource,
    string State,
    decimal? NonUsImgInterviewRate,
    decimal? UsImgInterviewRate,
    decimal? MdInterviewRate,
    decimal? DoInterviewRate,
    decimal? SignalInterviewRate,
    decimal? NoSignalInterviewRate,
    string Source,
    string ObservedOn);

/// <summary>What reading an evidence file produced: the valid rows in file order and every problem found.</summary>
public sealed record EvidenceReadResult(IReadOnlyList<ProgramEvidenceRow> Rows, IReadOnlyList<SheetIssue> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Reads an evidence file of observed per-program interview rates (the format of the shared
/// <c>evidence/program-interview-rates.csv</c>): a header naming <see cref="Columns"/> (in any order, each once),
/// then one row per NRMP program code. CSV as the tracking sheet reads it (<see cref="CatalogCsv"/>): any line
/// end, a BOM, RFC 4180 quoting. Rates are shares 0–1 held to the sheet's rules (<see cref="ProgramRules.RateProblem"/>),
/// <c>observed_on</c> is yyyy-MM or yyyy-MM-dd. A row with any problem is left out and every problem is reported
/// with its line and column; a program code listed twice is an error on the later line.
/// </summary>
public static class EvidenceCsv
{
    public const string ProgramCode = "program_code";
    public const string Specialty = "specialty";
    public const string ProgramNameInSource = "program_name_in_source";
    public const string State = "state";
    public const string NonUsImgInterviewRate = "nonus_img_interview_rate";
    public const string UsImgInterviewRate = "us_img_interview_rate";
    public const string MdInterviewRate = "md_interview_rate";
    public const string DoInterviewRate = "do_interview_rate";
    public const string SignalInterviewRate = "signal_interview_rate";
    public const string NoSignalInterviewRate = "no_signal_interview_rate";
    public const string Source = "source";
    public const string ObservedOn = "observed_on";

    public static readonly IReadOnlyList<string> Columns =
    [
        ProgramCode, Specialty, ProgramNameInSource, State, NonUsImgInterviewRate, UsImgInterviewRate, MdInterviewRate,
        DoInterviewRate, SignalInterviewRate, NoSignalInterviewRate, Source, ObservedOn,
    ];

    private const string RateFormat = "must be a share from 0 to 1 written as a plain number (0.03 for 3%, no % sign), or empty when not published";

    public static EvidenceReadResult ReadFile(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(reader);
    }

    public static EvidenceReadResult Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var rows = new List<ProgramEvidenceRow>();
        var errors = new List<SheetIssue>();

        using var records = CsvRecords.Read(reader, Columns).GetEnumerator();
        if (!records.MoveNext())
        {
            errors.Add(new SheetIssue(1, null, null, "the evidence file is empty; the first line must be the header: " + string.Join(",", Columns)));
            return new EvidenceReadResult(rows, errors);
        }
        var header = records.Current;
        if (!TryMapHeader(header, errors, out var index)) return new EvidenceReadResult(rows, errors);

        var firstSeen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var width = header.Cells.Count;
        while (records.MoveNext())
        {
            var record = records.Current;
            if (record.Problems.Count > 0)
            {
                // Quote problems name cells by the documented order; a file in another order gets the column by position.
                errors.AddRange(record.Problems);
                continue;
            }
            if (record.Cells.All(c => c.Length == 0)) continue;
            if (record.Cells.Count != width)
            {
                errors.Add(new SheetIssue(record.Line, null, null, $"the row has {record.Cells.Count} cells but the header has {width} columns"));
                continue;
            }
            if (ReadRow(record, index, errors) is not { } row) continue;
            if (firstSeen.TryGetValue(row.ProgramCode, out var earlier))
            {
                errors.Add(new SheetIssue(record.Line, ProgramCode, row.ProgramCode, $"is already listed on line {earlier}; one row per program"));
                continue;
            }
            firstSeen.Add(row.ProgramCode, record.Line);
            rows.Add(row);
        }
        return new EvidenceReadResult(rows, errors);
    }

    private static bool TryMapHeader(SheetRecord header, List<SheetIssue> errors, out Dictionary<string, int> index)
    {
        var found = index = new Dictionary<string, int>(StringComparer.Ordinal);
        errors.AddRange(header.Problems);
        if (header.Problems.Count > 0) return false;
        for (var i = 0; i < header.Cells.Count; i++)
        {
            var name = (i == 0 ? header.Cells[i].TrimStart('\uFEFF') : header.Cells[i]).Trim();
            if (!Columns.Contains(name))
                errors.Add(new SheetIssue(header.Line, name, name, "is not a column of the evidence file; expected: " + string.Join(",", Columns)));
            else if (!index.TryAdd(name, i))
                errors.Add(new SheetIssue(header.Line, name, name, "appears more than once in the header"));
        }
        foreach (var name in Columns.Where(c => !found.ContainsKey(c)))
            errors.Add(new SheetIssue(header.Line, name, null, "is missing from the header"));
        return errors.Count == 0;
    }

    private static ProgramEvidenceRow? ReadRow(SheetRecord record, Dictionary<string, int> index, List<SheetIssue> errors)
    {
        var before = errors.Count;
        string Cell(string column) => record.Cells[index[column]];
        void Fail(string column, string message) => errors.Add(new SheetIssue(record.Line, column, Cell(column), message));

        decimal? Rate(string column)
        {
            if (!SheetVocabulary.TryParseDecimal(Cell(column), out var value)) { Fail(column, RateFormat); return null; }
            if (ProgramRules.RateProblem(value) is { } problem) Fail(column, problem);
            return value;
        }

        var code = Cell(ProgramCode).Trim();
        if (code.Length == 0) Fail(ProgramCode, "is required");
        var source = Cell(Source);
        if (source.Length > ProgramRules.MaxSourceLength) Fail(Source, $"is longer than {ProgramRules.MaxSourceLength} characters");
        else if (source.Any(char.IsControl)) Fail(Source, "contains a line break or control character");
        var observedOn = Cell(ObservedOn).Trim();
        if (ProgramRules.EvidenceDateProblem(observedOn) is { } dateProblem) Fail(ObservedOn, dateProblem);

        var row = new ProgramEvidenceRow(record.Line, code, Cell(Specialty).Trim(), Cell(ProgramNameInSource), Cell(State).Trim(),
            Rate(NonUsImgInterviewRate), Rate(UsImgInterviewRate), Rate(MdInterviewRate), Rate(DoInterviewRate),
            Rate(SignalInterviewRate), Rate(NoSignalInterviewRate), source, observedOn);
        return errors.Count == before ? row : null;
    }
}
