using System.Text.Json.Serialization;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using SmartPick.Contracts;
using Wolverine;
using Wolverine.Http;

namespace SmartPick.Advising.CandidateFiles;

/// <summary>The candidate certified their rank order list for a season.</summary>
public sealed record CertifyRankList(int? ProgramsRanked, DateOnly? CertifiedOn, long? ExpectedVersion = null) : IFileCommand<CertifyRankList>
{
    public static FieldErrors Validate(CertifyRankList c, Stamp stamp) => new FieldErrors()
        .Range("programs_ranked", c.ProgramsRanked, 1, 300)
        .NotInFuture("certified_on", c.CertifiedOn, stamp.Today);

    /// <summary>The season, from the route.</summary>
    [JsonIgnore] public int Season { get; init; }

    public static Decision Decide(CandidateFile file, CertifyRankList c, Stamp stamp)
    {
        if (FileRules.SeasonInProgress(file, c.Season) is { } refusal) return Decision.Refuse(refusal);
        var cycle = file.Cycle(c.Season)!;
        if (cycle.RankListCertified) return Decision.Conflict($"The rank list of season {c.Season} is already certified.");
        if (cycle.Interviews == 0) return Decision.Conflict("A rank list needs at least one interview in the c.Season.");
        return Decision.Append(new RankListCertified(file.Id, c.Season, c.ProgramsRanked, c.CertifiedOn ?? stamp.Today, stamp.By, stamp.At));
    }
}

public static class CertifyRankListEndpoint
{
    [EndpointSummary("Record that the candidate certified their rank order list for the season")]
    [WolverinePost("/api/candidates/{id}/cycles/{season}/rank-list")]
    [Authorize(Policy = SmartPickPolicies.Staff)]
    public static Task<IResult> Post(Guid id, int season, CertifyRankList command, HttpContext http, CandidateFileDoor door, IDocumentSession session, IMessageBus bus, TimeProvider clock)
        => CandidateFileHttp.AppendAsync(http, door, session, bus, clock, id, command with { Season = season });
}
