using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartPick.Matching;
using SmartPick.Matching.Parameters;
using SmartPick.Web.Charts;

namespace SmartPick.Web.Pages;

/// <summary>
/// How the estimates are made: the stages of the engine, every coefficient with its reason and source (read from the
/// engine's current parameter set), and the figures of the last evaluation on data the model was not fitted on
/// (read from the embedded calibration summary), with the data each comes from.
/// </summary>
[AllowAnonymous]
public sealed class MethodsModel : PageModel
{
    public ParameterSet Parameters { get; } = DefaultParameters.Current;
    public CalibrationSummary Calibration { get; } = CalibrationSummary.Current;
    public string EngineVersion => MatchingEngine.EngineVersion;

    /// <summary>The coefficients of the candidate and program effects, the strategy and the list, each once.</summary>
    public IReadOnlyList<Coefficient> Coefficients => Parameters.All();

    /// <summary>Where a coefficient's value comes from, in words.</summary>
    public static string SourceWords(string source) => source switch
    {
        _ when source.StartsWith("fitted", StringComparison.OrdinalIgnoreCase) => "Fitted to applicant outcomes (cross-validated)",
        _ when source.StartsWith("published", StringComparison.OrdinalIgnoreCase) => "Published figures",
        _ when source.StartsWith("calibration", StringComparison.OrdinalIgnoreCase) => "Applicant outcomes",
        _ when source.StartsWith("guide, checked", StringComparison.OrdinalIgnoreCase) => "Field guide, checked on outcomes",
        _ when source.StartsWith("guide", StringComparison.OrdinalIgnoreCase) => "Field guide",
        _ when source.StartsWith("prior", StringComparison.OrdinalIgnoreCase) => "Judgement (no data)",
        _ => source,
    };
}
