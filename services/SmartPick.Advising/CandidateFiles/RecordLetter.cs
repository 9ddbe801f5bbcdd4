using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using SmartPick.Advising.Http;
using SmartPick.Contracts;
using SmartPick.Matching.Model;
using Wolverine;
using Wolverine.Http;

namespace SmartPick.Advising.CandidateFiles;

/// <summary>Record a letter of recommendation that arrived.</summary>
public sealed record RecordLetter(LetterItem? Letters, DateOnly? ReceivedOn, long? ExpectedVersion = null)
{
    public static FieldErrors Validate(RecordLetter c, Stamp stamp)
    {
        var errors = new FieldErrors().NotInFuture("received_on", c.ReceivedOn, stamp.Today);
        if (c.Letters is not { } letter) return errors.Add("letters", "is required");
        return errors.KnownSpecialty("letters.specialty", letter.Specialty)
            .MaxLength("letters.writer_role", letter.WriterRole, 100)
            .Defined("letters.strength", letter.Strength);
    }

    public static Decision Decide(CandidateFile file, RecordLetter c, Stamp stamp) => Decision.Append(new LetterReceived(
        file.Id, Guid.CreateVersion7(stamp.At), c.Letters!.WriterRole?.Trim(), c.Letters.Us, c.Letters.Specialty,
        c.Letters.Strength, c.ReceivedOn, stamp.By, stamp.At));
}

public static class RecordLetterEndpoint
{
    [WolverinePost("/api/candidates/{id}/letters")]
    [Authorize(Policy = SmartPickPolicies.Staff)]
    public static Task<IResult> Post(Guid id, RecordLetter command, HttpContext http, IDocumentSession session, IMessageBus bus, TimeProvider clock)
        => CandidateFileWrites.AppendAsync(http, session, bus, clock, id, command, command.ExpectedVersion,
            RecordLetter.Validate, RecordLetter.Decide, changesProfile: true, d => d.Events.OfType<LetterReceived>().First().LetterId);
}
