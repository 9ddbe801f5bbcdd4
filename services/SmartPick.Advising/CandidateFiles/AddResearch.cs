using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using SmartPick.Contracts;
using SmartPick.Matching.Model;
using Wolverine;
using Wolverine.Http;

namespace SmartPick.Advising.CandidateFiles;

/// <summary>Add research, QI or a publication.</summary>
public sealed record AddResearch(ResearchItem? Research, string? Title, long? ExpectedVersion = null) : IFileCommand<AddResearch>
{
    public static readonly IReadOnlySet<string> Kinds = new HashSet<string>(StringComparer.Ordinal)
        { "research", "qi", "publication", "abstract", "poster", "case_report" };

    public static FieldErrors Validate(AddResearch c, Stamp stamp)
    {
        var errors = new FieldErrors().MaxLength("title", c.Title, 300);
        if (c.Research is not { } research) return errors.Add("research", "is required");
        if (!Kinds.Contains(research.Kind ?? ""))
            errors.Add("research.kind", "must be one of " + string.Join(", ", Kinds.Order(StringComparer.Ordinal)));
        return errors;
    }

    public static Decision Decide(CandidateFile file, AddResearch c, Stamp stamp) => Decision.Append(new ResearchAdded(
        file.Id, Guid.CreateVersion7(stamp.At), c.Research!.Kind, c.Research.UsCollaborators, c.Title?.Trim(), stamp.By, stamp.At));
}

public static class AddResearchEndpoint
{
    [EndpointSummary("Record research, QI work or a publication")]
    [WolverinePost("/api/candidates/{id}/research")]
    [Authorize(Policy = SmartPickPolicies.Staff)]
    public static Task<IResult> Post(Guid id, AddResearch command, HttpContext http, CandidateFileDoor door, IDocumentSession session, IMessageBus bus, TimeProvider clock)
        => CandidateFileHttp.AppendAsync(http, door, session, bus, clock, id, command);
}
