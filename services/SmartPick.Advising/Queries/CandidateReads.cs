using SmartPick.Advising.CandidateFiles;
using SmartPick.Advising.Lists;
using Marten;
using Microsoft.AspNetCore.Http;
using SmartPick.Advising.Views;

namespace SmartPick.Advising.Queries;

/// <summary>
/// Reads of one candidate's views, shared by the staff routes and the candidate's own (/api/me) routes.
/// The session is scoped to the caller's organization, so another organization's id is simply not found.
/// </summary>
public static class CandidateReads
{
    public static IResult NotFound() => Results.Problem(title: "Not found", detail: "No candidate file with this id.", statusCode: 404);

    public static async Task<IResult> FileAsync(IQuerySession session, Guid id, CancellationToken ct)
    {
        var view = await session.LoadAsync<CandidateProfileView>(id, ct);
        if (view is null) return NotFound();
        var summary = await session.LoadAsync<CandidateSummary>(id, ct);
        var state = await session.Events.FetchStreamStateAsync(id, ct);
        return Results.Ok(CandidateResponse.From(view, summary, state?.Version ?? 0));
    }

    public static async Task<IResult> ListAsync(IQuerySession session, Guid id, CancellationToken ct)
        => await session.LatestAsync<CurrentList>(id, ct) is { } v ? Results.Ok(ProgramListResponse.From(v)) : NotFound();

    public static async Task<IResult> ListsAsync(IQuerySession session, Guid id, CancellationToken ct)
        => await session.LatestAsync<ListHistory>(id, ct) is { } v ? Results.Ok(new ListHistoryResponse(v.Id, v.Entries)) : NotFound();

    public static async Task<IResult> ProgressAsync(IQuerySession session, Guid id, CancellationToken ct)
        => await session.LoadAsync<ProgressSinceLastCycle>(id, ct) is { } v ? Results.Ok(ProgressResponse.From(v)) : NotFound();

    public static async Task<IResult> CyclesAsync(IQuerySession session, Guid id, CancellationToken ct)
        => await session.LoadAsync<CyclesSideBySide>(id, ct) is { } v ? Results.Ok(new CyclesResponse(v.Id, v.Cycles)) : NotFound();

    public static async Task<IResult> TimelineAsync(IQuerySession session, Guid id, CancellationToken ct)
        => await session.LatestAsync<Timeline>(id, ct) is { } v ? Results.Ok(new TimelineResponse(v.Id, v.Entries)) : NotFound();
}
