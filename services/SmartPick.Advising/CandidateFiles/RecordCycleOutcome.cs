using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using SmartPick.Advising.Http;
using SmartPick.Contracts;
using Wolverine;
using Wolverine.Http;

namespace SmartPick.Advising.CandidateFiles;

/// <summary>How a season ended. <c>outcome</c> is "matched" (with the program) or "unmatched".</summary>
public sealed record RecordCycleOutcome(string? Outcome, string? ProgramCode, long? ExpectedVersion = null)
{
    public static FieldErrors Validate(RecordCycleOutcome c, Stamp stamp)
    {
        var errors = new FieldErrors().MaxLength("program_code", c.ProgramCode, 32);
        if (c.Outcome is not ("matched" or "unmatched")) return errors.Add("outcome", "must be matched or unmatched");
        if (c.Outcome == "matched" && string.IsNullOrWhiteSpace(c.ProgramCode)) errors.Add("program_code", "is required when matched");
        if (c.Outcome == "unmatched" && c.ProgramCode is not null) errors.Add("program_code", "must be empty when unmatched");
        return errors;
    }

    public static Decision Decide(CandidateFile file, RecordCycleOutcome c, Stamp stamp, int season)
    {
        if (FileRules.SeasonInProgress(file, season) is { } refusal) return Decision.Refuse(refusal);
        return c.Outcome == "matched"
            ? Decision.Append(new CycleMatched(file.Id, season, c.ProgramCode!.Trim(), stamp.By, stamp.At))
            : Decision.Append(new CycleUnmatched(file.Id, season, stamp.By, stamp.At));
    }
}

public static class RecordCycleOutcomeEndpoint
{
    [WolverinePost("/api/candidates/{id}/cycles/{season}/outcome")]
    [Authorize(Policy = SmartPickPolicies.Staff)]
    public static Task<IResult> Post(Guid id, int season, RecordCycleOutcome command, HttpContext http, IDocumentSession session, IMessageBus bus, TimeProvider clock)
        => CandidateFileWrites.AppendAsync(http, session, bus, clock, id, command, command.ExpectedVersion,
            RecordCycleOutcome.Validate, (f, c, s) => RecordCycleOutcome.Decide(f, c, s, season), changesProfile: true);
}
