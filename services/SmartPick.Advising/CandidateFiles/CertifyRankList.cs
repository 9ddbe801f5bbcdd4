using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using SmartPick.Advising.Http;
using SmartPick.Contracts;
using Wolverine;
using Wolverine.Http;

namespace SmartPick.Advising.CandidateFiles;

/// <summary>The candidate certified their rank order list for a season.</summary>
public sealed record CertifyRankList(int? ProgramsRanked, DateOnly? CertifiedOn, long? ExpectedVersion = null)
{
    public static FieldErrors Validate(CertifyRankList c, Stamp stamp) => new FieldErrors()
        .Range("programs_ranked", c.ProgramsRanked, 1, 300)
        .NotInFuture("certified_on", c.CertifiedOn, stamp.Today);

    public static Decision Decide(CandidateFile file, CertifyRankList c, Stamp stamp, int season)
    {
        if (FileRules.SeasonInProgress(file, season) is { } refusal) return Decision.Refuse(refusal);
        var cycle = file.Cycle(season)!;
        if (cycle.RankListCertified) return Decision.Conflict($"The rank list of season {season} is already certified.");
        if (cycle.Interviews == 0) return Decision.Conflict("A rank list needs at least one interview in the season.");
        return Decision.Append(new RankListCertified(file.Id, season, c.ProgramsRanked, c.CertifiedOn ?? stamp.Today, stamp.By, stamp.At));
    }
}

public static class CertifyRankListEndpoint
{
    [WolverinePost("/api/candidates/{id}/cycles/{season}/rank-list")]
    [Authorize(Policy = SmartPickPolicies.Staff)]
    public static Task<IResult> Post(Guid id, int season, CertifyRankList command, HttpContext http, IDocumentSession session, IMessageBus bus, TimeProvider clock)
        => CandidateFileWrites.AppendAsync(http, session, bus, clock, id, command, command.ExpectedVersion,
            CertifyRankList.Validate, (f, c, s) => CertifyRankList.Decide(f, c, s, season), changesProfile: false);
}
