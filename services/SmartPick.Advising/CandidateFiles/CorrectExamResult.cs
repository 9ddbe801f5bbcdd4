using System.Text.Json.Serialization;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using SmartPick.Contracts;
using SmartPick.Matching.Model;
using Wolverine;
using Wolverine.Http;

namespace SmartPick.Advising.CandidateFiles;

/// <summary>Correct a recorded exam result (a typo, a re-scored attempt): a new fact, the old one stays.</summary>
public sealed record CorrectExamResult(int? Score, bool? Passed, int? Attempt, DateOnly? TakenOn, string? Reason, long? ExpectedVersion = null) : IFileCommand<CorrectExamResult>
{
    /// <summary>The exam corrected, from the route.</summary>
    [JsonIgnore] public Guid ExamId { get; init; }

    public static FieldErrors Validate(CorrectExamResult c, Stamp stamp) => new FieldErrors()
        .Required("reason", c.Reason, 500)
        .Range("score", c.Score, 1, 300)
        .Range("attempt", c.Attempt, 1, 10)
        .NotInFuture("taken_on", c.TakenOn, stamp.Today);

    public static Decision Decide(CandidateFile file, CorrectExamResult c, Stamp stamp)
    {
        var examId = c.ExamId;
        var exam = file.Exams.Find(e => e.ExamId == examId);
        if (exam is null) return Decision.Refuse(Refusal.NotFound("No exam with this id in the file."));
        var takenOn = c.TakenOn ?? exam.TakenOn;
        // A correction that names only pass/fail drops the old score; one that names nothing keeps it.
        var score = c.Score ?? (c.Passed is null ? exam.Score : null);
        var passed = c.Passed ?? (c.Score is not null ? ExamRules.PassedByScore(exam.Exam, score) : exam.Passed);
        var errors = new FieldErrors();
        ExamRules.Check(errors, "correction", exam.Exam, score, passed, c.Attempt ?? exam.Attempt, takenOn);
        if (file.Exams.Any(e => e.ExamId != examId && e.Exam == exam.Exam && e.Attempt == (c.Attempt ?? exam.Attempt)))
            errors.Add("attempt", "another result of this exam already has that attempt number");
        if (errors.Any) return Decision.Conflict("The corrected result is not a valid result for this exam: " + string.Join("; ", errors.ToDictionary().SelectMany(x => x.Value)));
        return Decision.Append(new ExamResultCorrected(file.Id, examId, score, passed,
            c.Attempt ?? exam.Attempt, takenOn, c.Reason!.Trim(), stamp.By, stamp.At));
    }
}

public static class CorrectExamResultEndpoint
{
    [EndpointSummary("Correct a recorded exam result; the original stays in the history")]
    [WolverinePost("/api/candidates/{id}/exams/{examId}/correction")]
    [Authorize(Policy = SmartPickPolicies.Staff)]
    public static Task<IResult> Post(Guid id, Guid examId, CorrectExamResult command, HttpContext http, CandidateFileDoor door, IDocumentSession session, IMessageBus bus, TimeProvider clock)
        => CandidateFileHttp.AppendAsync(http, door, session, bus, clock, id, command with { ExamId = examId });
}
