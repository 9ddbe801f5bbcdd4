using SmartPick.Advising.CandidateFiles;
using SmartPick.Matching.Model;

namespace SmartPick.Advising.Lists;

/// <summary>
/// What a list says, who recorded it and when aside: the versions it was made with, the ranked programs, the
/// exclusions, the curve and the outlook. Lists are compared and differenced in this form, whichever way they
/// were stored. <paramref name="Points"/>, <paramref name="Plan"/> and <paramref name="Unlock"/> are null for lists
/// stored before lists carried them.
/// </summary>
public sealed record ListContent(
    string EngineVersion,
    string ParametersVersion,
    string CatalogVersion,
    IReadOnlyList<ListedProgram> Programs,
    int EligibleCount,
    IReadOnlyList<ExclusionCount> Excluded,
    IReadOnlyList<CurvePoint> Curve,
    int RecommendedApplications,
    double PMatch,
    IReadOnlyList<string> RiskFactors,
    IReadOnlyList<ListedAdvice> Advice,
    IReadOnlyList<ListPoint>? Points = null,
    SmartPick.Matching.Model.StrategyPlan? Plan = null,
    IReadOnlyList<SmartPick.Matching.Model.UnlockItem>? Unlock = null)
{
    /// <summary>The candidate's current list, or null while none has been made.</summary>
    public static ListContent? Of(CurrentList? view) => view is not { Status: ListStatus.Ready, Versions: { } v } ? null
        : new(v.Engine, v.Parameters, v.Catalog, view.Programs, view.EligibleCount, view.Excluded, view.Curve,
            view.RecommendedApplications, view.PMatch, view.RiskFactors, view.Advice, view.Points, view.Plan, view.Unlock);

    /// <summary>A list stored the earlier way, in one event.</summary>
    public static ListContent Of(ProgramListRegeneratedV1 e) => new(e.EngineVersion, e.ParametersVersion, e.CatalogVersion,
        e.Programs, e.EligibleCount, e.Excluded, e.Curve, e.RecommendedApplications, e.PMatch, e.RiskFactors, e.Advice);
}
