using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using SmartPick.Advising.Http;
using SmartPick.Contracts;
using Wolverine;
using Wolverine.Http;

namespace SmartPick.Advising.CandidateFiles;

/// <summary>A program invited the candidate to interview in a season.</summary>
public sealed record RecordInterviewInvite(string? ProgramCode, DateOnly? InvitedOn, long? ExpectedVersion = null)
{
    public static FieldErrors Validate(RecordInterviewInvite c, Stamp stamp) => new FieldErrors()
        .Required("program_code", c.ProgramCode, 32)
        .NotInFuture("invited_on", c.InvitedOn, stamp.Today);

    public static Decision Decide(CandidateFile file, RecordInterviewInvite c, Stamp stamp, int season)
    {
        if (FileRules.SeasonInProgress(file, season) is { } refusal) return Decision.Refuse(refusal);
        if (file.Cycle(season)!.RankListCertified) return Decision.Conflict($"The rank list of season {season} is already certified.");
        return Decision.Append(new InterviewInvited(file.Id, season, c.ProgramCode!.Trim(), c.InvitedOn ?? stamp.Today, stamp.By, stamp.At));
    }
}

public static class RecordInterviewInviteEndpoint
{
    [WolverinePost("/api/candidates/{id}/cycles/{season}/interviews")]
    [Authorize(Policy = SmartPickPolicies.Staff)]
    public static Task<IResult> Post(Guid id, int season, RecordInterviewInvite command, HttpContext http, IDocumentSession session, IMessageBus bus, TimeProvider clock)
        => CandidateFileWrites.AppendAsync(http, session, bus, clock, id, command, command.ExpectedVersion,
            RecordInterviewInvite.Validate, (f, c, s) => RecordInterviewInvite.Decide(f, c, s, season), changesProfile: false);
}
