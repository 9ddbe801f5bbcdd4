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

    // --- Program evidence: observed interview rates (0–1) of one cycle; null when not published ---------
    /// <summary>Share of non-US IMG applicants the program invited to interview.</summary>
    public decimal? NonUsImgInterviewRate { get; init; }
    /// <summary>Share of US-citizen IMG applicants the program invited to interview.</summary>
    public decimal? UsImgInterviewRate { get; init; }
    /// <summary>Share of applicants who sent the program a signal that it invited (all applicant types).</summary>
    public decimal? SignalInterviewRate { get; init; }
    /// <summary>Share of applicants who did not signal that it invited (all applicant types).</summary>
    public decimal? NoSignalInterviewRate { get; init; }
    /// <summary>Where the evidence comes from; empty when there is none.</summary>
    public string EvidenceSource { get; init; } = "";
    /// <summary>When the evidence was observed: "YYYY-MM" or "YYYY-MM-DD"; empty when unknown.</summary>
    public string EvidenceObservedOn { get; init; } = "";

    /// <summary>Whether any evidence value or its source is recorded.</summary>
    public bool HasEvidence => NonUsImgInterviewRate is not null || UsImgInterviewRate is not null
        || SignalInterviewRate is not null || NoSignalInterviewRate is not null
        || EvidenceSource.Length > 0 || EvidenceObservedOn.Length > 0;
}
