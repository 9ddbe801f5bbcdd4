using SmartPick.Advising.Lists;
using SmartPick.Advising.CandidateFiles;
using SmartPick.Matching.Model;
using SmartPick.Matching.Parameters;
using SmartPick.Matching.Stages;

namespace SmartPick.Advising.Views;

/// <summary>
/// The candidate's stage-aware outlook as every surface shows it (cohort, file, /me, API, nudges): the stage, the
/// chance to match where there still is one (null once matched), the interviews expected and a plain headline.
/// The risk level is kept beside it on <see cref="CandidateSummary.Risk"/>.
/// </summary>
public sealed record CandidateOutlook(SeasonStage Stage, double? PMatch, double? ExpectedInterviews, string Headline)
{
    /// <summary>
    /// The share of the season's interview invitations still to come while interviewing. The organization's season
    /// calendar is kept by the nudges module (which reads the advising views, not the other way round) and a
    /// projection never reads the clock, so the cohort row takes the middle of the invitation season.
    /// </summary>
    public const double ShareOfInvitationsToComeWhileInterviewing = 0.5;

    /// <summary>
    /// The engine's outlook (<see cref="OutlookRules.For"/>) of a recorded list at <paramref name="position"/>.
    /// The list's interview chances are read back from its <paramref name="points"/>: the expected interviews are
    /// exact at each point of the curve and spread evenly over the programs between two points.
    /// </summary>
    public static Outlook Of(SeasonPosition position, IReadOnlyList<ListPoint>? points, int recommended, double pMatchAtRecommended,
        string? specialtyKey, bool usImg, ParameterSet? parameters = null)
    {
        points ??= [];
        var shown = new List<double>(points.Count == 0 ? 0 : points[^1].N);
        var curve = new List<CurvePoint>(points.Count);
        var (n, expected) = (0, 0.0);
        foreach (var point in points)
        {
            var each = point.N > n ? Math.Max(0, point.ExpectedInterviews - expected) / (point.N - n) : 0;
            for (; n < point.N; n++) shown.Add(each);
            expected = Math.Max(expected, point.ExpectedInterviews);
            curve.Add(new CurvePoint(point.N, point.PMatch));
        }
        return OutlookRules.For(position, shown, curve, recommended, pMatchAtRecommended, specialtyKey, usImg,
            parameters ?? DefaultParameters.Current);
    }
}
