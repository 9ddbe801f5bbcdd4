using SmartPick.Advising.Seasons;
using SmartPick.Contracts;
using System.Text.Json;
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

/// <summary>Views rebuilt from a list of events, without a database.</summary>
public class ViewReplayTests
{
    private static readonly ListedProgram A = Program("A", 0.40, Tier.Target, ("img_friendly_state", 0.4), ("no_hands_on_usce", -1.2));
    private static readonly ListedProgram B = Program("B", 0.30, Tier.Target, ("img_share", 0.3));
    private static readonly ListedProgram C = Program("C", 0.20, Tier.Reach, ("no_hands_on_usce", -1.2));

    [Fact]
    public void the_profile_view_gives_the_engine_the_file_as_it_stands()
    {
        var step2 = Guid.NewGuid();
        var view = Replay.Projection<CandidateProfileProjection, CandidateProfileView>(
            Opened(), Exam(ExamKind.Step1, null, false, 1), Exam(ExamKind.Step1, null, true, 2),
            Exam(ExamKind.Step2Ck, 218, true, examId: step2),
            new ExamResultCorrected(Id, step2, 228, true, 1, new DateOnly(2025, 1, 1), "typo", Advisor, Day(4)),
            HandsOn(3), Observership(2), UsLetter(),
            CycleStarted(2026, 10), Interview(2026, "P1", 30), Unmatched(2026, 40), CycleStarted(2027, 50));

        var profile = view.ToEngineProfile(defaultSeason: 2030);

        profile.Season.ShouldBe(2027);
        profile.Exams.ShouldBe([new ExamResult(ExamKind.Step1, null, false, 1), new ExamResult(ExamKind.Step1, null, true, 2),
            new ExamResult(ExamKind.Step2Ck, 228, true, 1)]);
        profile.Usce.Sum(u => u.Months).ShouldBe(5m);
        profile.Letters.ShouldHaveSingleItem().Us.ShouldBeTrue();
        profile.PreviousCycles.ShouldBe([new PreviousCycle(2026, CycleOutcome.Unmatched, 1)]);
        profile.Budget.ShouldBe(new Budget(120));
        profile.VisaNeed.ShouldBe(VisaNeed.J1);
        profile.UnknownSections.ShouldBe(ProfileSections.None);
    }

    [Fact]
    public void exams_are_unknown_to_the_engine_until_one_is_recorded()
    {
        var view = Replay.Projection<CandidateProfileProjection, CandidateProfileView>(Opened());
        var profile = view.ToEngineProfile(2026);
        profile.UnknownSections.ShouldBe(ProfileSections.Exams);
        profile.Season.ShouldBe(2026);
    }

    private static readonly ListContent First = Content(0.55, [A, B, C]);
    private static readonly ListContent Second = Content(0.71,
        [Program("A", 0.62, Tier.Likely, ("img_friendly_state", 0.4), ("hands_on_usce", 0.8)), Program("D", 0.50, Tier.Target, ("hands_on_usce", 0.8)), B],
        risks: ["low_scores"]);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void the_current_list_says_what_was_added_removed_and_moved_and_why(bool v1Lists)
    {
        var view = v1Lists
            ? Replay.Projection<CurrentListProjection, CurrentList>(Opened(), ListV1(5, First), HandsOn(3, day: 8), ListV1(9, Second))
            : Replay.Projection<CurrentListProjection, CurrentList>(Opened(), List(5, First), HandsOn(3, day: 8), List(9, Second, First));

        view.Status.ShouldBe(ListStatus.Ready);
        view.Number.ShouldBe(2);
        view.Programs.Select(p => p.ProgramCode).ShouldBe(["A", "D", "B"]);
        view.PMatch.ShouldBe(0.71);
        view.GeneratedAt.ShouldBe(Day(9));
        var changes = view.Changes!;
        changes.Added.ShouldHaveSingleItem().ProgramCode.ShouldBe("D");
        changes.Removed.ShouldHaveSingleItem().ProgramCode.ShouldBe("C");
        var moved = changes.Moved.ShouldHaveSingleItem();
        moved.ProgramCode.ShouldBe("A");
        moved.TierBefore.ShouldBe(Tier.Target);
        moved.TierAfter.ShouldBe(Tier.Likely);
        moved.ReasonsGained.ShouldBe(["hands_on_usce"]);
        moved.ReasonsLost.ShouldBe(["no_hands_on_usce"]);
        changes.PMatchBefore.ShouldBe(0.55);
        changes.PMatchAfter.ShouldBe(0.71);
        changes.RiskFactorsResolved.ShouldBe(["no_usce"]);
        changes.VersionsChanged.ShouldBeEmpty();
    }

    [Fact]
    public void a_list_is_recorded_as_its_outlook_then_its_programs_with_the_difference_worked_out_once()
    {
        var (outlook, list) = ListRecording.Record(Id, First, Second, RecordedBy.System, Day(9));
        outlook.ProgramsListed.ShouldBe(3);
        outlook.PMatch.ShouldBe(0.71);
        outlook.RiskFactors.ShouldBe(["low_scores"]);
        list.Programs.ShouldBe(Second.Programs);
        System.Text.Json.JsonSerializer.Serialize(list.Changes).ShouldBe(System.Text.Json.JsonSerializer.Serialize(ListChanges.Between(First, Second)));
        list.Changes.Added.ShouldHaveSingleItem().ProgramCode.ShouldBe("D");
        // A file's first list: every program is new.
        ListRecording.Record(Id, null, First, RecordedBy.System, Day(5)).List.Changes.Added.Select(p => p.ProgramCode).ShouldBe(["A", "B", "C"]);
    }

    [Fact]
    public void a_new_catalog_version_is_named_among_the_changes()
    {
        var next = Content(0.5, [A], catalog: "sha256:bbbb");
        var view = Replay.Projection<CurrentListProjection, CurrentList>(Opened(), List(5, Content(0.5, [A])), List(6, next, Content(0.5, [A])));
        view.Changes!.VersionsChanged.ShouldBe(["catalog"]);
        view.Versions!.Catalog.ShouldBe("sha256:bbbb");
        Replay.Projection<CurrentListProjection, CurrentList>(Opened(), ListV1(5, Content(0.5, [A])), ListV1(6, next))
            .Changes!.VersionsChanged.ShouldBe(["catalog"]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void the_list_history_keeps_every_list_with_its_difference(bool v1Lists)
    {
        var first = Content(0.5, [A, B]);
        var second = Content(0.6, [B, A, C]);
        var history = v1Lists
            ? Replay.Projection<ListHistoryProjection, ListHistory>(Opened(), ListV1(5, first), ListV1(6, second))
            : Replay.Projection<ListHistoryProjection, ListHistory>(Opened(), List(5, first), List(6, second, first));
        history.Entries.Select(e => e.Number).ShouldBe([1, 2]);
        history.Entries[0].Changes.Added.Count.ShouldBe(2);
        history.Entries[1].Changes.Added.ShouldHaveSingleItem().ProgramCode.ShouldBe("C");
        history.Entries[1].PMatch.ShouldBe(0.6);
        history.Entries[1].Programs.ShouldBe(3);
        (history.PreviousV1 is not null).ShouldBe(v1Lists);
    }

    [Fact]
    public void a_new_list_after_lists_of_the_earlier_kind_stops_keeping_the_last_of_them()
    {
        var first = Content(0.5, [A, B]);
        var history = Replay.Projection<ListHistoryProjection, ListHistory>(Opened(), ListV1(5, first), List(6, Content(0.6, [B, A, C]), first));
        history.Entries.Count.ShouldBe(2);
        history.Entries[1].Changes.Added.ShouldHaveSingleItem().ProgramCode.ShouldBe("C");
        history.PreviousV1.ShouldBeNull();
    }

    [Fact]
    public void progress_since_the_last_cycle_says_what_improved_and_what_is_still_missing()
    {
        var view = Replay.Projection<ProgressSinceLastCycleProjection, ProgressSinceLastCycle>(
            Opened(), Exam(ExamKind.Step2Ck, 228, true), Observership(2), List(5, 0.35, [A]),
            CycleStarted(2026, 10), Unmatched(2026, 200),
            HandsOn(3, day: 210), UsLetter(day: 220), UsLetter(LetterStrength.Standard, day: 221),
            Exam(ExamKind.Step3, 225, true, day: 230),
            List(231, 0.68, [A, B], advice: [new ListedAdvice("apply_broadly", "Apply to 120–150 programs")]));

        view.LastSeason.ShouldBe(2026);
        view.LastOutcome.ShouldBe(CycleOutcome.Unmatched);
        view.PMatchThen.ShouldBe(0.35);
        view.PMatchNow.ShouldBe(0.68);
        view.Improved.Select(i => i.Code).ShouldBe(["step3_passed", "hands_on_usce_months", "us_letters", "strong_us_letters"]);
        view.Improved.Single(i => i.Code == "hands_on_usce_months").ShouldBe(new Improvement("hands_on_usce_months", "0", "3"));
        view.StillMissing.ShouldHaveSingleItem().Code.ShouldBe("apply_broadly");
    }

    [Fact]
    public void before_any_season_ends_there_is_no_baseline_and_nothing_counts_as_improved()
    {
        var view = Replay.Projection<ProgressSinceLastCycleProjection, ProgressSinceLastCycle>(Opened(), HandsOn(3), CycleStarted(2026, 10));
        view.Then.ShouldBeNull();
        view.Improved.ShouldBeEmpty();
        view.Now.HandsOnUsceMonths.ShouldBe(3m);
    }

    [Fact]
    public void cycles_side_by_side_show_what_each_season_started_with()
    {
        var view = Replay.Projection<CyclesSideBySideProjection, CyclesSideBySide>(
            Opened(), Exam(ExamKind.Step2Ck, 228, true), List(5, 0.35, [A]), CycleStarted(2026, 10),
            new ApplicationsSubmitted(Id, 2026, 90, [], new DateOnly(2025, 9, 3), Advisor, Day(11)),
            Interview(2026, "P1", 60), Unmatched(2026, 200), HandsOn(4, day: 210), List(211, 0.7, [A, B]), CycleStarted(2027, 220));

        view.Cycles.Select(c => c.Season).ShouldBe([2026, 2027]);
        view.Cycles[0].Applications.ShouldBe(90);
        view.Cycles[0].Interviews.ShouldBe(["P1"]);
        view.Cycles[0].Outcome.ShouldBe(CycleOutcome.Unmatched);
        view.Cycles[0].FactsAtStart.HandsOnUsceMonths.ShouldBe(0m);
        view.Cycles[0].PMatchAtStart.ShouldBe(0.35);
        view.Cycles[1].FactsAtStart.HandsOnUsceMonths.ShouldBe(4m);
        view.Cycles[1].PMatchAtStart.ShouldBe(0.7);
        view.Cycles[1].Outcome.ShouldBeNull();
    }

    [Fact]
    public void the_timeline_says_who_recorded_what_and_when()
    {
        var view = Replay.Projection<TimelineProjection, Timeline>(Opened(), Exam(ExamKind.Step2Ck, 228, true, day: 1),
            List(2, 0.5, [A]), new NudgeSent(Id, "reapplication", 2027, "eras_minus_60", "k1", Day(3)));

        view.Entries.Select(e => e.Kind).ShouldBe(["candidate_file_opened", "exam_taken", "program_list_regenerated", "nudge_sent"]);
        view.Entries[1].Summary.ShouldBe("Step 2 CK attempt 1 on " + Exam(ExamKind.Step2Ck, 228, true, day: 1).TakenOn.ToString("yyyy-MM-dd") + ": 228, passed");
        view.Entries[1].RecordedBy.ShouldBe(Advisor);
        view.Entries[1].At.ShouldBe(Day(1));
        view.Entries[2].RecordedBy.ShouldBe(RecordedBy.System);
        view.Entries[3].At.ShouldBe(Day(3));
    }

    [Fact]
    public void a_stored_blank_target_specialty_is_read_as_no_specialty_by_every_view()
    {
        // The commands refuse a blank element now; an event recorded before they did must still be readable
        // (it made every later read of the file's timeline fail).
        var blank = new PreferencesChanged(Id, VisaNeed.J1, ["internal_medicine", null!, " "], ["NY"], [], 120, null, Advisor, Day(1));

        var timeline = Replay.Projection<TimelineProjection, Timeline>(Opened(), blank);
        timeline.Entries[1].Summary.ShouldBe("Preferences changed: targets Internal Medicine, budget 120 applications");
        Replay.Projection<CandidateProfileProjection, CandidateProfileView>(Opened(), blank).TargetSpecialties.ShouldBe(["internal_medicine"]);
        Replay.Projection<CandidateSummaryProjection, CandidateSummary>(Opened(), blank).TargetSpecialties.ShouldBe(["internal_medicine"]);
    }

    [Fact]
    public void the_cohort_row_tracks_status_risk_and_attention()
    {
        // A chance far below the specialty's published rate calls for action, one near certainty is on track.
        var reference = OutlookRules.ReferenceRate("internal_medicine", false, DefaultParameters.Current);
        var row = Replay.Projection<CandidateSummaryProjection, CandidateSummary>(Opened(), List(2, 0.05, [A]));
        row.Status.ShouldBe(CandidateStatus.Open);
        row.Risk.ShouldBe(OutlookRules.RiskOf(0.05, reference));
        row.Risk.ShouldBe(RiskLevel.Act);
        row.Attention.ShouldBe(["act", "no_step2ck"]);

        row = Replay.Projection<CandidateSummaryProjection, CandidateSummary>(Opened(), Exam(ExamKind.Step2Ck, 240, true),
            List(2, 0.95, [A]), CycleStarted(2026, 10), Interview(2026, "P", 40), Unmatched(2026, 60));
        row.Status.ShouldBe(CandidateStatus.Unmatched);
        row.Risk.ShouldBe(RiskLevel.OnTrack);
        row.Attention.ShouldBe(["unmatched_without_new_evidence"]);
    }

    [Fact]
    public void the_cohort_dashboard_counts_by_status_and_risk_and_lists_who_needs_attention()
    {
        var other = Guid.NewGuid();
        var dashboard = Replay.Projection<CohortDashboardProjection, CohortDashboard>(
            Opened(), Exam(ExamKind.Step2Ck, 240, true), List(2, 0.95, [A]),
            Opened() with { CandidateId = other, Name = "Bola Ade" },
            List(3, Content(0.05, [A]), candidate: other),
            CycleStarted(2026, 10));

        dashboard.Total.ShouldBe(2);
        dashboard.ByStatus.ShouldBe(new Dictionary<CandidateStatus, int> { [CandidateStatus.Applying] = 1, [CandidateStatus.Open] = 1 }, ignoreOrder: true);
        dashboard.ByRisk.ShouldBe(new Dictionary<RiskLevel, int> { [RiskLevel.OnTrack] = 1, [RiskLevel.Act] = 1 }, ignoreOrder: true);
        var attention = dashboard.NeedsAttention().ShouldHaveSingleItem();
        attention.Id.ShouldBe(other);
        attention.Reasons.ShouldBe(["act", "no_step2ck"]);
    }

    [Fact]
    public void the_cohort_dashboard_does_not_read_notes_which_change_no_count_and_no_reason_for_attention()
    {
        var projection = new CohortDashboardProjection();
        projection.AssembleAndAssertValidity();
        projection.IncludedEventTypes.ShouldNotContain(typeof(AdvisorNoteAdded));
        projection.IncludedEventTypes.ShouldContain(typeof(ExamTaken));

        // What the dashboard holds is the same with or without the notes: each member as its cohort row has it,
        // less the last activity, which the dashboard does not keep.
        var other = Guid.NewGuid();
        object[] first = [Opened(), Exam(ExamKind.Step2Ck, 240, true), List(2, 0.8, [A]), CycleStarted(2026, 10)];
        object[] second = [Opened() with { CandidateId = other, Name = "Bola Ade" }, List(3, Content(0.2, [A]), candidate: other)];
        var note = (Guid id, int day) => new AdvisorNoteAdded(id, Guid.NewGuid(), "Called", Advisor, Day(day));
        object[] firstWithNotes = [first[0], first[1], note(Id, 80), first[2], first[3], note(Id, 90)];
        object[] secondWithNotes = [.. second, note(other, 85)];
        var dashboard = Replay.Projection<CohortDashboardProjection, CohortDashboard>([.. first, .. second]);
        var dashboardWithNotes = Replay.Projection<CohortDashboardProjection, CohortDashboard>([.. firstWithNotes, .. secondWithNotes]);
        JsonSerializer.Serialize(dashboardWithNotes).ShouldBe(JsonSerializer.Serialize(dashboard));
        foreach (var row in new[] { Replay.Projection<CandidateSummaryProjection, CandidateSummary>(firstWithNotes),
                     Replay.Projection<CandidateSummaryProjection, CandidateSummary>(secondWithNotes) })
        {
            row.LastActivityAt.ShouldNotBe(default);
            row.LastActivityAt = default;
            JsonSerializer.Serialize(dashboardWithNotes.Members[row.Id]).ShouldBe(JsonSerializer.Serialize(row));
        }
    }

    [Fact]
    public void a_recomputed_list_that_says_nothing_new_is_not_recorded_again()
    {
        var list = Content(0.5, [A, B]);
        ListRecording.SameAs(null, list).ShouldBeFalse();
        ListRecording.SameAs(list, list with { Programs = [A, B] }).ShouldBeTrue();
        ListRecording.SameAs(list, list with { CatalogVersion = "sha256:other" }).ShouldBeFalse();
        ListRecording.SameAs(list, list with { Programs = [B, A] }).ShouldBeFalse();
        ListRecording.SameAs(list, list with { PMatch = 0.51 }).ShouldBeFalse();
        // The current list the handler compares with says the same as the list it was made from.
        var view = Replay.Projection<CurrentListProjection, CurrentList>(Opened(), List(5, list));
        ListRecording.SameAs(ListContent.Of(view), list).ShouldBeTrue();
    }

    [Fact]
    public void the_recorded_list_keeps_programs_up_to_the_larger_of_budget_and_recommended_number()
    {
        var programs = Enumerable.Range(1, 50).Select(i => new RankedProgram($"P{i}", $"Program {i}", "NY", "internal_medicine",
            1.0 / (i + 1), Tier.Target, [new Reason("a", "a", 0.1), new Reason("b", "b", -0.9), new Reason("c", "c", 0.3),
                new Reason("d", "d", 0.05), new Reason("e", "e", 0.2)])).ToList();
        var result = new RankResult(programs, [new ExcludedProgram("X1", "X", [new Reason("visa_not_sponsored", "", 0)]),
                new ExcludedProgram("X2", "X", [new Reason("visa_not_sponsored", "", 0)]), new ExcludedProgram("X3", "X", [new Reason("cutoff_step2ck", "", 0)])],
            [new CurvePoint(10, 0.4)], 20, 0.61234567, ["low_scores"], [new Advice("wait", "Wait a cycle", "low scores")],
            new EngineVersions("1.0", "p1", "sha256:x"));

        var recorded = ListRecording.From(result, budget: 30);
        recorded.Programs.Count.ShouldBe(30);
        recorded.EligibleCount.ShouldBe(50);
        recorded.Programs[0].Reasons.Select(r => r.Code).ShouldBe(["b", "c", "e", "a"]);
        recorded.Excluded.ShouldBe([new ExclusionCount("cutoff_step2ck", 1), new ExclusionCount("visa_not_sponsored", 2)]);
        recorded.PMatch.ShouldBe(0.6123);
        ListRecording.From(result, budget: null).Programs.Count.ShouldBe(20);
    }

    [Theory]
    [InlineData(2025, 5, 2025)]
    [InlineData(2025, 6, 2026)]
    [InlineData(2026, 11, 2027)]
    public void outside_a_season_the_list_is_for_the_next_match(int year, int month, int season)
        => MatchSeasons.Next(new DateTimeOffset(year, month, 15, 0, 0, 0, TimeSpan.Zero)).ShouldBe(season);
}
