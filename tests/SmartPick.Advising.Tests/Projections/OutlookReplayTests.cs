using SmartPick.Advising.CandidateFiles;
using SmartPick.Advising.Lists;
using SmartPick.Advising.Views;
using SmartPick.Matching.Model;
using SmartPick.Matching.Parameters;
using SmartPick.Matching.Stages;
using Shouldly;
using Xunit;
using static SmartPick.Advising.Tests.Story;

namespace SmartPick.Advising.Tests.Projections;

/// <summary>
/// The cohort row's stage-aware outlook through a season, replayed from events. No expected percentages: the
/// engine's numbers are still being calibrated, so the tests check what must hold whatever they are.
/// </summary>
public class OutlookReplayTests
{
    private static readonly double Reference = OutlookRules.ReferenceRate("internal_medicine", false, DefaultParameters.Current);

    /// <summary>A weak list as the engine records it: 0.05 interviews per program, P(match) climbing slowly with N.</summary>
    private static readonly ListContent Weak = Content(0.08, [Program("A", 0.05), Program("B", 0.05)]) with
    {
        RecommendedApplications = 100,
        Curve = [.. Enumerable.Range(1, 12).Select(i => new CurvePoint(10 * i, 0.008 * i))],
        Points = [.. Enumerable.Range(1, 12).Select(i => new ListPoint(10 * i, 0.008 * i, 0.5 * i))],
    };

    private static CandidateSummary Row(params object[] events) => Replay.Projection<CandidateSummaryProjection, CandidateSummary>(events);

    private static object[] Season(params object[] more) => Flat([Opened(), Exam(ExamKind.Step2Ck, 230, true), List(2, Weak), CycleStarted(2026, 10), .. more]);

    private static ApplicationsSubmitted Submitted(int count, int day = 20)
        => new(Id, 2026, count, [], DateOnly.FromDateTime(Day(day).UtcDateTime), Advisor, Day(day));

    private static object[] Interviews(int count, int from = 40) => [.. Enumerable.Range(0, count).Select(i => Interview(2026, $"P{i}", from + i))];

    private static RankListCertified Certified(int day = 120) => new(Id, 2026, 4, DateOnly.FromDateTime(Day(day).UtcDateTime), Advisor, Day(day));

    [Fact]
    public void before_applications_the_chance_is_the_recommended_lists()
    {
        var row = Row(Season());
        row.Status.ShouldBe(CandidateStatus.Applying);
        row.Outlook.ShouldNotBeNull().Stage.ShouldBe(SeasonStage.BeforeApplications);
        row.PMatch.ShouldBe(Weak.PMatch);
        row.Risk.ShouldBe(OutlookRules.RiskOf(Weak.PMatch, Reference));
        row.Outlook.ExpectedInterviews.ShouldBe(5); // the first 100 programs at 0.05 each
    }

    [Fact]
    public void a_file_without_a_list_has_no_outlook_and_no_risk_yet()
    {
        var row = Row(Opened());
        row.Outlook.ShouldBeNull();
        row.PMatch.ShouldBeNull();
        row.Risk.ShouldBe(RiskLevel.None);
    }

    [Fact]
    public void after_submitting_the_outlook_reads_the_submitted_lists_size()
    {
        var fewer = Row(Season(Submitted(30)));
        var more = Row(Season(Submitted(80), Submitted(40, day: 25)));
        fewer.ApplicationsThisSeason.ShouldBe(30);
        more.ApplicationsThisSeason.ShouldBe(120);
        fewer.Outlook!.Stage.ShouldBe(SeasonStage.Applied);
        more.Outlook!.Stage.ShouldBe(SeasonStage.Applied);
        more.Outlook.ExpectedInterviews!.Value.ShouldBeGreaterThan(fewer.Outlook.ExpectedInterviews!.Value);
        more.PMatch!.Value.ShouldBeGreaterThan(fewer.PMatch!.Value);
        fewer.Risk.ShouldBe(OutlookRules.RiskOf(fewer.PMatch.Value, Reference));
    }

    [Fact]
    public void with_interviews_the_chance_follows_the_interviews_not_the_weak_list()
    {
        var chances = new List<double>();
        for (var held = 1; held <= 8; held++)
        {
            var row = Row(Season([Submitted(100), .. Interviews(held)]));
            row.Status.ShouldBe(CandidateStatus.Interviewing);
            row.InterviewsThisSeason.ShouldBe(held);
            row.Outlook!.Stage.ShouldBe(SeasonStage.Interviewing);
            row.Risk.ShouldBe(OutlookRules.RiskOf(row.PMatch!.Value, Reference));
            chances.Add(row.PMatch.Value);
        }
        chances.ShouldBe(chances.Order().ToList());
        chances[^1].ShouldBeGreaterThan(chances[0]);
        // Three or four interviews are worth far more than the weak list's chance of ever getting them.
        chances[3].ShouldBeGreaterThan(Weak.PMatch * 3);
    }

    [Fact]
    public void once_certified_the_chance_rests_on_the_interviews_held()
    {
        var two = Row(Season([Submitted(100), .. Interviews(2), Certified()]));
        var six = Row(Season([Submitted(100), .. Interviews(6), Certified()]));
        two.Status.ShouldBe(CandidateStatus.RankListCertified);
        two.Outlook!.Stage.ShouldBe(SeasonStage.RankListCertified);
        six.PMatch!.Value.ShouldBeGreaterThan(two.PMatch!.Value);
        // No more invitations are expected once the list is certified.
        six.Outlook!.ExpectedInterviews.ShouldBe(6);
        six.Risk.ShouldBe(OutlookRules.RiskOf(six.PMatch.Value, Reference));
    }

    [Fact]
    public void a_matched_candidate_shows_no_chance_and_no_risk()
    {
        var row = Row(Season([Submitted(100), .. Interviews(3), Certified(), new CycleMatched(Id, 2026, "P0", Advisor, Day(150))]));
        row.Status.ShouldBe(CandidateStatus.Matched);
        row.Outlook!.Stage.ShouldBe(SeasonStage.Matched);
        row.Outlook.PMatch.ShouldBeNull();
        row.PMatch.ShouldBeNull();
        row.Risk.ShouldBe(RiskLevel.None);
        row.Attention.ShouldBeEmpty();
        row.Outlook.Headline.ShouldContain("Matched");

        // A list regenerated after the match changes nothing of it.
        var later = Row([.. Season([Submitted(100), .. Interviews(3), Certified(), new CycleMatched(Id, 2026, "P0", Advisor, Day(150))]),
            .. List(160, Weak with { PMatch = 0.5 }, Weak)]);
        later.PMatch.ShouldBeNull();
        later.Risk.ShouldBe(RiskLevel.None);
    }

    [Fact]
    public void an_unmatched_candidate_is_judged_on_the_reapplication_list_and_starts_over_with_the_next_season()
    {
        var unmatched = Row(Season([Submitted(100), .. Interviews(1), Certified(), Unmatched(2026, 150)]));
        unmatched.Outlook!.Stage.ShouldBe(SeasonStage.Unmatched);
        unmatched.PMatch.ShouldBe(Weak.PMatch);
        unmatched.Risk.ShouldBe(OutlookRules.RiskOf(Weak.PMatch, Reference));

        var next = Row([.. Season([Submitted(100), .. Interviews(1), Certified(), Unmatched(2026, 150)]), CycleStarted(2027, 200)]);
        next.Outlook!.Stage.ShouldBe(SeasonStage.BeforeApplications);
        next.ApplicationsThisSeason.ShouldBeNull();
        next.InterviewsThisSeason.ShouldBe(0);
    }

    [Fact]
    public void an_archived_file_has_no_outlook_and_no_risk()
    {
        var row = Row(Season([Submitted(100), new CandidateFileArchived(Id, "withdrew", Advisor, Day(30))]));
        row.Outlook.ShouldBeNull();
        row.Risk.ShouldBe(RiskLevel.None);
        row.Attention.ShouldBeEmpty();
    }

    [Fact]
    public void the_row_and_the_dashboard_show_the_same_outlook()
    {
        var events = Season([Submitted(100), .. Interviews(3)]);
        var row = Row(events);
        var member = Replay.Projection<CohortDashboardProjection, CohortDashboard>(events).Members[Id];
        member.Outlook.ShouldBe(row.Outlook);
        member.Risk.ShouldBe(row.Risk);
        member.Attention.ShouldBe(row.Attention);
    }

    [Fact]
    public void the_row_uses_the_engines_outlook_rules()
    {
        var row = Row(Season([Submitted(100), .. Interviews(3)]));
        var position = new SeasonPosition(SeasonStage.Interviewing, 100, 3, CandidateOutlook.ShareOfInvitationsToComeWhileInterviewing, 2026);
        var engine = OutlookRules.For(position, Enumerable.Repeat(0.05, 120).ToList(), Weak.Curve, Weak.RecommendedApplications, Weak.PMatch,
            "internal_medicine", false, DefaultParameters.Current);
        row.PMatch!.Value.ShouldBe(engine.PMatch!.Value, 0.0001);
        row.Risk.ShouldBe(engine.Risk);
        row.Outlook!.Headline.ShouldBe(engine.Headline);
    }

    [Fact]
    public void a_list_recorded_before_lists_carried_points_still_gives_an_outlook()
    {
        var row = Row(Opened(), ListV1(2, Weak with { Points = null }), CycleStarted(2026, 10), Submitted(100), Interview(2026, "P", 40));
        row.Outlook!.Stage.ShouldBe(SeasonStage.Interviewing);
        row.PMatch.ShouldNotBeNull();
        row.Risk.ShouldBe(OutlookRules.RiskOf(row.PMatch.Value, Reference));
    }

    [Fact]
    public void the_points_recorded_with_a_list_sum_the_shown_chances_up_to_each_point_of_the_curve()
    {
        var programs = Enumerable.Range(0, 25).Select(i => new RankedProgram($"P{i:D2}", "P", "NY", "internal_medicine", 0.1, Tier.Target, [])).ToList();
        var result = new RankResult(programs, [], [new CurvePoint(10, 0.2), new CurvePoint(20, 0.3), new CurvePoint(25, 0.33)], 20, 0.3, [], [],
            new EngineVersions("2", "p", "c"));
        ListRecording.PointsOf(result).ShouldBe([new ListPoint(10, 0.2, 1), new ListPoint(20, 0.3, 2), new ListPoint(25, 0.33, 2.5)]);
    }
}
