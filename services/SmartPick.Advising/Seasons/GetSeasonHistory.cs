using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using SmartPick.Advising.CandidateFiles;
using SmartPick.Contracts;
using Wolverine.Http;

namespace SmartPick.Advising.Seasons;

/// <summary>One change to a season: <c>recorded</c> (with the facts recorded) or <c>reset</c> to the defaults, by whom and when.</summary>
public sealed record SeasonChange(long Version, string Change, RecordedBy ChangedBy, DateTimeOffset ChangedAt, SeasonFactsValues? Facts);

/// <summary>A season's changes, newest first (none when the agency never changed it).</summary>
public sealed record SeasonHistory(int Season, IReadOnlyList<SeasonChange> Changes);

public static class GetSeasonHistoryEndpoint
{
    [WolverineGet("/api/org/seasons/{season}/history")]
    [Authorize(Policy = SmartPickPolicies.Staff)]
    public static async Task<IResult> Get(int season, IQuerySession session, CancellationToken ct)
    {
        if (SeasonInput.SeasonError(season) is { } invalid) return invalid;
        return Results.Ok(await HistoryAsync(season, session, ct));
    }

    public static async Task<SeasonHistory> HistoryAsync(int season, IQuerySession session, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(SeasonStreams.IdOf(season), token: ct);
        var changes = events
            .Select(e => e.Data switch
            {
                SeasonFactsRecorded r => new SeasonChange(e.Version, "recorded", r.RecordedBy, r.RecordedAt, r.Facts),
                SeasonFactsReset r => new SeasonChange(e.Version, "reset", r.ResetBy, r.ResetAt, null),
                _ => null,
            })
            .OfType<SeasonChange>()
            .OrderByDescending(c => c.Version)
            .ToList();
        return new SeasonHistory(season, changes);
    }
}
