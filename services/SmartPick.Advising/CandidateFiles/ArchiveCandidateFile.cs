using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using SmartPick.Contracts;
using SmartPick.Matching.Model;
using Wolverine;
using Wolverine.Http;

namespace SmartPick.Advising.CandidateFiles;

/// <summary>Archive the file: it stays readable, nothing more can be recorded.</summary>
public sealed record ArchiveCandidateFile(string? Reason, long? ExpectedVersion = null) : IFileCommand<ArchiveCandidateFile>
{
    public static FieldErrors Validate(ArchiveCandidateFile c, Stamp stamp) => new FieldErrors().MaxLength("reason", c.Reason, 500);

    public static Decision Decide(CandidateFile file, ArchiveCandidateFile c, Stamp stamp)
        => Decision.Append(new CandidateFileArchived(file.Id, c.Reason?.Trim(), stamp.By, stamp.At));
}

public static class ArchiveCandidateFileEndpoint
{
    [EndpointSummary("Archive the file: it stays readable, and nothing more can be recorded")]
    [WolverinePost("/api/candidates/{id}/archive")]
    [Authorize(Policy = SmartPickPolicies.Staff)]
    public static Task<IResult> Post(Guid id, ArchiveCandidateFile command, HttpContext http, CandidateFileDoor door, IDocumentSession session, IMessageBus bus, TimeProvider clock)
        => CandidateFileHttp.AppendAsync(http, door, session, bus, clock, id, command);
}
