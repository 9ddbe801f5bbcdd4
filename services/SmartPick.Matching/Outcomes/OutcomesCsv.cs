using System.Globalization;
using SmartPick.Contracts;
using SmartPick.Matching.Model;

namespace SmartPick.Matching.Outcomes;

/// <summary>
/// One self-reported applicant of the outcomes file: scores, graduation year, USCE months, visa need,
/// applications sent and interviews received. Null means the applicant did not say.
/// </summary>
public sealed record ApplicantOutcome(
    string Row,
    int? Step1Score,
    bool? Step1Passed,
    int? Step2CkScore,
    int? Step3Score,
    int? YearOfGraduation,
    decimal? UsceMonths,
    bool? EcfmgCertified,
    bool? VisaRequired,
    int? Publications,
    int Applications,
    int Interviews,
    string Specialty,
    int? Season)
{
    /// <summary>Step 3 passing score: a reported score at or above it counts as a pass.</summary>
    public const int Step3PassingScore = 200;

    /// <summary>
    /// The profile the engine sees for this applicant. The file does not say whether USCE was hands-on or in
    /// which specialty; it is taken as hands-on in the applied specialty. "Visa required" is taken as J-1, the
    /// common case. Letters are unknown; publications become research without known US collaborators.
    /// </summary>
    public CandidateProfile ToProfile()
    {
        var specialty = Specialties.All.FirstOrDefault(s => string.Equals(s.Name, Specialty, StringComparison.OrdinalIgnoreCase))?.Key
            ?? "internal_medicine";
        var exams = new List<ExamResult>();
        if (Step1Score is not null || Step1Passed is not null) exams.Add(new ExamResult(ExamKind.Step1, Step1Score, Step1Passed ?? (Step1Score is null ? null : true)));
        if (Step2CkScore is not null) exams.Add(new ExamResult(ExamKind.Step2Ck, Step2CkScore, true));
        if (Step3Score is { } s3) exams.Add(new ExamResult(ExamKind.Step3, s3, s3 >= Step3PassingScore));
        return new CandidateProfile
        {
            VisaNeed = VisaRequired switch { true => VisaNeed.J1, false => VisaNeed.None, null => null },
            YearOfGraduation = YearOfGraduation,
            Season = Season,
            Exams = exams,
            Usce = UsceMonths is { } m && m > 0 ? [new UsceItem(UsceKind.HandsOn, specialty, m, null)] : [],
            Research = Publications is > 0 ? [new ResearchItem("publication", false)] : [],
            TargetSpecialties = [specialty],
            Budget = new Budget(Applications),
            UnknownSections = ProfileSections.Letters | (UsceMonths is null ? ProfileSections.Usce : 0)
                | (Publications is null ? ProfileSections.Research : 0),
        };
    }
}

/// <summary>A read outcomes file: the applicants, and the rows that could not be read with their reasons.</summary>
public sealed record OutcomesReadResult(IReadOnlyList<ApplicantOutcome> Applicants, FieldErrors Errors);

/// <summary>Reads the outcomes CSV (header: row, img_type, step1, step1_pass, step2ck, step3, year_of_graduation, usce_months, ecfmg_certified, visa_required, publications, applications, interviews, specialty, season).</summary>
public static class OutcomesCsv
{
    private static readonly string[] Required = ["row", "step1", "step1_pass", "step2ck", "step3", "year_of_graduation", "usce_months",
        "ecfmg_certified", "visa_required", "publications", "applications", "interviews", "specialty", "season"];

    public static OutcomesReadResult Read(TextReader reader)
    {
        var errors = new FieldErrors();
        var applicants = new List<ApplicantOutcome>();
        var header = reader.ReadLine();
        if (header is null) return new OutcomesReadResult(applicants, FieldErrors.Of("header", "the file is empty"));
        var columns = SplitLine(header).Select(c => c.Trim()).ToList();
        var missing = Required.Where(r => !columns.Contains(r)).ToList();
        if (missing.Count > 0)
            return new OutcomesReadResult(applicants, FieldErrors.Of("header", $"missing column(s): {string.Join(", ", missing)}"));
        var index = Required.ToDictionary(c => c, c => columns.IndexOf(c));

        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Trim().Length == 0) continue;
            var cells = SplitLine(line);
            string Cell(string name) => index[name] < cells.Count ? cells[index[name]].Trim() : "";
            var rowErrors = new FieldErrors();
            int? Int(string name)
            {
                var s = Cell(name);
                if (s.Length == 0) return null;
                if (int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)) return v;
                rowErrors.Add($"line {lineNumber}.{name}", $"'{s}' is not a whole number");
                return null;
            }
            bool? YesNo(string name, string yes, string no)
            {
                var s = Cell(name);
                if (s.Length == 0) return null;
                if (s.Equals(yes, StringComparison.OrdinalIgnoreCase)) return true;
                if (s.Equals(no, StringComparison.OrdinalIgnoreCase)) return false;
                rowErrors.Add($"line {lineNumber}.{name}", $"'{s}' is not '{yes}' or '{no}'");
                return null;
            }
            decimal? usce = null;
            var usceText = Cell("usce_months");
            if (usceText.Length > 0)
            {
                if (decimal.TryParse(usceText, NumberStyles.Number, CultureInfo.InvariantCulture, out var m)) usce = m;
                else rowErrors.Add($"line {lineNumber}.usce_months", $"'{usceText}' is not a number");
            }
            var applicant = new ApplicantOutcome(
                Cell("row"), Int("step1"), YesNo("step1_pass", "pass", "fail"), Int("step2ck"), Int("step3"), Int("year_of_graduation"),
                usce, YesNo("ecfmg_certified", "certified", "not certified"), YesNo("visa_required", "yes", "no"), Int("publications"),
                Int("applications") ?? -1, Int("interviews") ?? -1, Cell("specialty"), Int("season"));
            if (applicant.Applications < 0) rowErrors.Add($"line {lineNumber}.applications", "is required");
            if (applicant.Interviews < 0) rowErrors.Add($"line {lineNumber}.interviews", "is required");
            if (rowErrors.Any) errors.AddAll(rowErrors);
            else applicants.Add(applicant);
        }
        return new OutcomesReadResult(applicants, errors);
    }

    /// <summary>Splits one CSV line, honouring double-quoted cells with doubled quotes inside.</summary>
    internal static List<string> SplitLine(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(c);
        }
        cells.Add(cell.ToString());
        return cells;
    }
}
