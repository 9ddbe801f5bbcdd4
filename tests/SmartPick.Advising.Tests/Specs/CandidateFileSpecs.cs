using SmartPick.Contracts;
using SmartPick.Advising.CandidateFiles;
using SmartPick.Matching.Model;
using Shouldly;
using Xunit;
using static SmartPick.Advising.Tests.Story;

namespace SmartPick.Advising.Tests.Specs;

/// <summary>Given events → when a command → then events or a refusal; pure, no database.</summary>
public class CandidateFileSpecs
{
    private static readonly Stamp Now = new(Advisor, Day(100));

    private static CandidateFile Given(params object[] events) => Replay.Aggregate<CandidateFile>(events);

    [Fact]
    public void when_an_advisor_records_a_failed_attempt_the_next_attempt_is_numbered_after_it()
    {
        var file = Given(Opened(), Exam(ExamKind.Step1, null, false, attempt: 1));

        var decision = RecordExam.Decide(file, new RecordExam(new ExamResult(ExamKind.Step1, null, true), new DateOnly(2025, 5, 1)), Now);

        var taken = decision.Events.ShouldHaveSingleItem().ShouldBeOfType<ExamTaken>();
        taken.Attempt.ShouldBe(2);
        taken.Passed.ShouldBe(true);
        taken.CandidateId.ShouldBe(Id);
        taken.RecordedBy.ShouldBe(Advisor);
        taken.RecordedAt.ShouldBe(Now.At);
    }

    [Fact]
    public void recording_an_attempt_number_that_is_already_in_the_file_is_a_conflict()
    {
        var file = Given(Opened(), Exam(ExamKind.Step2Ck, 210, false, 1), Exam(ExamKind.Step2Ck, 228, true, 2));

        var decision = RecordExam.Decide(file, new RecordExam(new ExamResult(ExamKind.Step2Ck, 231, true, 2), new DateOnly(2025, 5, 1)), Now);

        decision.Refusal!.Status.ShouldBe(409);
        decision.Events.ShouldBeEmpty();
    }

    [Fact]
    public void a_step2ck_score_without_pass_fail_is_judged_by_the_minimum_passing_score()
    {
        var decision = RecordExam.Decide(Given(Opened()), new RecordExam(new ExamResult(ExamKind.Step2Ck, 209, null), new DateOnly(2025, 5, 1)), Now);
        decision.Events.OfType<ExamTaken>().Single().Passed.ShouldBe(false);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(301)]
    public void a_step2ck_score_outside_1_to_300_is_a_field_error(int score)
    {
        var errors = RecordExam.Validate(new RecordExam(new ExamResult(ExamKind.Step2Ck, score, null), new DateOnly(2025, 1, 1)), Now);
        errors.ToDictionary().Keys.ShouldContain("exam.score");
    }

    [Fact]
    public void an_exam_taken_in_the_future_is_a_field_error()
    {
        var errors = RecordExam.Validate(new RecordExam(new ExamResult(ExamKind.Step2Ck, 240, null), Now.Today.AddDays(1)), Now);
        errors.ToDictionary().Keys.ShouldBe(["taken_on"]);
    }

    [Fact]
    public void a_three_digit_step1_score_after_january_2022_is_a_field_error()
    {
        var errors = RecordExam.Validate(new RecordExam(new ExamResult(ExamKind.Step1, 230, null), new DateOnly(2023, 3, 1)), Now);
        errors.ToDictionary()["exam.score"].ShouldContain(m => m.Contains("pass/fail"));
        RecordExam.Validate(new RecordExam(new ExamResult(ExamKind.Step1, 230, null), new DateOnly(2021, 3, 1)), Now).Any.ShouldBeFalse();
    }

    [Fact]
    public void usce_in_an_unknown_specialty_or_state_is_a_field_error()
    {
        var errors = AddUsce.Validate(new AddUsce(new UsceItem(UsceKind.HandsOn, "astrology", 3, "ZZ"), "Hospital", null, null), Now);
        errors.ToDictionary().Keys.ShouldBe(["usce.specialty", "usce.state"], ignoreOrder: true);
    }

    [Fact]
    public void opening_a_file_checks_every_field_and_never_echoes_a_huge_value()
    {
        var huge = new string('x', 1_000_000);
        var errors = OpenCandidateFile.Validate(new OpenCandidateFile(huge, "not-an-email", null, null, null, 1800,
            [huge], ["NY", "XX"], null, new Budget(0)), Now).ToDictionary();

        errors.Keys.ShouldBe(["budget.applications", "email", "medical_school_country", "name",
            "preferred_states[1]", "target_specialties[0]", "year_of_graduation"], ignoreOrder: true);
        errors.Values.SelectMany(x => x).ShouldAllBe(m => m.Length < 200);
    }

    [Fact]
    public void an_outcome_for_a_season_never_started_is_a_conflict()
    {
        var decision = RecordCycleOutcome.Decide(Given(Opened()), new RecordCycleOutcome("unmatched", null) with { Season = 2026 }, Now);
        decision.Refusal!.Status.ShouldBe(409);
        decision.Refusal.Detail.ShouldContain("2026");
    }

    [Fact]
    public void an_outcome_for_a_season_already_concluded_is_a_conflict()
    {
        var file = Given(Opened(), CycleStarted(2026, 10), Unmatched(2026, 20));
        RecordCycleOutcome.Decide(file, new RecordCycleOutcome("matched", "1234140C0") with { Season = 2026 }, Now).Refusal!.Status.ShouldBe(409);
    }

    [Fact]
    public void when_a_season_ends_unmatched_the_outcome_is_recorded_for_that_season()
    {
        var file = Given(Opened(), CycleStarted(2026, 10));
        var e = RecordCycleOutcome.Decide(file, new RecordCycleOutcome("unmatched", null) with { Season = 2026 }, Now).Events.ShouldHaveSingleItem();
        e.ShouldBe(new CycleUnmatched(Id, 2026, Advisor, Now.At));
    }

    [Fact]
    public void nothing_can_be_recorded_in_an_archived_file()
    {
        var file = Given(Opened(), new CandidateFileArchived(Id, "left the agency", Advisor, Day(5)));
        FileRules.Writable(file)!.Status.ShouldBe(409);
        FileRules.Writable(null)!.Status.ShouldBe(404);
        FileRules.Writable(Given(Opened())).ShouldBeNull();
    }

    [Fact]
    public void a_new_season_cannot_start_while_one_is_in_progress_or_twice()
    {
        var inProgress = Given(Opened(), CycleStarted(2026, 10));
        StartCycle.Decide(inProgress, new StartCycle(2027), Now).Refusal!.Detail.ShouldContain("still in progress");
        StartCycle.Decide(inProgress, new StartCycle(2026), Now).Refusal!.Detail.ShouldContain("already started");

        var concluded = Given(Opened(), CycleStarted(2026, 10), Unmatched(2026, 20));
        StartCycle.Decide(concluded, new StartCycle(2027), Now).Events.ShouldHaveSingleItem().ShouldBeOfType<CycleStarted>().Season.ShouldBe(2027);
        StartCycle.Decide(concluded, new StartCycle(2025), Now).Accepted.ShouldBeFalse();
    }

    [Fact]
    public void a_rank_list_needs_an_interview_and_is_certified_once()
    {
        var noInterview = Given(Opened(), CycleStarted(2026, 10));
        CertifyRankList.Decide(noInterview, new CertifyRankList(3, null) with { Season = 2026 }, Now).Refusal!.Status.ShouldBe(409);

        var interviewed = Given(Opened(), CycleStarted(2026, 10), Interview(2026, "P1", 30));
        var certified = CertifyRankList.Decide(interviewed, new CertifyRankList(3, null) with { Season = 2026 }, Now).Events.ShouldHaveSingleItem().ShouldBeOfType<RankListCertified>();
        certified.CertifiedOn.ShouldBe(Now.Today);

        var again = Given(Opened(), CycleStarted(2026, 10), Interview(2026, "P1", 30), certified);
        CertifyRankList.Decide(again, new CertifyRankList(3, null) with { Season = 2026 }, Now).Refusal!.Status.ShouldBe(409);
    }

    [Fact]
    public void a_correction_of_an_exam_not_in_the_file_is_not_found()
    {
        var decision = CorrectExamResult.Decide(Given(Opened()), new CorrectExamResult(230, null, null, null, "typo") with { ExamId = Guid.NewGuid() }, Now);
        decision.Refusal!.Status.ShouldBe(404);
    }

    [Fact]
    public void a_correction_records_the_right_values_and_keeps_what_it_does_not_name()
    {
        var examId = Guid.NewGuid();
        var file = Given(Opened(), Exam(ExamKind.Step2Ck, 218, true, examId: examId));

        var corrected = CorrectExamResult.Decide(file, new CorrectExamResult(228, null, null, null, "typo in score") with { ExamId = examId }, Now)
            .Events.ShouldHaveSingleItem().ShouldBeOfType<ExamResultCorrected>();

        corrected.Score.ShouldBe(228);
        corrected.Passed.ShouldBe(true);
        corrected.Attempt.ShouldBe(1);
        corrected.TakenOn.ShouldBe(file.Exams[0].TakenOn);
        corrected.Reason.ShouldBe("typo in score");
    }

    [Fact]
    public void changing_preferences_keeps_what_is_not_named_and_records_nothing_when_nothing_changes()
    {
        var file = Given(Opened());

        var changed = ChangePreferences.Decide(file, new ChangePreferences(null, ["internal_medicine", "family_medicine"], null, null, null), Now)
            .Events.ShouldHaveSingleItem().ShouldBeOfType<PreferencesChanged>();
        changed.TargetSpecialties.ShouldBe(["internal_medicine", "family_medicine"]);
        changed.PreferredStates.ShouldBe(["NY", "NJ"]);
        changed.ApplicationBudget.ShouldBe(120);
        changed.VisaNeed.ShouldBe(VisaNeed.J1);

        ChangePreferences.Decide(file, new ChangePreferences(VisaNeed.J1, null, ["NY", "NJ"], null, null), Now).Events.ShouldBeEmpty();
    }

    [Fact]
    public void applications_and_interviews_need_the_season_in_progress()
    {
        var file = Given(Opened());
        SubmitApplications.Decide(file, new SubmitApplications(120, null, null) with { Season = 2026 }, Now).Refusal!.Status.ShouldBe(409);
        RecordInterviewInvite.Decide(file, new RecordInterviewInvite("P1", null) with { Season = 2026 }, Now).Refusal!.Status.ShouldBe(409);

        var inSeason = Given(Opened(), CycleStarted(2026, 10));
        var submitted = SubmitApplications.Decide(inSeason, new SubmitApplications(null, ["A", "B", "A"], null) with { Season = 2026 }, Now)
            .Events.ShouldHaveSingleItem().ShouldBeOfType<ApplicationsSubmitted>();
        submitted.Count.ShouldBe(2);
        submitted.ProgramCodes.ShouldBe(["A", "B"]);
    }

    [Fact]
    public void an_outcome_must_be_matched_with_a_program_or_unmatched_without_one()
    {
        RecordCycleOutcome.Validate(new RecordCycleOutcome("won", null), Now).ToDictionary().Keys.ShouldBe(["outcome"]);
        RecordCycleOutcome.Validate(new RecordCycleOutcome("matched", null), Now).ToDictionary().Keys.ShouldBe(["program_code"]);
        RecordCycleOutcome.Validate(new RecordCycleOutcome("unmatched", "X"), Now).ToDictionary().Keys.ShouldBe(["program_code"]);
        RecordCycleOutcome.Validate(new RecordCycleOutcome("unmatched", null), Now).Any.ShouldBeFalse();
    }
}
