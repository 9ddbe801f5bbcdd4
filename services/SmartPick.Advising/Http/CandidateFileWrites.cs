using SmartPick.Contracts;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Http;
using SmartPick.Advising.CandidateFiles;
using SmartPick.Advising.Lists;
using SmartPick.Advising.Views;
using JasperFx;
using JasperFx.Events;
using Marten.Exceptions;
using Wolverine;

namespace SmartPick.Advising.Http;

/// <summary>What every command answers when it is accepted: the file, its new version and what was recorded.</summary>
public sealed record CommandAccepted(Guid Id, long Version, IReadOnlyList<string> Recorded, Guid? ItemId);

/// <summary>
/// The one write path of every candidate-file command, around a pure decision:
/// input errors → 400; Idempotency-Key seen before → the first answer again; file missing → 404;
/// expected version (body <c>expected_version</c> or <c>If-Match</c>) not the current one → 412;
/// state refusal → 409; otherwise the events are appended. The file's stream is locked while deciding,
/// so writers take turns; a writer that still loses (lock timeout, or a version check failing at commit)
/// is answered 409 with nothing written. The list is
/// regenerated afterwards through a message stored in the same transaction (outbox).
/// </summary>
public static class CandidateFileWrites
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static async Task<IResult> AppendAsync<TCommand>(
        HttpContext http,
        IDocumentSession session,
        IMessageBus bus,
        TimeProvider clock,
        Guid candidateId,
        TCommand command,
        long? bodyExpectedVersion,
        Func<TCommand, Stamp, FieldErrors> validate,
        Func<CandidateFile, TCommand, Stamp, Decision> decide,
        bool changesProfile,
        Func<Decision, Guid?>? itemId = null) where TCommand : notnull
    {
        var stamp = new Stamp(http.User.Actor(), clock.GetUtcNow());

        var errors = validate(command, stamp);
        var expected = ExpectedVersion(http, bodyExpectedVersion, errors);
        var key = IdempotencyKey(http, errors);
        if (errors.Any) return Results.ValidationProblem(errors.ToDictionary());

        // Only a request that may be repeated (one with a key) needs its fingerprint.
        var requestHash = key is null ? "" : Hash(command);
        if (key is not null)
        {
            var replay = await ReplayAsync(session, http, key, requestHash);
            if (replay is not null) return replay;
        }

        // The stream row stays locked until this request commits, so commands on one file and the list
        // regeneration that follows each of them take turns instead of failing each other.
        IEventStream<CandidateFile> stream;
        try
        {
            stream = await FetchWithViewsAsync(session, candidateId, changesProfile, http.RequestAborted);
        }
        catch (Exception e) when (e is Marten.Exceptions.StreamLockedException or JasperFx.Events.StreamLockedException)
        {
            return Results.Problem(title: "The file is busy", detail: "Another change to this file is being recorded; retry in a moment.",
                statusCode: StatusCodes.Status409Conflict);
        }
        var file = stream.Aggregate;
        var currentVersion = stream.CurrentVersion ?? 0;
        if (FileRules.Writable(file) is { } refusal && refusal.Status == 404) return Problem(refusal);
        if (expected is { } v && v != currentVersion)
            return Results.Problem(
                title: "The file has changed since you read it",
                detail: $"Expected version {v} but the file is at version {currentVersion}. Read it again and retry.",
                statusCode: StatusCodes.Status412PreconditionFailed,
                extensions: new Dictionary<string, object?> { ["current_version"] = currentVersion });

        var decision = FileRules.Writable(file) is { } closed ? Decision.Refuse(closed) : decide(file!, command, stamp);
        if (decision.Refusal is { } r) return Problem(r);

        stream.AppendMany(decision.Events);
        if (changesProfile && decision.Events.Count > 0)
        {
            await bus.PublishAsync(new RegenerateList(candidateId, currentVersion + decision.Events.Count));
        }

        var accepted = new CommandAccepted(candidateId, currentVersion + decision.Events.Count,
            decision.Events.Select(e => AdvisingJson.SnakeCase(e.GetType().Name)).ToList(), itemId?.Invoke(decision));
        var answer = Answer(session, http, key, requestHash, 200, accepted, null, stamp.At);
        return await CommitAsync(session, http, answer);
    }

    /// <summary>
    /// Locks the file's stream and reads the file together with the inline views its facts will update, in one
    /// round trip. The views are kept in the session, so the inline projections find them there when the events
    /// are saved instead of each reading its own (one round trip per view). Which views are read is only a
    /// guess from the kind of command: a view not read here is read by its projection as before.
    /// </summary>
    public static async Task<IEventStream<CandidateFile>> FetchWithViewsAsync(IDocumentSession session, Guid id, bool changesProfile, CancellationToken ct)
    {
        // The row lock must outlive this read: the transaction starts first and commits with the events.
        await session.BeginTransactionAsync(ct);
        var batch = session.CreateBatchQuery();
        var stream = batch.Events.FetchForExclusiveWriting<CandidateFile>(id);
        batch.Preload<CandidateSummary>(session, id);
        if (changesProfile)
        {
            batch.Preload<CandidateProfileView>(session, id);
            batch.Preload<ProgressSinceLastCycle>(session, id);
            batch.Preload<CyclesSideBySide>(session, id);
        }
        await batch.Execute(ct);
        return await stream;
    }

    /// <summary>Starts a new stream (opening a file): the same idempotency rules, 201 with a Location.</summary>
    public static async Task<IResult> StartAsync<TCommand>(
        HttpContext http,
        IDocumentSession session,
        IMessageBus bus,
        TimeProvider clock,
        TCommand command,
        Func<TCommand, Stamp, FieldErrors> validate,
        Func<Guid, TCommand, Stamp, object> open) where TCommand : notnull
    {
        var stamp = new Stamp(http.User.Actor(), clock.GetUtcNow());
        var errors = validate(command, stamp);
        var key = IdempotencyKey(http, errors);
        if (errors.Any) return Results.ValidationProblem(errors.ToDictionary());

        // Only a request that may be repeated (one with a key) needs its fingerprint.
        var requestHash = key is null ? "" : Hash(command);
        if (key is not null)
        {
            var replay = await ReplayAsync(session, http, key, requestHash);
            if (replay is not null) return replay;
        }

        var id = Guid.CreateVersion7(stamp.At);
        var opened = open(id, command, stamp);
        session.Events.StartStream<CandidateFile>(id, opened);
        await bus.PublishAsync(new RegenerateList(id, AtVersion: 1));

        var accepted = new CommandAccepted(id, 1, [AdvisingJson.SnakeCase(opened.GetType().Name)], null);
        var answer = Answer(session, http, key, requestHash, 201, accepted, $"/api/candidates/{id}", stamp.At);
        return await CommitAsync(session, http, answer);
    }

    /// <summary>
    /// Commits here rather than after the endpoint so a lost race can be answered as 409 with nothing
    /// written. The regeneration message was published before, so the outbox stores it in this same
    /// transaction; the transactional middleware's own commit afterwards finds nothing left to do.
    /// </summary>
    private static async Task<IResult> CommitAsync(IDocumentSession session, HttpContext http, JsonAnswer answer)
    {
        try
        {
            await session.SaveChangesAsync(http.RequestAborted);
            return answer;
        }
        catch (Exception e) when (e is ConcurrencyException or DocumentAlreadyExistsException
                                      || e.InnerException is ConcurrencyException or DocumentAlreadyExistsException)
        {
            session.EjectAllPendingChanges();
            return Results.Problem(title: "The file was changed at the same time",
                detail: "Another change to this file was recorded while this one was being decided; nothing of this request was recorded. Read the file again and retry.",
                statusCode: StatusCodes.Status409Conflict);
        }
    }

    public static IResult Problem(Refusal refusal)
        => Results.Problem(title: refusal.Title, detail: refusal.Detail, statusCode: refusal.Status);

    private static JsonAnswer Answer(IDocumentSession session, HttpContext http, string? key, string requestHash,
        int status, CommandAccepted accepted, string? location, DateTimeOffset at)
    {
        var body = JsonSerializer.Serialize(accepted, AdvisingJson.Options);
        if (key is not null)
        {
            // Insert, not Store: two first requests racing with one key cannot both win.
            session.Insert(new IdempotentAnswer
            {
                Id = IdempotentAnswer.IdFor(http.Request.Method, http.Request.Path, key),
                RequestHash = requestHash,
                Status = status,
                Body = body,
                Location = location,
                RecordedAt = at,
            });
        }
        return new JsonAnswer(status, body, location, replayed: false);
    }

    private static async Task<IResult?> ReplayAsync(IDocumentSession session, HttpContext http, string key, string requestHash)
    {
        var previous = await session.LoadAsync<IdempotentAnswer>(
            IdempotentAnswer.IdFor(http.Request.Method, http.Request.Path, key), http.RequestAborted);
        if (previous is null) return null;
        if (previous.RequestHash != requestHash)
            return Results.Problem(title: "Idempotency-Key reused",
                detail: "This Idempotency-Key was already used with a different request on this route.",
                statusCode: StatusCodes.Status422UnprocessableEntity);
        return new JsonAnswer(previous.Status, previous.Body, previous.Location, replayed: true);
    }

    /// <summary>The expected version from the body or the If-Match header (a number, quotes allowed).</summary>
    private static long? ExpectedVersion(HttpContext http, long? fromBody, FieldErrors errors)
    {
        if (fromBody is < 0) errors.Add("expected_version", "must not be negative");
        var header = http.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header)) return fromBody;

        var text = header.Trim();
        if (text.StartsWith("W/", StringComparison.Ordinal)) text = text[2..];
        text = text.Trim('"');
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var fromHeader))
        {
            errors.Add("if_match", "must be the file's version number");
            return fromBody;
        }
        if (fromBody is { } b && b != fromHeader) errors.Add("expected_version", "differs from the If-Match header");
        return fromHeader;
    }

    private static string? IdempotencyKey(HttpContext http, FieldErrors errors)
    {
        if (!http.Request.Headers.TryGetValue(IdempotencyHeader, out var values)) return null;
        var key = values.ToString();
        if (string.IsNullOrWhiteSpace(key) || key.Length > 200)
        {
            errors.Add("idempotency_key", "must be 1 to 200 characters");
            return null;
        }
        return key;
    }

    private static string Hash<TCommand>(TCommand command)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(command, AdvisingJson.Options))));
}
