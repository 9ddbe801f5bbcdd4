using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartPick.Web.Charts;

/// <summary>
/// The figures of the engine's last evaluation (docs/calibration.json, written by <c>evaluate --summary</c> beside the
/// plot and embedded at build), so the methods page shows the measured figures, not a copy typed by hand.
/// </summary>
public sealed record CalibrationSummary(
    int N, double Spearman, double Mae, double MeanSignedError, double NaiveMae, double NaiveSpearman, string Parameters,
    CalibrationSummary.HeldOut Kfold, CalibrationSummary.ProgramLevel Programs, CalibrationSummary.PopulationLevel Population,
    CalibrationSummary.InputFiles Sources)
{
    public sealed record HeldOut(int Folds, double Spearman, double Mae, double MeanSignedError, double NaiveMae, double NaiveSpearman);

    public sealed record ProgramLevel(int Folds, int Programs, double Spearman, IReadOnlyList<SpecialtyLevel> BySpecialty);

    public sealed record SpecialtyLevel(string Specialty, int Programs, double Spearman, double TopShareOfBest);

    public sealed record PopulationLevel(string Specialty, int Applicants, int Applications, double MeanPMatch,
        double ShareWithoutInterview, double PMatchAmongInterviewed, double MeanPMatchWithPlan, double PublishedMatchRate);

    public sealed record InputFiles(string Outcomes, string Catalog, string? Evidence, int Programs, int ProgramsWithEvidence);

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    private static readonly Lazy<CalibrationSummary> Embedded = new(() =>
    {
        using var stream = typeof(CalibrationSummary).Assembly.GetManifestResourceStream("calibration.json")
            ?? throw new InvalidOperationException("The calibration summary is not embedded in the web assembly.");
        return JsonSerializer.Deserialize<CalibrationSummary>(stream, Json)
            ?? throw new InvalidOperationException("The embedded calibration summary is empty.");
    });

    /// <summary>The summary embedded in this build.</summary>
    public static CalibrationSummary Current => Embedded.Value;

    public static CalibrationSummary Parse(string json) =>
        JsonSerializer.Deserialize<CalibrationSummary>(json, Json) ?? throw new JsonException("Empty calibration summary.");
}
