using SmartPick.Advising.CandidateFiles;
using SmartPick.Contracts;
using Wolverine;
using Wolverine.Marten.Publishing;

namespace SmartPick.Web.Pages.Shared;

/// <summary>
/// Sends a page form's command through the advising module's door (<see cref="CandidateFileDoor"/>), the same one the
/// API uses, in the signed-in user's tenant: the session is outboxed, so the list regeneration the door sends is
/// stored in the same transaction as the facts. Pages add no business rules; they map the outcome onto their form.
/// </summary>
public sealed class CandidateFilePages(CandidateFileDoor door, OutboxedSessionFactory sessions, IMessageBus bus, TimeProvider clock)
{
    public async Task<FileOutcome> AppendAsync<TCommand>(HttpContext http, Guid candidateId, TCommand command)
        where TCommand : IFileCommand<TCommand>
    {
        await using var session = OpenSession(http);
        return await door.AppendAsync(session, bus, candidateId, command, Stamp(http), ct: http.RequestAborted);
    }

    public async Task<FileOutcome> OpenAsync(HttpContext http, OpenCandidateFile command)
    {
        await using var session = OpenSession(http);
        return await door.OpenAsync(session, bus, command, Stamp(http), ct: http.RequestAborted);
    }

    private Marten.IDocumentSession OpenSession(HttpContext http)
    {
        bus.TenantId = http.User.Tenant();
        return sessions.OpenSession(bus);
    }

    private Stamp Stamp(HttpContext http) => new(http.User.Actor(), clock.GetUtcNow());
}
