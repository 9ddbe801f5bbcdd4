using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using SmartPick.Contracts;
using SmartPick.Matching.Model;
using Wolverine;
using Wolverine.Http;

namespace SmartPick.Advising.CandidateFiles;

/// <summary>An advisor's free-text note in the file (does not change the list).</summary>
public sealed record AddAdvisorNote(string? Text, long? ExpectedVersion = null) : IFileCommand<AddAdvisorNote>
{
    public static FieldErrors Validate(AddAdvisorNote c, Stamp stamp) => new FieldErrors().Required("text", c.Text, 4000);

    public static Decision Decide(CandidateFile file, AddAdvisorNote c, Stamp stamp)
        => Decision.Append(new AdvisorNoteAdded(file.Id, Guid.CreateVersion7(stamp.At), c.Text!.Trim(), stamp.By, stamp.At));
}

public static class AddAdvisorNoteEndpoint
{
    [EndpointSummary("Add an advisor's note to the file")]
    [WolverinePost("/api/candidates/{id}/notes")]
    [Authorize(Policy = SmartPickPolicies.Staff)]
    public static Task<IResult> Post(Guid id, AddAdvisorNote command, HttpContext http, CandidateFileDoor door, IDocumentSession session, IMessageBus bus, TimeProvider clock)
        => CandidateFileHttp.AppendAsync(http, door, session, bus, clock, id, command);
}
