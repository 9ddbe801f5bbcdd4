using SmartPick.Contracts;
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

/// <summary>What became of a change sent through <see cref="SeasonWrites"/>.</summary>
public abstract record SeasonOutcome
{
    /// <summary>The change is recorded (or there was nothing to change); the season as it now stands.</summary>
    public sealed record Saved(SeasonAnswer Season) : SeasonOutcome;

    /// <summary>The input is wrong (400).</summary>
    public sealed record Invalid(FieldErrors Errors) : SeasonOutcome;

    /// <summary>The sender read an older version of the season (412).</summary>
    public sealed record Stale(int Season, long Expected, long Current) : SeasonOutcome;

    /// <summary>Another change to the season won the race; nothing was recorded (409).</summary>
    public sealed record Busy : SeasonOutcome;
}

/// <summary>
/// The one write path of the season table, for the API and the page alike, around a pure decision: the season's
/// stream is locked while deciding, an expected version that is not the current one is stale, a writer that still
/// loses at commit is busy with nothing written. A change publishes <see cref="SeasonFactsChanged"/> in the same
/// transaction (outbox); a change that changes nothing appends nothing. The session's tenant is the organization.
/// </summary>
public static class SeasonWrites
{
    /// <summary>Records the agency's own facts for <paramref name="season"/>.</summary>
    public static async Task<SeasonOutcome> RecordAsync(IDocumentSession session, IMessageBus bus, int season, RecordSeasonFacts command,
        Stamp stamp, long? expected, CancellationToken ct)
    {
        var errors = RecordSeasonFacts.Validate(season, command, out var facts);
        if (errors.Any) return new SeasonOutcome.Invalid(errors);
        return await ChangeAsync(session, bus, season, expected, current => RecordSeasonFacts.Decide(season, current, facts!, stamp), ct);
    }

    /// <summary>Puts <paramref name="season"/> back to the published defaults.</summary>
    public static async Task<SeasonOutcome> ResetAsync(IDocumentSession session, IMessageBus bus, int season, Stamp stamp, long? expected, CancellationToken ct)
    {
        var errors = SeasonInput.CheckSeason(new FieldErrors(), season);
        if (errors.Any) return new SeasonOutcome.Invalid(errors);
        return await ChangeAsync(session, bus, season, expected, current => ResetSeasonFacts.Decide(season, current, stamp), ct);
    }

    private static async Task<SeasonOutcome> ChangeAsync(IDocumentSession session, IMessageBus bus, int season, long? expected,
        Func<OrganizationSeason?, IReadOnlyList<object>> decide, CancellationToken ct)
    {
        var id = SeasonStreams.IdOf(season);
        IEventStream<OrganizationSeason> stream;
        try
        {
            await session.BeginTransactionAsync(ct);
            stream = await session.Events.FetchForExclusiveWriting<OrganizationSeason>(id, ct);
        }
        catch (Exception e) when (e is Marten.Exceptions.StreamLockedException or JasperFx.Events.StreamLockedException)
        {
            return new SeasonOutcome.Busy();
        }

        var current = stream.CurrentVersion ?? 0;
        if (expected is { } v && v != current) return new SeasonOutcome.Stale(season, v, current);

        var events = decide(stream.Aggregate);
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
            return new SeasonOutcome.Busy();
        }

        return new SeasonOutcome.Saved((await SeasonReads.SeasonAsync(session, season, ct))!);
    }

    /// <summary>Another writer committed first: a newer version, or the season's first change made twice at once.</summary>
    private static bool LostRace(Exception e) => e is ConcurrencyException or DocumentAlreadyExistsException
        or Marten.Exceptions.ExistingStreamIdCollisionException or JasperFx.Events.ExistingStreamIdCollisionException;
}

/// <summary>The HTTP side of <see cref="SeasonWrites"/>: 200 with the season, 400, 409 and 412.</summary>
internal static class SeasonHttp
{
    public static IResult Answer(SeasonOutcome outcome) => outcome switch
    {
        SeasonOutcome.Saved s => Results.Ok(s.Season),
        SeasonOutcome.Invalid i => i.Errors.ToProblem(),
        SeasonOutcome.Stale s => Results.Problem(
            title: "The season has changed since you read it",
            detail: $"Expected version {s.Expected} but the {s.Season} season is at version {s.Current}. Read it again and retry.",
            statusCode: StatusCodes.Status412PreconditionFailed,
            extensions: new Dictionary<string, object?> { ["current_version"] = s.Current }),
        SeasonOutcome.Busy => Results.Problem(title: "The season was changed at the same time",
            detail: "Another change to this season was being recorded; nothing of this request was recorded. Read the season again and retry.",
            statusCode: StatusCodes.Status409Conflict),
        _ => throw new InvalidOperationException($"Unknown outcome {outcome.GetType().Name}."),
    };
}
