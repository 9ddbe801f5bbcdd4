using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using SmartPick.Contracts;
using Wolverine.Http;

namespace SmartPick.Advising.Seasons;

/// <summary>One change to a season: <c>recorded</c> (with the facts recorded) or <c>reset</c> to the defaults, by whom and when.</summary>
public sealed record SeasonChange(long Version, string Change, RecordedBy ChangedBy, DateTimeOffset ChangedAt, SeasonFactsValues? Facts);

/// <summary>A season's changes, newest first (none when the agency never changed it).</summary>
public sealed record SeasonHistory(int Season, IReadOnlyList<SeasonChange> Changes);

public static class GetSeasonHistoryEndpoint
{
    [EndpointSummary("A season's changes, newest first")]
    [WolverineGet("/api/org/seasons/{season}/history")]
    [Authorize(Policy = SmartPickPolicies.Staff)]
    public static async Task<IResult> Get(int season, IQuerySession session, CancellationToken ct)
    {
        var errors = SeasonInput.CheckSeason(new FieldErrors(), season);
        return errors.Any ? errors.ToProblem() : Results.Ok(await SeasonReads.HistoryAsync(session, season, ct));
    }
}
