using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using SmartPick.Contracts;
using Wolverine.Http;

namespace SmartPick.Advising.Seasons;

/// <summary>The organization's season table (fees and signal counts lists are priced and signalled with), read by its staff.</summary>
public static class GetSeasonTableEndpoint
{
    [WolverineGet("/api/org/seasons")]
    [Authorize(Policy = SmartPickPolicies.Staff)]
    public static Task<SeasonTableAnswer> Get(IQuerySession session, TimeProvider clock, CancellationToken ct)
        => SeasonReads.TableAsync(session, clock, ct);

    /// <summary>One season: the agency's own facts, or the facts that apply to it (its defaults, or the latest season before it).</summary>
    [WolverineGet("/api/org/seasons/{season}")]
    [Authorize(Policy = SmartPickPolicies.Staff)]
    public static async Task<IResult> GetSeason(int season, IQuerySession session, CancellationToken ct)
        => await SeasonReads.SeasonAsync(session, season, ct) is { } answer
            ? Results.Ok(answer)
            : SeasonInput.CheckSeason(new FieldErrors(), season).ToProblem();
}
