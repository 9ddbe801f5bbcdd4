using SmartPick.Advising.Seasons;
using JasperFx;
using Marten;
using SmartPick.Advising.CandidateFiles;
using SmartPick.Contracts;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace SmartPick.Advising.Lists;

/// <summary>Regenerate these candidates' lists as one unit of work, and count them in the run.</summary>
public sealed record RegenerateListBatch(Guid RunId, IReadOnlyList<Guid> CandidateIds);

/// <summary>Progress of regenerating every list of an organization after its catalog changed.</summary>
public sealed class ListRegenerationRun
{
    public Guid Id { get; set; }
    public string CatalogVersion { get; set; } = "";
    public int Total { get; set; }
    public int Done { get; set; }
    public int Changed { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    public ListRegenerationRun Advanced(int done, int changed, DateTimeOffset at)
    {
        var next = (ListRegenerationRun)MemberwiseClone();
        next.Done = Math.Min(Total, Done + done);
        next.Changed += changed;
        if (next.Done == Total) next.FinishedAt ??= at;
        return next;
    }
}

/// <summary>A new catalog version: every open file of the tenant gets its list recomputed, in batches.</summary>
public static class RegenerateAllListsHandler
{
    public const int BatchSize = 100;

    public static async Task<OutgoingMessages> Handle(CatalogVersionPublished message, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var ids = await session.Query<CandidateFile>()
            .Where(x => !x.Archived)
            .OrderBy(x => x.Id)
            .Select(x => x.Id)
            .ToListAsync(ct);

        var run = new ListRegenerationRun
        {
            Id = Guid.CreateVersion7(now),
            CatalogVersion = message.CatalogVersion,
            Total = ids.Count,
            StartedAt = now,
            FinishedAt = ids.Count == 0 ? now : null,
        };
        session.Store(run);

        var messages = new OutgoingMessages();
        messages.AddRange(ids.Chunk(BatchSize).Select(chunk => new RegenerateListBatch(run.Id, chunk)));
        return messages;
    }
}

public static class RegenerateListBatchHandler
{
    /// <summary>Batches share the run document and may race a command on one of their files: retry the batch.</summary>
    public static void Configure(HandlerChain chain)
        => chain.OnException<ConcurrencyException>().Or<Marten.Exceptions.StreamLockedException>().Or<JasperFx.Events.StreamLockedException>().RetryWithCooldown(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5));

    public static async Task Handle(RegenerateListBatch batch, IDocumentSession session, ICurrentCatalog catalogs, IInlineFileViews views, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var catalog = await catalogs.ForTenantAsync(session, ct);
        var changed = 0;
        foreach (var id in batch.CandidateIds)
            if (await RegenerateListHandler.RegenerateAsync(session, catalog, id, now, ct, views)) changed++;

        var run = await session.LoadAsync<ListRegenerationRun>(batch.RunId, ct);
        if (run is not null) session.Store(run.Advanced(batch.CandidateIds.Count, changed, now));
    }
}

/// <summary>A change to the season table regenerates the organization's lists, as a new catalog version does, with the catalog they have now.</summary>
public static class SeasonFactsChangedHandler
{
    public static async Task<OutgoingMessages> Handle(SeasonFactsChanged message, IDocumentSession session, ICurrentCatalog catalogs,
        TimeProvider clock, CancellationToken ct)
    {
        var catalog = await catalogs.ForTenantAsync(session, ct);
        return await RegenerateAllListsHandler.Handle(new CatalogVersionPublished(catalog.Version), session, clock, ct);
    }
}
