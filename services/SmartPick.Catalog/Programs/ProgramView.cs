using System.Text.Json.Serialization;
using SmartPick.Catalog.Sheet;
using SmartPick.Matching.Model;

namespace SmartPick.Catalog.Programs;

/// <summary>
/// A catalog program as the API shows it: the sheet's column names and spellings (yes / no / unknown,
/// categorical, community-university…), numbers as numbers, null where the agency does not know. The evidence
/// rates are shares 0–1, null when not published.
/// </summary>
public sealed record ProgramView(
    [property: JsonPropertyName(SheetColumns.ProgramCode)] string ProgramCode,
    [property: JsonPropertyName(SheetColumns.ProgramName)] string ProgramName,
    [property: JsonPropertyName(SheetColumns.Institution)] string Institution,
    [property: JsonPropertyName(SheetColumns.City)] string City,
    [property: JsonPropertyName(SheetColumns.State)] string State,
    [property: JsonPropertyName(SheetColumns.SpecialtyCode)] string SpecialtyCode,
    [property: JsonPropertyName(SheetColumns.Specialty)] string Specialty,
    [property: JsonPropertyName(SheetColumns.Track)] string Track,
    [property: JsonPropertyName(SheetColumns.ProgramType)] string ProgramType,
    [property: JsonPropertyName(SheetColumns.Positions)] int? Positions,
    [property: JsonPropertyName(SheetColumns.ImgShare)] decimal? ImgShare,
    [property: JsonPropertyName(SheetColumns.VisaJ1)] string VisaJ1,
    [property: JsonPropertyName(SheetColumns.VisaH1b)] string VisaH1b,
    [property: JsonPropertyName(SheetColumns.MinStep2Ck)] int? MinStep2Ck,
    [property: JsonPropertyName(SheetColumns.MinStep2CkStrictness)] string MinStep2CkStrictness,
    [property: JsonPropertyName(SheetColumns.MaxYearsSinceGraduation)] int? MaxYearsSinceGraduation,
    [property: JsonPropertyName(SheetColumns.UsceRequired)] string UsceRequired,
    [property: JsonPropertyName(SheetColumns.MinUsceMonths)] decimal? MinUsceMonths,
    [property: JsonPropertyName(SheetColumns.Notes)] string Notes,
    [property: JsonPropertyName(SheetColumns.Source)] string Source,
    [property: JsonPropertyName(SheetColumns.ObservedOn)] string? ObservedOn,
    [property: JsonPropertyName(SheetColumns.NonUsImgInterviewRate)] decimal? NonUsImgInterviewRate,
    [property: JsonPropertyName(SheetColumns.UsImgInterviewRate)] decimal? UsImgInterviewRate,
    [property: JsonPropertyName(SheetColumns.SignalInterviewRate)] decimal? SignalInterviewRate,
    [property: JsonPropertyName(SheetColumns.NoSignalInterviewRate)] decimal? NoSignalInterviewRate,
    [property: JsonPropertyName(SheetColumns.EvidenceSource)] string EvidenceSource,
    [property: JsonPropertyName(SheetColumns.EvidenceObservedOn)] string? EvidenceObservedOn)
{
    public static ProgramView Of(CatalogProgram p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.ProgramCode, p.ProgramName, p.Institution, p.City, p.State, p.SpecialtyCode, p.Specialty,
            SheetVocabulary.Spell(p.Track), SheetVocabulary.Spell(p.ProgramType), p.Positions, p.ImgShare,
            SheetVocabulary.Spell(p.VisaJ1), SheetVocabulary.Spell(p.VisaH1b), p.MinStep2Ck,
            SheetVocabulary.Spell(p.MinStep2CkStrictness), p.MaxYearsSinceGraduation, SheetVocabulary.Spell(p.UsceRequired),
            p.MinUsceMonths, p.Notes, p.Source, p.ObservedOn is null ? null : SheetVocabulary.Spell(p.ObservedOn),
            p.NonUsImgInterviewRate, p.UsImgInterviewRate, p.SignalInterviewRate, p.NoSignalInterviewRate, p.EvidenceSource,
            p.EvidenceObservedOn.Length == 0 ? null : p.EvidenceObservedOn);
    }
}
