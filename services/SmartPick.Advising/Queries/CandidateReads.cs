using System.Security.Claims;
using SmartPick.Advising.CandidateFiles;
using SmartPick.Advising.Lists;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartPick.Advising.Views;
using SmartPick.Contracts;

namespace SmartPick.Advising.Queries;

/// <summary>
/// Reads of one candidate's views, for the API and the pages alike; null when the file (or the view) does not
/// exist. The session is scoped to the caller's organization, so another organization's id is simply not found.
/// </summary>
public static class CandidateReads
{
    public static IResult NotFound() => Results.Problem(title: "Not found", detail: "No candidate file with this id.", statusCode: 404);

    public static async Task<CandidateResponse?> FileAsync(IQuerySession session, Guid id, CancellationToken ct)
    {
        var view = await session.LoadAsync<CandidateProfileView>(id, ct);
        if (view is null) return null;
        var summary = await session.LoadAsync<CandidateSummary>(id, ct);
        var state = await session.Events.FetchStreamStateAsync(id, ct);
        return CandidateResponse.From(view, summary, state?.Version ?? 0);
    }

    public static async Task<ProgramListResponse?> ListAsync(IQuerySession session, Guid id, CancellationToken ct)
        => await session.LatestAsync<CurrentList>(id, ct) is { } v ? ProgramListResponse.From(v) : null;

    /// <summary>
    /// List number <paramref name="number"/> of the file as it was recorded (the current one included), rebuilt from the
    /// file's events up to the fact that completed it; null when the file has no list with that number.
    /// </summary>
    public static async Task<CurrentList?> ListNumberAsync(IQuerySession session, Guid id, int number, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (number < 1) return null;
        var events = await session.Events.FetchStreamAsync(id, token: ct);
        var seen = 0;
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i].Data is not (ProgramListRegenerated or ProgramListRegeneratedV1) || ++seen < number) continue;
            var end = events[i].Version;
            // A list's programs come in the RankedListRecorded that follows its outlook (older lists carry both in one fact).
            for (var j = i + 1; events[i].Data is ProgramListRegenerated && j < events.Count; j++)
            {
                if (events[j].Data is ProgramListRegenerated or ProgramListRegeneratedV1) break;
                if (events[j].Data is RankedListRecorded) { end = events[j].Version; break; }
            }
            return await session.Events.AggregateStreamAsync<CurrentList>(id, version: end, token: ct);
        }
        return null;
    }

    public static async Task<ListHistoryResponse?> ListsAsync(IQuerySession session, Guid id, CancellationToken ct)
        => await session.LatestAsync<ListHistory>(id, ct) is { } v ? new ListHistoryResponse(v.Id, v.Entries) : null;

    public static async Task<ProgressResponse?> ProgressAsync(IQuerySession session, Guid id, CancellationToken ct)
        => await session.LoadAsync<ProgressSinceLastCycle>(id, ct) is { } v ? ProgressResponse.From(v) : null;

    public static async Task<CyclesResponse?> CyclesAsync(IQuerySession session, Guid id, CancellationToken ct)
        => await session.LoadAsync<CyclesSideBySide>(id, ct) is { } v ? new CyclesResponse(v.Id, v.Cycles) : null;

    public static async Task<TimelineResponse?> TimelineAsync(IQuerySession session, Guid id, CancellationToken ct)
        => await session.LatestAsync<Timeline>(id, ct) is { } v ? new TimelineResponse(v.Id, v.Entries) : null;
}

/// <summary>
/// One route table for the reads of a candidate file, served twice: to staff under <c>/api/candidates/{id}</c>, and
/// to the candidate under <c>/api/me</c>, where the file id comes only from the signed-in user's candidate claim,
/// never from the request, so a candidate cannot reach anyone else's file.
/// </summary>
public static class CandidateFileRoutes
{
    private delegate Task<object?> Read(IQuerySession session, Guid id, CancellationToken ct);

    private static readonly (string Path, Type Answer, Read Read, string Summary)[] Reads =
    [
        ("", typeof(CandidateResponse), async (s, id, ct) => await CandidateReads.FileAsync(s, id, ct), "The candidate file: profile, stage, outlook and version."),
        ("/list", typeof(ProgramListResponse), async (s, id, ct) => await CandidateReads.ListAsync(s, id, ct), "The current ranked program list."),
        ("/lists", typeof(ListHistoryResponse), async (s, id, ct) => await CandidateReads.ListsAsync(s, id, ct), "Every list worked out for the file, newest first."),
        ("/progress", typeof(ProgressResponse), async (s, id, ct) => await CandidateReads.ProgressAsync(s, id, ct), "Progress since the last cycle."),
        ("/cycles", typeof(CyclesResponse), async (s, id, ct) => await CandidateReads.CyclesAsync(s, id, ct), "The file's cycles side by side."),
        ("/timeline", typeof(TimelineResponse), async (s, id, ct) => await CandidateReads.TimelineAsync(s, id, ct), "What happened on the file, newest first."),
    ];

    public static void MapCandidateFileReads(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/candidates/{id:guid}").WithTags("Candidates").RequireAuthorization(SmartPickPolicies.Staff);
        var mine = app.MapGroup("/api/me").WithTags("My file").RequireAuthorization(SmartPickPolicies.Candidate);
        foreach (var (path, answer, read, summary) in Reads)
        {
            staff.MapGet(path, (Guid id, HttpContext http, IDocumentStore store) => Answer(http, store, id, read))
                .Produces(200, answer).ProducesProblem(404).WithSummary(summary);
            mine.MapGet(path, (HttpContext http, IDocumentStore store) =>
                    http.User.CandidateFile() is { } id ? Answer(http, store, id, read) : Task.FromResult(CandidateReads.NotFound()))
                .Produces(200, answer).ProducesProblem(404).WithSummary(summary);
        }
    }

    private static async Task<IResult> Answer(HttpContext http, IDocumentStore store, Guid id, Read read)
    {
        await using var session = store.QuerySession(http.User.Tenant());
        return await read(session, id, http.RequestAborted) is { } value ? Results.Ok(value) : CandidateReads.NotFound();
    }
}
