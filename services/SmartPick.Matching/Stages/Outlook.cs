using System.Globalization;
using SmartPick.Matching.Parameters;

namespace SmartPick.Matching.Stages;

/// <summary>Where the candidate is in the season; each stage reads the chances differently.</summary>
public enum SeasonStage { BeforeApplications, Applied, Interviewing, RankListCertified, Matched, Unmatched }

/// <summary>How the candidate's chance compares with the specialty's published match rate for their applicant type.</summary>
public enum RiskLevel { None, OnTrack, Watch, Act }

/// <summary>
/// What is known of the candidate's season. <paramref name="ApplicationsSubmitted"/> is the size of the submitted
/// list (null before submitting); <paramref name="InterviewsHeld"/> the invitations received;
/// <paramref name="ShareOfInvitationsToCome"/> the share of the season's invitations still expected (1 before
/// applying, 0 once the rank list is certified), which the caller reads off its season calendar.
/// </summary>
public sealed record SeasonPosition(SeasonStage Stage, int? ApplicationsSubmitted = null, int InterviewsHeld = 0,
    double ShareOfInvitationsToCome = 1, int? Season = null);

/// <summary>
/// The stage-aware outlook every view reads: P(match) where it is a chance (null once matched or unmatched),
/// the expected interviews, the risk level and a plain headline.
/// </summary>
public sealed record Outlook(SeasonStage Stage, double? PMatch, double? ExpectedInterviews, RiskLevel Risk,
    double ReferenceMatchRate, string Headline)
{
    /// <summary>A chance as people read it: "&lt;1%" rather than "0%", ">99%" rather than "100%".</summary>
    public static string Percent(double p) =>
        p < 0.01 ? "<1%" : p > 0.99 ? ">99%" : (p * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
}

/// <summary>
/// Stage-aware chances (MATCHING.md v2 "Stages"). Before applications: P(match) of the recommended list. After
/// submitting: the expected interviews and P(match) of the submitted list's size. With interviews: P(match) from
/// m(interviews held + interviews still to come). Certified: m(interviews held). Matched and unmatched are
/// outcomes, not chances. Risk compares P(match) with the specialty's published match rate for the applicant type.
/// </summary>
public static class OutlookRules
{
    /// <summary>P(match) at or above this share of the published rate is on track; below <see cref="ActBelow"/> calls for action.</summary>
    public const double OnTrackFrom = 0.85;
    public const double ActBelow = 0.5;

    /// <summary>
    /// The outlook at <paramref name="position"/> of a list whose interview chances are <paramref name="shownP"/>
    /// (best first, the random effect integrated out), whose P(match) curve is <paramref name="curve"/>, with its
    /// recommended N and P(match) there; <paramref name="specialtyKey"/> and <paramref name="usImg"/> choose m(k)
    /// and the reference match rate.
    /// </summary>
    public static Outlook For(SeasonPosition position, IReadOnlyList<double> shownP, IReadOnlyList<Model.CurvePoint> curve,
        int recommended, double pMatchAtRecommended, string? specialtyKey, bool usImg, ParameterSet ps)
    {
        var reference = ReferenceRate(specialtyKey, usImg, ps);
        var m = ps.MatchCurveFor(specialtyKey);
        switch (position.Stage)
        {
            case SeasonStage.Matched:
                return new Outlook(SeasonStage.Matched, null, null, RiskLevel.None, reference,
                    position.Season is { } s ? $"Matched in {s}." : "Matched.");
            case SeasonStage.Unmatched:
            {
                var headline = recommended > 0
                    ? $"Not matched{(position.Season is { } s2 ? " in " + s2 : "")}. Reapplying with {recommended} applications: {Outlook.Percent(pMatchAtRecommended)} chance to match."
                    : "Not matched; no eligible program for a new application yet.";
                return new Outlook(SeasonStage.Unmatched, pMatchAtRecommended, Expected(shownP, recommended), RiskOf(pMatchAtRecommended, reference), reference, headline);
            }
            case SeasonStage.BeforeApplications:
            {
                var headline = recommended > 0
                    ? $"{Outlook.Percent(pMatchAtRecommended)} chance to match with the recommended {recommended} applications."
                    : "No eligible program yet.";
                return new Outlook(SeasonStage.BeforeApplications, pMatchAtRecommended, Expected(shownP, recommended),
                    RiskOf(pMatchAtRecommended, reference), reference, headline);
            }
        }

        var applied = position.ApplicationsSubmitted ?? recommended;
        var expectedTotal = Expected(shownP, applied);
        var share = Math.Clamp(position.Stage == SeasonStage.RankListCertified ? 0 : position.ShareOfInvitationsToCome, 0, 1);
        var held = Math.Max(0, position.InterviewsHeld);
        if (position.Stage == SeasonStage.Applied && held == 0 && share >= 1)
        {
            var p = curve.LastOrDefault(c => c.N <= applied)?.PMatch ?? pMatchAtRecommended;
            return new Outlook(SeasonStage.Applied, p, expectedTotal, RiskOf(p, reference), reference,
                $"{applied} applications sent: about {expectedTotal:0.#} interviews expected, {Outlook.Percent(p)} chance to match.");
        }

        // Interviews still to come: the list's expectation for the rest of the season, blended with the candidate's own
        // pace so far (held / share of the season gone), each weighing half. Poisson around that mean.
        var remaining = 0.0;
        if (share > 0)
        {
            var fromList = share * expectedTotal;
            var fromPace = share < 1 ? held * share / (1 - share) : fromList;
            remaining = 0.5 * fromList + 0.5 * fromPace;
        }
        var pMatch = MatchGivenHeldAndPoisson(held, remaining, m);
        var stage = position.Stage == SeasonStage.RankListCertified ? SeasonStage.RankListCertified : SeasonStage.Interviewing;
        var text = stage == SeasonStage.RankListCertified
            ? $"Rank list certified with {held} interview{(held == 1 ? "" : "s")}: {Outlook.Percent(pMatch)} chance to match."
            : $"{held} interview{(held == 1 ? "" : "s")} so far{(remaining >= 0.5 ? $", about {remaining:0.#} more expected" : "")}: {Outlook.Percent(pMatch)} chance to match.";
        return new Outlook(stage, pMatch, held + remaining, RiskOf(pMatch, reference), reference, text);
    }

    /// <summary>The specialty's published match rate for non-US IMGs, scaled to US IMGs by the overall rates.</summary>
    public static double ReferenceRate(string? specialtyKey, bool usImg, ParameterSet ps)
    {
        var nonUs = specialtyKey is not null && ps.PublishedMatchRates.TryGetValue(specialtyKey, out var r) ? r : ps.PublishedMatchRateNonUsImg;
        return usImg ? Math.Min(0.95, nonUs * ps.PublishedMatchRateUsImg / ps.PublishedMatchRateNonUsImg) : nonUs;
    }

    public static RiskLevel RiskOf(double pMatch, double reference) =>
        pMatch >= OnTrackFrom * reference ? RiskLevel.OnTrack
        : pMatch >= ActBelow * reference ? RiskLevel.Watch
        : RiskLevel.Act;

    /// <summary>E[m(held + R)] for R ~ Poisson(λ).</summary>
    public static double MatchGivenHeldAndPoisson(int held, double lambda, MatchCurve m)
    {
        if (lambda <= 0) return m.At(held);
        double total = 0, pr = Math.Exp(-lambda), mass = 0;
        for (var r = 0; r <= ListOptimizer.MaxInterviews; r++)
        {
            if (r > 0) pr *= lambda / r;
            total += pr * m.At(held + r);
            mass += pr;
        }
        return total + (1 - mass) * m.At(held + ListOptimizer.MaxInterviews);
    }

    private static double Expected(IReadOnlyList<double> shownP, int n)
    {
        double sum = 0;
        for (var i = 0; i < Math.Min(n, shownP.Count); i++) sum += shownP[i];
        return sum;
    }
}
