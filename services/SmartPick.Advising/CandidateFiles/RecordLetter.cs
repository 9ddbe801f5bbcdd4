using System.Text.Json.Serialization;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using SmartPick.Contracts;
using SmartPick.Matching.Model;
using Wolverine;
using Wolverine.Http;

namespace SmartPick.Advising.CandidateFiles;

/// <summary>
/// Record a letter of recommendation that arrived. The letter travels as <c>letter</c>; <c>letters</c>, its name in
/// the first API release, is still read for one release.
/// </summary>
public sealed record RecordLetter(LetterItem? Letter, DateOnly? ReceivedOn, long? ExpectedVersion = null) : IFileCommand<RecordLetter>
{
    /// <summary>The earlier name of <see cref="Letter"/>; read, never written.</summary>
    [JsonPropertyName("letters"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Obsolete("Send 'letter'.")]
    public LetterItem? Letters { get => null; init => Letter ??= value; }

    public static FieldErrors Validate(RecordLetter c, Stamp stamp)
    {
        var errors = new FieldErrors().NotInFuture("received_on", c.ReceivedOn, stamp.Today);
        if (c.Letter is not { } letter) return errors.Add("letter", "is required");
        return errors.KnownSpecialty("letter.specialty", letter.Specialty)
            .MaxLength("letter.writer_role", letter.WriterRole, 100)
            .Defined("letter.strength", letter.Strength);
    }

    public static Decision Decide(CandidateFile file, RecordLetter c, Stamp stamp) => Decision.Append(new LetterReceived(
        file.Id, Guid.CreateVersion7(stamp.At), c.Letter!.WriterRole?.Trim(), c.Letter.Us, c.Letter.Specialty,
        c.Letter.Strength, c.ReceivedOn, stamp.By, stamp.At));
}

public static class RecordLetterEndpoint
{
    [EndpointSummary("Record a letter of recommendation that arrived")]
    [WolverinePost("/api/candidates/{id}/letters")]
    [Authorize(Policy = SmartPickPolicies.Staff)]
    public static Task<IResult> Post(Guid id, RecordLetter command, HttpContext http, CandidateFileDoor door, IDocumentSession session, IMessageBus bus, TimeProvider clock)
        => CandidateFileHttp.AppendAsync(http, door, session, bus, clock, id, command);
}
