using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using SmartPick.Contracts;
using Wolverine.Http;

namespace SmartPick.Advising.Queries;

/// <summary>Staff reads of one candidate file and its views.</summary>
public static class CandidateFileEndpoints
{
    [WolverineGet("/api/candidates/{id}")]
    [Authorize(Policy = SmartPickPolicies.Staff)]
    public static Task<IResult> Get(Guid id, IQuerySession session, CancellationToken ct) => CandidateReads.FileAsync(session, id, ct);

    [WolverineGet("/api/candidates/{id}/list")]
    [Authorize(Policy = SmartPickPolicies.Staff)]
    public static Task<IResult> GetList(Guid id, IQuerySession session, CancellationToken ct) => CandidateReads.ListAsync(session, id, ct);

    [WolverineGet("/api/candidates/{id}/lists")]
    [Authorize(Policy = SmartPickPolicies.Staff)]
    public static Task<IResult> GetLists(Guid id, IQuerySession session, CancellationToken ct) => CandidateReads.ListsAsync(session, id, ct);

    [WolverineGet("/api/candidates/{id}/progress")]
    [Authorize(Policy = SmartPickPolicies.Staff)]
    public static Task<IResult> GetProgress(Guid id, IQuerySession session, CancellationToken ct) => CandidateReads.ProgressAsync(session, id, ct);

    [WolverineGet("/api/candidates/{id}/cycles")]
    [Authorize(Policy = SmartPickPolicies.Staff)]
    public static Task<IResult> GetCycles(Guid id, IQuerySession session, CancellationToken ct) => CandidateReads.CyclesAsync(session, id, ct);

    [WolverineGet("/api/candidates/{id}/timeline")]
    [Authorize(Policy = SmartPickPolicies.Staff)]
    public static Task<IResult> GetTimeline(Guid id, IQuerySession session, CancellationToken ct) => CandidateReads.TimelineAsync(session, id, ct);
}

/// <summary>
/// A candidate's own file. The file id comes only from the signed-in user's candidate claim, never from
/// the request, so a candidate cannot reach anyone else's file.
/// </summary>
public static class MyFileEndpoints
{
    private static Task<IResult> Mine(System.Security.Claims.ClaimsPrincipal user, Func<Guid, Task<IResult>> read)
        => user.CandidateFile() is { } id ? read(id) : Task.FromResult(CandidateReads.NotFound());

    [WolverineGet("/api/me")]
    [Authorize(Policy = SmartPickPolicies.Candidate)]
    public static Task<IResult> Get(System.Security.Claims.ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
        => Mine(user, id => CandidateReads.FileAsync(session, id, ct));

    [WolverineGet("/api/me/list")]
    [Authorize(Policy = SmartPickPolicies.Candidate)]
    public static Task<IResult> GetList(System.Security.Claims.ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
        => Mine(user, id => CandidateReads.ListAsync(session, id, ct));

    [WolverineGet("/api/me/lists")]
    [Authorize(Policy = SmartPickPolicies.Candidate)]
    public static Task<IResult> GetLists(System.Security.Claims.ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
        => Mine(user, id => CandidateReads.ListsAsync(session, id, ct));

    [WolverineGet("/api/me/progress")]
    [Authorize(Policy = SmartPickPolicies.Candidate)]
    public static Task<IResult> GetProgress(System.Security.Claims.ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
        => Mine(user, id => CandidateReads.ProgressAsync(session, id, ct));

    [WolverineGet("/api/me/cycles")]
    [Authorize(Policy = SmartPickPolicies.Candidate)]
    public static Task<IResult> GetCycles(System.Security.Claims.ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
        => Mine(user, id => CandidateReads.CyclesAsync(session, id, ct));

    [WolverineGet("/api/me/timeline")]
    [Authorize(Policy = SmartPickPolicies.Candidate)]
    public static Task<IResult> GetTimeline(System.Security.Claims.ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
        => Mine(user, id => CandidateReads.TimelineAsync(session, id, ct));
}
