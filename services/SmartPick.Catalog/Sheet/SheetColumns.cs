namespace SmartPick.Catalog.Sheet;

/// <summary>
/// The tracking sheet's columns, in the order every import expects and every export writes. Rule and error
/// field names use the same snake_case names, so a message always points at a column a person can find.
/// </summary>
public static class SheetColumns
{
    public const string ProgramCode = "program_code";
    public const string ProgramName = "program_name";
    public const string Institution = "institution";
    public const string City = "city";
    public const string State = "state";
    public const string SpecialtyCode = "specialty_code";
    public const string Specialty = "specialty";
    public const string Track = "track";
    public const string ProgramType = "program_type";
    public const string Positions = "positions";
    public const string ImgShare = "img_share";
    public const string VisaJ1 = "visa_j1";
    public const string VisaH1b = "visa_h1b";
    public const string MinStep2Ck = "min_step2ck";
    public const string MinStep2CkStrictness = "min_step2ck_strictness";
    public const string MaxYearsSinceGraduation = "max_years_since_graduation";
    public const string UsceRequired = "usce_required";
    public const string MinUsceMonths = "min_usce_months";
    public const string Notes = "notes";
    public const string Source = "source";
    public const string ObservedOn = "observed_on";
    public const string NonUsImgInterviewRate = "nonus_img_interview_rate";
    public const string UsImgInterviewRate = "us_img_interview_rate";
    public const string SignalInterviewRate = "signal_interview_rate";
    public const string NoSignalInterviewRate = "no_signal_interview_rate";
    public const string EvidenceSource = "evidence_source";
    public const string EvidenceObservedOn = "evidence_observed_on";

    public static readonly IReadOnlyList<string> InOrder =
    [
        ProgramCode, ProgramName, Institution, City, State, SpecialtyCode, Specialty, Track, ProgramType,
        Positions, ImgShare, VisaJ1, VisaH1b, MinStep2Ck, MinStep2CkStrictness, MaxYearsSinceGraduation,
        UsceRequired, MinUsceMonths, Notes, Source, ObservedOn,
        NonUsImgInterviewRate, UsImgInterviewRate, SignalInterviewRate, NoSignalInterviewRate, EvidenceSource, EvidenceObservedOn,
    ];

    /// <summary>
    /// The sheet as it was before the evidence columns: the first 21 columns of <see cref="InOrder"/>, up to
    /// <see cref="ObservedOn"/>. Such a sheet still imports (its programs have no evidence); every export writes <see cref="InOrder"/>.
    /// </summary>
    public static readonly IReadOnlyList<string> WithoutEvidence = [.. InOrder.TakeWhile(c => c != NonUsImgInterviewRate)];

    /// <summary>The program evidence columns, last in the sheet: observed interview rates, their source and date.</summary>
    public static readonly IReadOnlyList<string> Evidence = [.. InOrder.Skip(WithoutEvidence.Count)];

    /// <summary>The rate columns among <see cref="Evidence"/>: shares from 0 to 1.</summary>
    public static readonly IReadOnlySet<string> Rates = new HashSet<string>(StringComparer.Ordinal)
    {
        NonUsImgInterviewRate, UsImgInterviewRate, SignalInterviewRate, NoSignalInterviewRate,
    };

    /// <summary>Columns holding free text a person typed (the ones a formula guard matters for most).</summary>
    public static readonly IReadOnlySet<string> FreeText = new HashSet<string>(StringComparer.Ordinal)
    {
        ProgramName, Institution, City, Notes, Source, EvidenceSource,
    };
}
