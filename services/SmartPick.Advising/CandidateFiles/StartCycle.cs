using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using SmartPick.Contracts;
using Wolverine;
using Wolverine.Http;

namespace SmartPick.Advising.CandidateFiles;

/// <summary>The candidate enters a Match season (e.g. 2026 for the season whose ERAS opens in June 2025).</summary>
public sealed record StartCycle(int? Season, long? ExpectedVersion = null) : IFileCommand<StartCycle>
{
    public static FieldErrors Validate(StartCycle c, Stamp stamp)
    {
        var errors = new FieldErrors();
        if (c.Season is null) return errors.Add("season", "is required");
        // The next Match year is at most two years ahead; older seasons may be recorded for history.
        return errors.Range("season", c.Season, 2000, stamp.At.Year + 2);
    }

    public static Decision Decide(CandidateFile file, StartCycle c, Stamp stamp)
    {
        var season = c.Season!.Value;
        if (file.Cycle(season) is not null) return Decision.Conflict($"Season {season} is already started for this candidate.");
        if (file.OpenCycle is { } open) return Decision.Conflict($"Season {open.Season} is still in progress; record its outcome first.");
        if (file.Cycles.Any(x => x.Outcome == Matching.Model.CycleOutcome.Matched)) return Decision.Conflict("The candidate has already matched.");
        if (file.Cycles.Count > 0 && season <= file.Cycles.Max(x => x.Season))
            return Decision.Conflict($"Season {season} is not after the last season {file.Cycles.Max(x => x.Season)}.");
        return Decision.Append(new CycleStarted(file.Id, season, stamp.By, stamp.At));
    }
}

public static class StartCycleEndpoint
{
    [EndpointSummary("Start a Match season for the candidate")]
    [WolverinePost("/api/candidates/{id}/cycles")]
    [Authorize(Policy = SmartPickPolicies.Staff)]
    public static Task<IResult> Post(Guid id, StartCycle command, HttpContext http, CandidateFileDoor door, IDocumentSession session, IMessageBus bus, TimeProvider clock)
        => CandidateFileHttp.AppendAsync(http, door, session, bus, clock, id, command);
}
