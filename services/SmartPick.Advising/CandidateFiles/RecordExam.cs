using System.Text.Json.Serialization;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using SmartPick.Contracts;
using SmartPick.Matching.Model;
using Wolverine;
using Wolverine.Http;

namespace SmartPick.Advising.CandidateFiles;

/// <summary>
/// Record one USMLE attempt. The attempt number is counted from the file when not given. The result travels as
/// <c>exam</c>; <c>exams</c>, its name in the first API release, is still read for one release.
/// </summary>
public sealed record RecordExam(ExamResult? Exam, DateOnly? TakenOn, long? ExpectedVersion = null) : IFileCommand<RecordExam>
{
    /// <summary>The earlier name of <see cref="Exam"/>; read, never written.</summary>
    [JsonPropertyName("exams"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Obsolete("Send 'exam'.")]
    public ExamResult? Exams { get => null; init => Exam ??= value; }

    /// <summary>Step 1 has been reported pass/fail only since 26 January 2022.</summary>
    public static readonly DateOnly Step1PassFailSince = new(2022, 1, 26);

    public static FieldErrors Validate(RecordExam c, Stamp stamp)
    {
        var errors = new FieldErrors();
        if (c.Exam is null) errors.Add("exam", "is required");
        if (c.TakenOn is null) errors.Add("taken_on", "is required");
        errors.NotInFuture("taken_on", c.TakenOn, stamp.Today);
        if (c.Exam is { } exam) ExamRules.Check(errors, "exam", exam.Exam, exam.Score, exam.Passed, exam.Attempt, c.TakenOn);
        return errors;
    }

    public static Decision Decide(CandidateFile file, RecordExam c, Stamp stamp)
    {
        var exam = c.Exam!;
        var earlier = file.Exams.Count(e => e.Exam == exam.Exam);
        // An attempt of 1 is the JSON default; when the file already has attempts it means "the next one".
        var attempt = exam.Attempt > 1 ? exam.Attempt : earlier + 1;
        if (file.Exams.Any(e => e.Exam == exam.Exam && e.Attempt == attempt))
            return Decision.Conflict($"Attempt {attempt} of {exam.Exam} is already recorded; correct it instead.");
        return Decision.Append(new ExamTaken(file.Id, Guid.CreateVersion7(stamp.At), exam.Exam, exam.Score,
            exam.Passed ?? ExamRules.PassedByScore(exam.Exam, exam.Score), attempt, c.TakenOn!.Value, stamp.By, stamp.At));
    }

}

public static class RecordExamEndpoint
{
    [EndpointSummary("Record a USMLE attempt")]
    [WolverinePost("/api/candidates/{id}/exams")]
    [Authorize(Policy = SmartPickPolicies.Staff)]
    public static Task<IResult> Post(Guid id, RecordExam command, HttpContext http, CandidateFileDoor door, IDocumentSession session, IMessageBus bus, TimeProvider clock)
        => CandidateFileHttp.AppendAsync(http, door, session, bus, clock, id, command);
}

/// <summary>What a USMLE result can be.</summary>
internal static class ExamRules
{
    /// <summary>Current minimum passing scores; used only when a score is given without a pass/fail.</summary>
    private static readonly Dictionary<ExamKind, int> MinimumPassing = new()
    {
        [ExamKind.Step1] = 196,
        [ExamKind.Step2Ck] = 214,
        [ExamKind.Step3] = 200,
    };

    /// <summary>Since 1 July 2022 the minimums above apply (Step 2 CK rose to 214 then).</summary>
    public static readonly DateOnly CurrentMinimumsSince = new(2022, 7, 1);

    /// <summary>The lowest passing score each exam has had since 2005: a "pass" below it is a typing error.</summary>
    private static readonly Dictionary<ExamKind, int> LowestPassingSince2005 = new()
    {
        [ExamKind.Step1] = 182,
        [ExamKind.Step2Ck] = 184,
        [ExamKind.Step3] = 184,
    };

    public static bool? PassedByScore(ExamKind exam, int? score)
        => score is { } s ? s >= MinimumPassing[exam] : null;

    public static FieldErrors Check(FieldErrors errors, string prefix, ExamKind exam, int? score, bool? passed, int attempt, DateOnly? takenOn)
    {
        errors.Defined($"{prefix}.exam", (ExamKind?)exam);
        errors.Range($"{prefix}.score", score, 1, 300);
        errors.Range($"{prefix}.attempt", attempt, 1, 10);
        if (score is null && passed is null) errors.Add($"{prefix}.passed", "give a score or whether it was passed");
        if (exam == ExamKind.Step1 && score is not null && takenOn >= RecordExam.Step1PassFailSince)
            errors.Add($"{prefix}.score", "Step 1 taken since 26 January 2022 is pass/fail only");
        if (exam == ExamKind.Step2Ck && score is null)
            errors.Add($"{prefix}.score", "Step 2 CK is always scored (1–300)");
        if (score is { } s and >= 1 and <= 300 && passed is { } p && MinimumPassing.ContainsKey(exam))
        {
            var name = exam switch { ExamKind.Step1 => "Step 1", ExamKind.Step2Ck => "Step 2 CK", _ => "Step 3" };
            var current = takenOn >= CurrentMinimumsSince;
            if (p && s < (current ? MinimumPassing[exam] : LowestPassingSince2005[exam]))
                errors.Add($"{prefix}.passed", current
                    ? $"a score of {s} is below {name}'s passing score ({MinimumPassing[exam]}); it cannot be a pass"
                    : $"a score of {s} is below any passing score {name} has had since 2005 ({LowestPassingSince2005[exam]}); it cannot be a pass");
            if (!p && current && s >= MinimumPassing[exam])
                errors.Add($"{prefix}.passed", $"a score of {s} is at or above {name}'s passing score ({MinimumPassing[exam]}); it is a pass");
        }
        return errors;
    }
}
