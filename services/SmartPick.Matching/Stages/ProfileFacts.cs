using SmartPick.Matching.Model;

namespace SmartPick.Matching.Stages;

/// <summary>How IMG-friendly a specialty is, per the guide's lists.</summary>
internal enum SpecialtyCompetitiveness { ImgFriendly, Moderate, Competitive }

/// <summary>The guide's specialty and state groupings, in one place.</summary>
internal static class GuideGroups
{
    public static readonly IReadOnlySet<string> ImgFriendlySpecialties = new HashSet<string>(StringComparer.Ordinal)
    {
        "internal_medicine", "family_medicine", "pediatrics", "psychiatry", "pathology", "neurology",
        "child_neurology", "internal_medicine_pediatrics", "internal_medicine_psychiatry", "psychiatry_family_medicine",
        "transitional_year",
    };

    public static readonly IReadOnlySet<string> CompetitiveSpecialties = new HashSet<string>(StringComparer.Ordinal)
    {
        "dermatology", "internal_medicine_dermatology", "plastic_surgery", "orthopaedic_surgery", "neurological_surgery",
        "otolaryngology", "interventional_radiology", "vascular_surgery", "thoracic_surgery",
    };

    /// <summary>States the guide names as consistently open to IMGs.</summary>
    public static readonly IReadOnlySet<string> ImgFriendlyStates = new HashSet<string>(StringComparer.Ordinal)
    { "NY", "NJ", "MI", "OH", "PA", "IL", "TX" };

    /// <summary>California and the Pacific Northwest.</summary>
    public static readonly IReadOnlySet<string> ToughStates = new HashSet<string>(StringComparer.Ordinal)
    { "CA", "WA", "OR" };

    public static SpecialtyCompetitiveness Competitiveness(string specialtyKey) =>
        CompetitiveSpecialties.Contains(specialtyKey) ? SpecialtyCompetitiveness.Competitive
        : ImgFriendlySpecialties.Contains(specialtyKey) ? SpecialtyCompetitiveness.ImgFriendly
        : SpecialtyCompetitiveness.Moderate;
}

/// <summary>
/// What the engine reads off a profile, computed once per ranking: best scores, failures, effective USCE,
/// letters, years since graduation. Null means unknown.
/// </summary>
internal sealed record ProfileFacts
{
    public int? Step1Score { get; init; }
    public bool Step1Failed { get; init; }
    public int? Step2CkScore { get; init; }
    public bool Step3Passed { get; init; }
    public bool AnyRepeatedAttempt { get; init; }
    /// <summary>Null when the profile's USCE is unknown.</summary>
    public decimal? HandsOnMonths { get; init; }
    public decimal ObservershipMonths { get; init; }
    /// <summary>Null when the profile's letters are unknown.</summary>
    public int? UsLettersTotal { get; init; }
    public bool HasResearchWithUsCollaborators { get; init; }
    public bool HasAnyResearch { get; init; }
    public bool ResearchKnown { get; init; }
    public int YearsSinceGraduation { get; init; }
    public bool YearsSinceGraduationKnown { get; init; }
    /// <summary>True when the profile has no season and a caller default (or none) was used.</summary>
    public bool SeasonAssumed { get; init; }
    public VisaNeed? VisaNeed { get; init; }
    public ImgType? ImgType { get; init; }

    private static readonly UsceKind[] HandsOnKinds = [UsceKind.HandsOn, UsceKind.Externship, UsceKind.SubInternship];

    public static bool IsHandsOn(UsceKind kind) => HandsOnKinds.Contains(kind);

    /// <summary>
    /// Reads the facts. Years since graduation are counted to the profile's season (Match year), never to
    /// the clock; with no season the caller's <paramref name="defaultSeason"/> is used, and with neither
    /// (or no year of graduation) <paramref name="defaultYearsSinceGraduation"/>.
    /// </summary>
    public static ProfileFacts From(CandidateProfile profile, int? defaultSeason, int defaultYearsSinceGraduation)
    {
        var season = profile.Season ?? defaultSeason;
        var step1 = profile.Exams.Where(e => e.Exam == ExamKind.Step1).ToList();
        var step2 = profile.Exams.Where(e => e.Exam == ExamKind.Step2Ck).ToList();
        var step3 = profile.Exams.Where(e => e.Exam == ExamKind.Step3).ToList();
        var ysgKnown = season is not null && profile.YearOfGraduation is not null;
        var unknown = profile.UnknownSections;
        return new ProfileFacts
        {
            // The latest reported score is what programs see on the transcript.
            Step1Score = step1.Where(e => e.Score is not null).OrderBy(e => e.Attempt).LastOrDefault()?.Score,
            Step1Failed = step1.Any(e => e.Passed == false),
            Step2CkScore = step2.Where(e => e.Score is not null).OrderBy(e => e.Attempt).LastOrDefault()?.Score,
            Step3Passed = step3.Any(e => e.Passed == true || (e.Score is not null && e.Passed != false)),
            AnyRepeatedAttempt = profile.Exams.Any(e => e.Attempt > 1 || e.Passed == false),
            HandsOnMonths = unknown.HasFlag(ProfileSections.Usce) ? null
                : profile.Usce.Where(u => IsHandsOn(u.Kind)).Sum(u => u.Months),
            ObservershipMonths = profile.Usce.Where(u => !IsHandsOn(u.Kind)).Sum(u => u.Months),
            UsLettersTotal = unknown.HasFlag(ProfileSections.Letters) ? null : profile.Letters.Count(l => l.Us),
            HasResearchWithUsCollaborators = profile.Research.Any(r => r.UsCollaborators),
            HasAnyResearch = profile.Research.Count > 0,
            ResearchKnown = !unknown.HasFlag(ProfileSections.Research),
            YearsSinceGraduation = ysgKnown ? Math.Max(0, season!.Value - profile.YearOfGraduation!.Value) : defaultYearsSinceGraduation,
            SeasonAssumed = profile.Season is null,
            YearsSinceGraduationKnown = ysgKnown,
            VisaNeed = profile.VisaNeed,
            ImgType = profile.ImgType,
        };
    }

    /// <summary>Effective hands-on months for a specialty: in-specialty months count fully, other hands-on 3/4, observership 1/4.</summary>
    public static double EffectiveUsceMonths(CandidateProfile profile, string specialtyKey)
    {
        double months = 0;
        foreach (var u in profile.Usce)
        {
            var m = (double)u.Months;
            months += IsHandsOn(u.Kind)
                ? (u.Specialty == specialtyKey ? m : 0.75 * m)
                : 0.25 * m;
        }
        return months;
    }

    /// <summary>US letter weight in a specialty: letters with no specialty stated count as in-specialty standard ones only if standard or better.</summary>
    public static (int Strong, int Standard) UsLettersIn(CandidateProfile profile, string specialtyKey)
    {
        var inSpecialty = profile.Letters
            .Where(l => l.Us && (l.Specialty is null || l.Specialty == specialtyKey))
            .OrderBy(l => l.Strength switch { LetterStrength.Strong => 0, LetterStrength.Standard => 1, null => 1, _ => 2 })
            .Take(3)
            .ToList();
        return (inSpecialty.Count(l => l.Strength == LetterStrength.Strong),
                inSpecialty.Count(l => l.Strength is LetterStrength.Standard or null));
    }
}
