using SmartPick.Contracts;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using SmartPick.Advising.CandidateFiles;
using SmartPick.Advising.Http;
using Wolverine;
using Wolverine.Marten;
using Wolverine.Marten.Publishing;
using Wolverine.Runtime;

namespace SmartPick.Web.Pages.Shared;

/// <summary>What became of a command sent from a page form.</summary>
public sealed record PageCommandResult(bool Accepted, IDictionary<string, string[]> FieldErrors, string? Problem, int Status, Guid? CreatedId)
{
    public bool NotFound => Status == StatusCodes.Status404NotFound;
}

/// <summary>
/// Sends a page form's command down the advising module's own write path (<see cref="CandidateFileWrites"/>:
/// its validation, decision, version and state checks and its commit), in the signed-in user's tenant, with the
/// list regeneration going through the Marten outbox in the same transaction. Pages add no business rules.
/// </summary>
public sealed class CandidateFilePages(OutboxedSessionFactory sessions, IMessageBus bus, TimeProvider clock)
{
    public Task<PageCommandResult> AppendAsync<TCommand>(HttpContext http, Guid candidateId, TCommand command,
        Func<TCommand, Stamp, FieldErrors> validate, Func<CandidateFile, TCommand, Stamp, Decision> decide, bool changesProfile)
        where TCommand : notnull
        => RunAsync(http, (session, bus) => CandidateFileWrites.AppendAsync(http, session, bus, clock, candidateId, command, null, validate, decide, changesProfile));

    public Task<PageCommandResult> StartAsync<TCommand>(HttpContext http, TCommand command,
        Func<TCommand, Stamp, FieldErrors> validate, Func<Guid, TCommand, Stamp, object> open) where TCommand : notnull
        => RunAsync(http, (session, bus) => CandidateFileWrites.StartAsync(http, session, bus, clock, command, validate, open));

    private async Task<PageCommandResult> RunAsync(HttpContext http, Func<IDocumentSession, IMessageBus, Task<IResult>> write)
    {
        var tenant = http.User.Tenant();
        // The module publishes the list regeneration on this bus and commits the session itself; an outboxed
        // session stores the message in the same transaction as the events, for the same tenant.
        var context = (MessageContext)bus;
        context.TenantId = tenant;
        await using var session = sessions.OpenSession(context, tenant);
        return Read(await write(session, context));
    }

    private static PageCommandResult Read(IResult result)
    {
        switch (result)
        {
            case ValidationProblem v:
                return new(false, v.ProblemDetails.Errors, null, 400, null);
            case ProblemHttpResult p when p.ProblemDetails is Microsoft.AspNetCore.Http.HttpValidationProblemDetails vp:
                return new(false, vp.Errors, null, p.StatusCode, null);
            case ProblemHttpResult p:
                return new(false, new Dictionary<string, string[]>(), p.ProblemDetails.Detail ?? p.ProblemDetails.Title, p.StatusCode, null);
            case JsonAnswer answer:
                // The accepted answer carries the file id (the new one, when a file was opened).
                var accepted = System.Text.Json.JsonSerializer.Deserialize<CommandAccepted>(answer.Body, AdvisingJson.Options);
                return new(true, new Dictionary<string, string[]>(), null, answer.Status, accepted?.Id);
            default:
                return new(false, new Dictionary<string, string[]>(), "The request could not be completed.", 500, null);
        }
    }
}
