using System.Text.Json.Serialization;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using SmartPick.Contracts;
using Wolverine;
using Wolverine.Http;

namespace SmartPick.Advising.CandidateFiles;

/// <summary>How a season ended. <c>outcome</c> is "matched" (with the program) or "unmatched".</summary>
public sealed record RecordCycleOutcome(string? Outcome, string? ProgramCode, long? ExpectedVersion = null) : IFileCommand<RecordCycleOutcome>, INamesPrograms
{
    public IEnumerable<(string Field, string Code)> ProgramsNamed() => [("program_code", ProgramCode ?? "")];

    public static FieldErrors Validate(RecordCycleOutcome c, Stamp stamp)
    {
        var errors = new FieldErrors().MaxLength("program_code", c.ProgramCode, 32);
        if (c.Outcome is not ("matched" or "unmatched")) return errors.Add("outcome", "must be matched or unmatched");
        if (c.Outcome == "matched" && string.IsNullOrWhiteSpace(c.ProgramCode)) errors.Add("program_code", "is required when matched");
        if (c.Outcome == "unmatched" && c.ProgramCode is not null) errors.Add("program_code", "must be empty when unmatched");
        return errors;
    }

    /// <summary>The season, from the route.</summary>
    [JsonIgnore] public int Season { get; init; }

    public static Decision Decide(CandidateFile file, RecordCycleOutcome c, Stamp stamp)
    {
        if (FileRules.SeasonInProgress(file, c.Season) is { } refusal) return Decision.Refuse(refusal);
        return c.Outcome == "matched"
            ? Decision.Append(new CycleMatched(file.Id, c.Season, c.ProgramCode!.Trim(), stamp.By, stamp.At))
            : Decision.Append(new CycleUnmatched(file.Id, c.Season, stamp.By, stamp.At));
    }
}

public static class RecordCycleOutcomeEndpoint
{
    [EndpointSummary("Record how the season ended: matched (with the program) or unmatched")]
    [WolverinePost("/api/candidates/{id}/cycles/{season}/outcome")]
    [Authorize(Policy = SmartPickPolicies.Staff)]
    public static Task<IResult> Post(Guid id, int season, RecordCycleOutcome command, HttpContext http, CandidateFileDoor door, IDocumentSession session, IMessageBus bus, TimeProvider clock)
        => CandidateFileHttp.AppendAsync(http, door, session, bus, clock, id, command with { Season = season });
}
