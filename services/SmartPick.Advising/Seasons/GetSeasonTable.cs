using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using SmartPick.Contracts;
using Wolverine.Http;

namespace SmartPick.Advising.Seasons;

/// <summary>The organization's season table (fees and signal counts lists are priced and signalled with), read by its staff.</summary>
public static class GetSeasonTableEndpoint
{
    [EndpointSummary("Every season's fees, signal counts and regions, the agency's own or the published defaults")]
    [WolverineGet("/api/org/seasons")]
    [Authorize(Policy = SmartPickPolicies.Staff)]
    public static Task<SeasonTableAnswer> Get(IQuerySession session, TimeProvider clock, CancellationToken ct)
        => SeasonReads.TableAsync(session, clock, ct);

    [EndpointSummary("One season's facts: the agency's own, or the facts that apply to it")]
    [EndpointDescription("The facts that apply to a season the agency never edited are its published defaults, or else those of the latest season before it.")]
    [WolverineGet("/api/org/seasons/{season}")]
    [Authorize(Policy = SmartPickPolicies.Staff)]
    public static async Task<IResult> GetSeason(int season, IQuerySession session, CancellationToken ct)
        => await SeasonReads.SeasonAsync(session, season, ct) is { } answer
            ? Results.Ok(answer)
            : SeasonInput.CheckSeason(new FieldErrors(), season).ToProblem();
}
