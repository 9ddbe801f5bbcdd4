using SmartPick.Contracts;
using System.Globalization;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Http;
using Wolverine;

namespace SmartPick.Advising.CandidateFiles;

/// <summary>
/// The HTTP side of <see cref="CandidateFileDoor"/>, in one place: reads the caller, the expected version (body
/// <c>expected_version</c> or <c>If-Match</c>) and the <c>Idempotency-Key</c>, and answers every outcome:
/// 200/201 with what was recorded (a repeat gets the first answer, byte for byte), 400 with field errors, 404,
/// 409, 412 and 422.
/// </summary>
internal static class CandidateFileHttp
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static async Task<IResult> AppendAsync<TCommand>(HttpContext http, CandidateFileDoor door, IDocumentSession session,
        IMessageBus bus, TimeProvider clock, Guid id, TCommand command) where TCommand : IFileCommand<TCommand>
    {
        var stamp = new Stamp(http.User.Actor(), clock.GetUtcNow());
        var headerErrors = new FieldErrors();
        var expected = ExpectedVersion(http, command.ExpectedVersion, headerErrors);
        var key = IdempotencyKey(http, headerErrors);
        // Header errors are answered together with the body's, in one 400.
        if (headerErrors.Any) return headerErrors.AddAll(TCommand.Validate(command, stamp)).ToProblem();

        var idempotency = key is null ? null : Idempotency.For(http.Request.Method, http.Request.Path, key, command);
        return Answer(await door.AppendAsync(session, bus, id, command, stamp, expected, idempotency, http.RequestAborted));
    }

    public static async Task<IResult> OpenAsync(HttpContext http, CandidateFileDoor door, IDocumentSession session, IMessageBus bus,
        TimeProvider clock, OpenCandidateFile command)
    {
        var stamp = new Stamp(http.User.Actor(), clock.GetUtcNow());
        var headerErrors = new FieldErrors();
        var key = IdempotencyKey(http, headerErrors);
        if (headerErrors.Any) return headerErrors.AddAll(OpenCandidateFile.Validate(command, stamp)).ToProblem();

        var idempotency = key is null ? null
            : Idempotency.For(http.Request.Method, http.Request.Path, key, command, StatusCodes.Status201Created, "/api/candidates/{id}");
        return Answer(await door.OpenAsync(session, bus, command, stamp, idempotency, http.RequestAborted));
    }

    public static IResult Answer(FileOutcome outcome) => outcome switch
    {
        FileOutcome.Accepted a => new JsonAnswer(a.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK,
            JsonSerializer.Serialize(a.Answer, AdvisingJson.Options), a.Created ? $"/api/candidates/{a.Id}" : null, replayed: false),
        FileOutcome.Replayed r => new JsonAnswer(r.First.Status, r.First.Body, r.First.Location, replayed: true),
        FileOutcome.Invalid i => i.Errors.ToProblem(),
        FileOutcome.NotFound n => Results.Problem(title: "Not found", detail: n.Detail, statusCode: StatusCodes.Status404NotFound),
        FileOutcome.Conflict c => Results.Problem(title: c.Title, detail: c.Detail, statusCode: StatusCodes.Status409Conflict),
        FileOutcome.Stale s => Results.Problem(
            title: "The file has changed since you read it",
            detail: $"Expected version {s.Expected} but the file is at version {s.Current}. Read it again and retry.",
            statusCode: StatusCodes.Status412PreconditionFailed,
            extensions: new Dictionary<string, object?> { ["current_version"] = s.Current }),
        FileOutcome.KeyReused => Results.Problem(title: "Idempotency-Key reused",
            detail: "This Idempotency-Key was already used with a different request on this route.",
            statusCode: StatusCodes.Status422UnprocessableEntity),
        _ => throw new InvalidOperationException($"Unknown outcome {outcome.GetType().Name}."),
    };

    /// <summary>
    /// The expected version from the body or the If-Match header (a number, quotes allowed), for any stream written
    /// through HTTP: <paramref name="streamName"/> names it in the error ("file", "season").
    /// </summary>
    public static long? ExpectedVersion(HttpContext http, long? fromBody, FieldErrors errors, string streamName = "file")
    {
        if (fromBody is < 0) errors.Add("expected_version", "must not be negative");
        var header = http.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header)) return fromBody;

        var text = header.Trim();
        if (text.StartsWith("W/", StringComparison.Ordinal)) text = text[2..];
        text = text.Trim('"');
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var fromHeader))
        {
            errors.Add("if_match", $"must be the {streamName}'s version number");
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
}
