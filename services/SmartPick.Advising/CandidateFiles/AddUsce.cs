using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using SmartPick.Contracts;
using SmartPick.Matching.Model;
using Wolverine;
using Wolverine.Http;

namespace SmartPick.Advising.CandidateFiles;

/// <summary>Add US clinical experience: one <c>usce</c> item of the profile plus where it was done.</summary>
public sealed record AddUsce(UsceItem? Usce, string? Institution, DateOnly? StartedOn, DateOnly? EndedOn, long? ExpectedVersion = null) : IFileCommand<AddUsce>
{
    public static FieldErrors Validate(AddUsce c, Stamp stamp)
    {
        var errors = new FieldErrors().Required("institution", c.Institution, 200)
            .NotInFuture("started_on", c.StartedOn, stamp.Today);
        if (c.Usce is not { } usce) return errors.Add("usce", "is required");
        errors.Defined("usce.kind", (UsceKind?)usce.Kind)
            .KnownSpecialty("usce.specialty", usce.Specialty)
            .KnownState("usce.state", usce.State)
            .Range("usce.months", usce.Months, 0.25m, 60m);
        if (c.StartedOn is { } from && c.EndedOn is { } to && to < from) errors.Add("ended_on", "must not be before started_on");
        return errors;
    }

    public static Decision Decide(CandidateFile file, AddUsce c, Stamp stamp) => Decision.Append(new UsceAdded(
        file.Id, Guid.CreateVersion7(stamp.At), c.Usce!.Kind, c.Usce.Specialty, c.Institution!.Trim(), c.Usce.State,
        c.Usce.Months, c.StartedOn, c.EndedOn, stamp.By, stamp.At));
}

public static class AddUsceEndpoint
{
    [EndpointSummary("Record US clinical experience")]
    [WolverinePost("/api/candidates/{id}/usce")]
    [Authorize(Policy = SmartPickPolicies.Staff)]
    public static Task<IResult> Post(Guid id, AddUsce command, HttpContext http, CandidateFileDoor door, IDocumentSession session, IMessageBus bus, TimeProvider clock)
        => CandidateFileHttp.AppendAsync(http, door, session, bus, clock, id, command);
}
