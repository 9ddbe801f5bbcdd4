using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using SmartPick.Advising.Lists;
using SmartPick.Advising.Views;
using SmartPick.Contracts;
using SmartPick.Matching.Stages;
using Wolverine.Http;

namespace SmartPick.Advising.Queries;

public sealed record CohortResponse(int Total, IReadOnlyDictionary<CandidateStatus, int> ByStatus, IReadOnlyDictionary<RiskLevel, int> ByRisk,
    IReadOnlyList<AttentionItem> NeedsAttention);

/// <summary>The organization's cohort dashboard (kept by the async daemon, so it may trail a write by a moment).</summary>
public static class CohortEndpoints
{
    [EndpointSummary("The cohort dashboard: candidates by status and risk, and who needs attention")]
    [WolverineGet("/api/cohort")]
    [Authorize(Policy = SmartPickPolicies.Staff)]
    public static async Task<CohortResponse> Get(IQuerySession session, CancellationToken ct)
    {
        var d = await session.LoadAsync<CohortDashboard>(CohortDashboard.DocumentId, ct) ?? new CohortDashboard();
        return new CohortResponse(d.Total, d.ByStatus, d.ByRisk, d.NeedsAttention());
    }

    [EndpointSummary("One run that worked out every candidate's list again")]
    [WolverineGet("/api/list-regenerations/{id}")]
    [Authorize(Policy = SmartPickPolicies.Staff)]
    public static async Task<IResult> GetRun(Guid id, IQuerySession session, CancellationToken ct)
        => await session.LoadAsync<ListRegenerationRun>(id, ct) is { } run
            ? Results.Ok(run)
            : Results.Problem(title: "Not found", detail: "No list regeneration with this id.", statusCode: 404);

    [EndpointSummary("The latest list regeneration runs, newest first")]
    [WolverineGet("/api/list-regenerations")]
    [Authorize(Policy = SmartPickPolicies.Staff)]
    public static async Task<IReadOnlyList<ListRegenerationRun>> GetRuns(IQuerySession session, CancellationToken ct)
        => await session.Query<ListRegenerationRun>().OrderByDescending(x => x.StartedAt).Take(20).ToListAsync(ct);
}
