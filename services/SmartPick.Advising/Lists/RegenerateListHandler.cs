using SmartPick.Contracts;
using JasperFx;
using Marten;
using SmartPick.Advising.CandidateFiles;
using SmartPick.Advising.Seasons;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace SmartPick.Advising.Lists;

/// <summary>
/// Recomputes a candidate's list with the organization's current catalog and appends
/// <see cref="ProgramListRegenerated"/> and <see cref="RankedListRecorded"/> only when the list or its versions changed.
/// </summary>
public static class RegenerateListHandler
{
    /// <summary>The file is locked while its list is recomputed; a command holding it long makes this retry.</summary>
    public static void Configure(HandlerChain chain)
        => chain.OnException<ConcurrencyException>().Or<Marten.Exceptions.StreamLockedException>().Or<JasperFx.Events.StreamLockedException>().RetryWithCooldown(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1));

    public static async Task Handle(RegenerateList message, IDocumentSession session, ICurrentCatalog catalogs, IInlineFileViews views, TimeProvider clock, CancellationToken ct)
    {
        // Several changes to one file queue several requests; the first to run reads the file as it then is,
        // so the others, for changes it already saw, have nothing left to do.
        if (message.AtVersion is { } at && await session.LoadAsync<ListRegenerationMark>(message.CandidateId, ct) is { } mark
            && mark.UpToVersion >= at)
        {
            return;
        }
        var catalog = await catalogs.ForTenantAsync(session, ct);
        await RegenerateAsync(session, catalog, message.CandidateId, clock.GetUtcNow(), ct, views);
    }

    /// <summary>Returns whether a new list was appended.</summary>
    /// <remarks><paramref name="views"/> are read with the file so their projections need not read them again (an optimisation only).</remarks>
    public static async Task<bool> RegenerateAsync(IDocumentSession session, Matching.Model.Catalog catalog, Guid candidateId,
        DateTimeOffset now, CancellationToken ct, IInlineFileViews? views = null)
    {
        // One round trip: lock the file, read what the engine needs and the current list, and keep the inline
        // views a new list updates in the session for their projections.
        await session.BeginTransactionAsync(ct);
        var batch = session.CreateBatchQuery();
        var fetched = batch.Events.FetchForExclusiveWriting<CandidateFile>(candidateId);
        var loadedProfile = batch.Load<CandidateProfileView>(candidateId);
        var latest = batch.Events.FetchLatest<CurrentList>(candidateId);
        var seasons = batch.Query<OrganizationSeason>().Where(x => x.Edited).ToList();
        views?.Preload(batch, session, candidateId);
        await batch.Execute(ct);

        var stream = await fetched;
        if (stream.Aggregate is null || stream.Aggregate.Archived) return false;
        var version = stream.CurrentVersion ?? 0;

        var profile = await loadedProfile;
        if (profile is null) return false;
        var current = await latest;

        var result = RankingInputs.Of(profile, catalog, OrganizationSeasons.TableOf(await seasons), now).RankForTheRecord();
        var previous = ListContent.Of(current);
        var next = ListRecording.From(result, profile.ApplicationBudget);
        if (ListRecording.SameAs(previous, next))
        {
            session.Store(new ListRegenerationMark { Id = candidateId, UpToVersion = version });
            return false;
        }

        // The difference from the previous list is worked out here, once, and stored with the list: the file is
        // locked, so the current list read above is the one the new list follows.
        var (outlook, list) = ListRecording.Record(candidateId, previous, next, RecordedBy.System, now);
        stream.AppendMany(outlook, list);
        session.Store(new ListRegenerationMark { Id = candidateId, UpToVersion = version + 2 });
        return true;
    }
}
