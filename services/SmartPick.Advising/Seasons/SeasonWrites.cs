using SmartPick.Contracts;
using System.Globalization;
using JasperFx;
using JasperFx.Events;
using Marten;
using Marten.Exceptions;
using Microsoft.AspNetCore.Http;
using SmartPick.Advising.CandidateFiles;
using Wolverine;

namespace SmartPick.Advising.Seasons;

/// <summary>The organization's season table changed: every open list of the tenant (in the envelope) is worked out again.</summary>
public sealed record SeasonFactsChanged(int Season);

/// <summary>
/// The one write path of the season table, around a pure decision: the season's stream is locked while deciding,
/// an expected version (body <c>expected_version</c> or <c>If-Match</c>) that is not the current one is 412, a
/// writer that still loses at commit is 409 with nothing written. A change publishes <see cref="SeasonFactsChanged"/>
/// in the same transaction (outbox); a change that changes nothing appends nothing.
/// </summary>
public static class SeasonWrites
{
    public static async Task<IResult> ChangeAsync(int season, long? expected, HttpContext http, IDocumentSession session, IMessageBus bus,
        Func<OrganizationSeason?, Stamp, IReadOnlyList<object>> decide, Stamp stamp)
    {
        var ct = http.RequestAborted;
        var id = SeasonStreams.IdOf(season);
        IEventStream<OrganizationSeason> stream;
        try
        {
            await session.BeginTransactionAsync(ct);
            stream = await session.Events.FetchForExclusiveWriting<OrganizationSeason>(id, ct);
        }
        catch (Exception e) when (e is Marten.Exceptions.StreamLockedException or JasperFx.Events.StreamLockedException)
        {
            return Busy();
        }

        var current = stream.CurrentVersion ?? 0;
        if (expected is { } v && v != current)
            return Results.Problem(
                title: "The season has changed since you read it",
                detail: $"Expected version {v} but the {season} season is at version {current}. Read it again and retry.",
                statusCode: StatusCodes.Status412PreconditionFailed,
                extensions: new Dictionary<string, object?> { ["current_version"] = current });

        var events = decide(stream.Aggregate, stamp);
        if (events.Count > 0)
        {
            if (stream.Aggregate is null) session.Events.StartStream<OrganizationSeason>(id, events.ToArray());
            else stream.AppendMany(events);
            await bus.PublishAsync(new SeasonFactsChanged(season));
        }

        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception e) when (LostRace(e) || e.InnerException is { } inner && LostRace(inner))
        {
            session.EjectAllPendingChanges();
            return Busy();
        }

        var recorded = await session.Query<OrganizationSeason>().ToListAsync(ct);
        return Results.Ok(OrganizationSeasons.AnswerFor(season, OrganizationSeasons.TableOf(recorded), recorded.FirstOrDefault(r => r.Season == season)));
    }


    /// <summary>Another writer committed first: a newer version, or the season's first change made twice at once.</summary>
    private static bool LostRace(Exception e) => e is ConcurrencyException or DocumentAlreadyExistsException
        or Marten.Exceptions.ExistingStreamIdCollisionException or JasperFx.Events.ExistingStreamIdCollisionException;

    private static IResult Busy() => Results.Problem(title: "The season was changed at the same time",
        detail: "Another change to this season was being recorded; nothing of this request was recorded. Read the season again and retry.",
        statusCode: StatusCodes.Status409Conflict);
}
