using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using SmartPick.Advising.CandidateFiles;
using SmartPick.Contracts;
using Wolverine;
using Wolverine.Http;

namespace SmartPick.Advising.Seasons;

/// <summary>The org admin puts a season back to the published defaults (the agency's own facts stay in its history).</summary>
public static class ResetSeasonFacts
{
    /// <summary>Nothing to reset when the season holds no facts of the agency's own.</summary>
    public static IReadOnlyList<object> Decide(int season, OrganizationSeason? current, Stamp stamp)
        => current is { Edited: true } ? [new SeasonFactsReset(SeasonStreams.IdOf(season), season, stamp.By, stamp.At)] : [];
}

public static class ResetSeasonFactsEndpoint
{
    [EndpointSummary("Put a season back to the published defaults")]
    [WolverineDelete("/api/org/seasons/{season}")]
    [Authorize(Policy = SmartPickPolicies.OrgAdmin)]
    public static async Task<IResult> Delete(int season, HttpContext http, IDocumentSession session, IMessageBus bus, TimeProvider clock,
        [FromQuery(Name = "expected_version")] long? expectedVersion = null)
    {
        var headerErrors = new FieldErrors();
        var expected = CandidateFileHttp.ExpectedVersion(http, expectedVersion, headerErrors, "season");
        if (headerErrors.Any) return SeasonInput.CheckSeason(headerErrors, season).ToProblem();
        var stamp = new Stamp(http.User.Actor(), clock.GetUtcNow());
        return SeasonHttp.Answer(await SeasonWrites.ResetAsync(session, bus, season, stamp, expected, http.RequestAborted));
    }
}
