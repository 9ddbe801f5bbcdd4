using JasperFx;
using SmartPick.Contracts;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Marten;
using Marten.Exceptions;
using Marten.Services.BatchQuerying;
using JasperFx.Events;
using Wolverine;

namespace SmartPick.Advising.CandidateFiles;

/// <summary>What became of a command sent through <see cref="CandidateFileDoor"/>.</summary>
public abstract record FileOutcome
{
    /// <summary>The facts were recorded; the file is at <paramref name="Version"/>.</summary>
    public sealed record Accepted(Guid Id, long Version, IReadOnlyList<object> Events, Guid? ItemId, bool Created) : FileOutcome
    {
        public CommandAccepted Answer => new(Id, Version, Events.Select(e => AdvisingJson.SnakeCase(e.GetType().Name)).ToList(), ItemId);
    }

    /// <summary>A request sent again with the same idempotency key: its first answer, nothing appended.</summary>
    public sealed record Replayed(IdempotentAnswer First) : FileOutcome;

    /// <summary>The input is wrong (400).</summary>
    public sealed record Invalid(FieldErrors Errors) : FileOutcome;

    /// <summary>The file does not exist for this caller (404).</summary>
    public sealed record NotFound(string Detail) : FileOutcome;

    /// <summary>The file's state does not allow it, or another change won a race (409).</summary>
    public sealed record Conflict(string Title, string Detail) : FileOutcome;

    /// <summary>The sender read an older version of the file (412).</summary>
    public sealed record Stale(long Expected, long Current) : FileOutcome;

    /// <summary>The idempotency key was used before with a different request (422).</summary>
    public sealed record KeyReused : FileOutcome;
}

/// <summary>What every command answers when it is accepted: the file, its new version and what was recorded.</summary>
public sealed record CommandAccepted(Guid Id, long Version, IReadOnlyList<string> Recorded, Guid? ItemId);

/// <summary>A request that may be sent again: its key (scoped to the route) and a fingerprint of its content.</summary>
public sealed record Idempotency(string DocumentId, string RequestHash, int Status, string? Location)
{
    public static Idempotency For<TCommand>(string method, string path, string key, TCommand command, int status = 200, string? location = null)
        => new(IdempotentAnswer.IdFor(method, path, key),
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(command, AdvisingJson.Options)))),
            status, location);
}

/// <summary>
/// Views that facts of a file update inline. The door reads them with the file, in one round trip, so their
/// projections find them in the session instead of each reading its own.
/// </summary>
public interface IInlineFileViews
{
    void Preload(IBatchedQuery batch, IDocumentSession session, Guid candidateId);
}

/// <summary>
/// The one way into a candidate file, for endpoints and pages alike: validate, (replay an idempotent repeat), lock
/// the file's stream, check it exists, is open and is at the expected version, decide, append the facts, and when
/// a fact changes the profile send <see cref="RegenerateList"/> through the outbox in the same transaction; then
/// commit. A writer that loses a race (lock timeout, version check at commit) gets a conflict with nothing written.
/// </summary>
public sealed class CandidateFileDoor(IInlineFileViews views, IProgramCatalog programs)
{
    /// <summary>Field errors for programs the command names that the organization's catalog does not hold.</summary>
    private async Task<FieldErrors> UnknownProgramsAsync(IQuerySession session, INamesPrograms command, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var named = command.ProgramsNamed().Where(x => !string.IsNullOrWhiteSpace(x.Code)).ToList();
        if (named.Count == 0) return errors;
        var known = await programs.CodesAsync(session, ct);
        foreach (var (field, code) in named)
            if (!known.Contains(code.Trim()))
                errors.Add(field, $"no program with the code '{code.Trim()}' is in the catalog");
        return errors;
    }

    public async Task<FileOutcome> AppendAsync<TCommand>(IDocumentSession session, IMessageBus bus, Guid id, TCommand command,
        Stamp stamp, long? expectedVersion = null, Idempotency? idempotency = null, CancellationToken ct = default)
        where TCommand : IFileCommand<TCommand>
    {
        var errors = TCommand.Validate(command, stamp);
        if (errors.Any) return new FileOutcome.Invalid(errors);
        if (idempotency is not null && await ReplayAsync(session, idempotency, ct) is { } replay) return replay;

        // The stream row stays locked until this transaction commits, so commands on one file and the list
        // regeneration that follows each of them take turns instead of failing each other.
        IEventStream<CandidateFile> stream;
        try
        {
            stream = await LockAsync(session, id, ct);
        }
        catch (Exception e) when (e is Marten.Exceptions.StreamLockedException or JasperFx.Events.StreamLockedException)
        {
            return new FileOutcome.Conflict("The file is busy", "Another change to this file is being recorded; retry in a moment.");
        }
        var file = stream.Aggregate;
        var version = stream.CurrentVersion ?? 0;
        if (file is null) return new FileOutcome.NotFound("No candidate file with this id.");
        if (expectedVersion is { } expected && expected != version) return new FileOutcome.Stale(expected, version);
        // Programs named must be in the organization's catalog; checked once the file is known to be the caller's.
        if (command is INamesPrograms names && await UnknownProgramsAsync(session, names, ct) is { Any: true } unknown)
            return new FileOutcome.Invalid(unknown);

        var decision = FileRules.Writable(file) is { } closed ? Decision.Refuse(closed) : TCommand.Decide(file, command, stamp);
        if (decision.Refusal is { } r)
            return r.Status == 404 ? new FileOutcome.NotFound(r.Detail) : new FileOutcome.Conflict(r.Title, r.Detail);

        stream.AppendMany(decision.Events);
        var next = version + decision.Events.Count;
        if (decision.Events.Any(e => e is IProfileFact)) await bus.PublishAsync(new RegenerateList(id, next));
        var accepted = new FileOutcome.Accepted(id, next, decision.Events,
            decision.Events.OfType<IFileItemFact>().Select(e => (Guid?)e.ItemId).FirstOrDefault(), Created: false);
        return await CommitAsync(session, accepted, idempotency, stamp, ct);
    }

    /// <summary>Opens a new file: the same validation and idempotency; its first list is computed at once.</summary>
    public async Task<FileOutcome> OpenAsync(IDocumentSession session, IMessageBus bus, OpenCandidateFile command, Stamp stamp,
        Idempotency? idempotency = null, CancellationToken ct = default)
    {
        var errors = OpenCandidateFile.Validate(command, stamp);
        if (errors.Any) return new FileOutcome.Invalid(errors);
        if (idempotency is not null && await ReplayAsync(session, idempotency, ct) is { } replay) return replay;

        var id = Guid.CreateVersion7(stamp.At);
        var opened = OpenCandidateFile.Open(id, command, stamp);
        session.Events.StartStream<CandidateFile>(id, opened);
        await bus.PublishAsync(new RegenerateList(id, AtVersion: 1));
        return await CommitAsync(session, new FileOutcome.Accepted(id, 1, [opened], null, Created: true), idempotency, stamp, ct);
    }

    /// <summary>
    /// Locks the file's stream and reads the file together with the inline views its facts update, in one round trip.
    /// The lock must outlive this read: the transaction starts first and commits with the events.
    /// </summary>
    public async Task<IEventStream<CandidateFile>> LockAsync(IDocumentSession session, Guid id, CancellationToken ct)
    {
        await session.BeginTransactionAsync(ct);
        var batch = session.CreateBatchQuery();
        var stream = batch.Events.FetchForExclusiveWriting<CandidateFile>(id);
        batch.Preload<CandidateProfileView>(session, id);
        views.Preload(batch, session, id);
        await batch.Execute(ct);
        return await stream;
    }

    /// <summary>
    /// Commits here so a lost race is answered as a conflict with nothing written. The regeneration message was
    /// published before, so the outbox stores it in this same transaction; a later commit finds nothing left to do.
    /// </summary>
    private static async Task<FileOutcome> CommitAsync(IDocumentSession session, FileOutcome.Accepted accepted, Idempotency? idempotency,
        Stamp stamp, CancellationToken ct)
    {
        if (idempotency is not null)
        {
            // Insert, not Store: two first requests racing with one key cannot both win.
            session.Insert(new IdempotentAnswer
            {
                Id = idempotency.DocumentId,
                RequestHash = idempotency.RequestHash,
                Status = idempotency.Status,
                Body = JsonSerializer.Serialize(accepted.Answer, AdvisingJson.Options),
                Location = accepted.Created ? idempotency.Location?.Replace("{id}", accepted.Id.ToString(), StringComparison.Ordinal) : idempotency.Location,
                RecordedAt = stamp.At,
            });
        }
        try
        {
            await session.SaveChangesAsync(ct);
            return accepted;
        }
        catch (Exception e) when (e is ConcurrencyException or DocumentAlreadyExistsException
                                      || e.InnerException is ConcurrencyException or DocumentAlreadyExistsException)
        {
            session.EjectAllPendingChanges();
            return new FileOutcome.Conflict("The file was changed at the same time",
                "Another change to this file was recorded while this one was being decided; nothing of this request was recorded. Read the file again and retry.");
        }
    }

    private static async Task<FileOutcome?> ReplayAsync(IDocumentSession session, Idempotency idempotency, CancellationToken ct)
    {
        var previous = await session.LoadAsync<IdempotentAnswer>(idempotency.DocumentId, ct);
        if (previous is null) return null;
        return previous.RequestHash == idempotency.RequestHash ? new FileOutcome.Replayed(previous) : new FileOutcome.KeyReused();
    }
}
