namespace SmartPick.Matching.Model;

/// <summary>yes / no / unknown, as agencies record it; unknown is never read as yes or no.</summary>
public enum Tristate { Unknown, Yes, No }

public enum Track { Categorical, Preliminary, Advanced, Physician, Primary }

public enum ProgramType { Unknown, Community, CommunityUniversity, University }

/// <summary>Whether a stated minimum is a hard cutoff (a filter) or a preference (a penalty).</summary>
public enum Strictness { Unknown, Cutoff, Preference }

/// <summary>
/// One row of an agency's tracking sheet: a residency program as the agency knows it.
/// Nullable values and <see cref="Tristate.Unknown"/> mean the agency does not know.
/// </summary>
public sealed record CatalogProgram
{
    public required string ProgramCode { get; init; }
    public required string ProgramName { get; init; }
    public string Institution { get; init; } = "";
    public string City { get; init; } = "";
    /// <summary>Two-letter state code, empty when unknown.</summary>
    public string State { get; init; } = "";
    /// <summary>NRMP 3-digit specialty code, e.g. "140" for internal medicine.</summary>
    public required string SpecialtyCode { get; init; }
    public required string Specialty { get; init; }
    public Track Track { get; init; }
    public ProgramType ProgramType { get; init; }
    public int? Positions { get; init; }
    /// <summary>Percent (0–100) of residents who are IMGs.</summary>
    public decimal? ImgShare { get; init; }
    public Tristate VisaJ1 { get; init; }
    public Tristate VisaH1b { get; init; }
    public int? MinStep2Ck { get; init; }
    public Strictness MinStep2CkStrictness { get; init; }
    public int? MaxYearsSinceGraduation { get; init; }
    public Tristate UsceRequired { get; init; }
    public decimal? MinUsceMonths { get; init; }
    public string Notes { get; init; } = "";
    public string Source { get; init; } = "";
    /// <summary>When the agency last checked the row, if it says.</summary>
    public DateOnly? ObservedOn { get; init; }
}
