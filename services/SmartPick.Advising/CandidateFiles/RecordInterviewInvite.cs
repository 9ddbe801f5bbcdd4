using System.Text.Json.Serialization;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using SmartPick.Contracts;
using Wolverine;
using Wolverine.Http;

namespace SmartPick.Advising.CandidateFiles;

/// <summary>A program invited the candidate to interview in a season.</summary>
public sealed record RecordInterviewInvite(string? ProgramCode, DateOnly? InvitedOn, long? ExpectedVersion = null) : IFileCommand<RecordInterviewInvite>, INamesPrograms
{
    public IEnumerable<(string Field, string Code)> ProgramsNamed() => [("program_code", ProgramCode ?? "")];

    public static FieldErrors Validate(RecordInterviewInvite c, Stamp stamp) => new FieldErrors()
        .Required("program_code", c.ProgramCode, 32)
        .NotInFuture("invited_on", c.InvitedOn, stamp.Today);

    /// <summary>The season, from the route.</summary>
    [JsonIgnore] public int Season { get; init; }

    public static Decision Decide(CandidateFile file, RecordInterviewInvite c, Stamp stamp)
    {
        if (FileRules.SeasonInProgress(file, c.Season) is { } refusal) return Decision.Refuse(refusal);
        if (file.Cycle(c.Season)!.RankListCertified) return Decision.Conflict($"The rank list of season {c.Season} is already certified.");
        return Decision.Append(new InterviewInvited(file.Id, c.Season, c.ProgramCode!.Trim(), c.InvitedOn ?? stamp.Today, stamp.By, stamp.At));
    }
}

public static class RecordInterviewInviteEndpoint
{
    [EndpointSummary("Record a program's interview invitation in the season")]
    [WolverinePost("/api/candidates/{id}/cycles/{season}/interviews")]
    [Authorize(Policy = SmartPickPolicies.Staff)]
    public static Task<IResult> Post(Guid id, int season, RecordInterviewInvite command, HttpContext http, CandidateFileDoor door, IDocumentSession session, IMessageBus bus, TimeProvider clock)
        => CandidateFileHttp.AppendAsync(http, door, session, bus, clock, id, command with { Season = season });
}
