using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;
using SmartPick.Advising.CandidateFiles;
using SmartPick.Advising.Lists;
using SmartPick.Advising.Seasons;
using SmartPick.Advising.Views;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace SmartPick.Advising;

/// <summary>What the host wires for candidate files: Marten projections and documents, Wolverine handlers and queues.</summary>
public static class AdvisingModule
{
    /// <summary>The durable local queue that regenerates lists, kept apart so a catalog-wide run never starves requests.</summary>
    public const string ListQueue = "advising-lists";

    /// <summary>The daemon's composite projection (current list, list history); rebuild it by this name.</summary>
    public const string DaemonViews = "CandidateDaemonViews";

    public static void ConfigureMarten(StoreOptions opts)
    {
        // A list used to be one event under this name; it is now two (the outlook, then the programs), so the
        // views that need only the outlook never read a whole list. Stored lists of the earlier kind still read.
        opts.Events.MapEventType<ProgramListRegeneratedV1>("program_list_regenerated");
        opts.Events.MapEventType<ProgramListRegenerated>("program_list_regenerated_v2");
        opts.Events.AddEventTypes([
            typeof(CandidateFileOpened), typeof(PreferencesChanged), typeof(ExamTaken), typeof(ExamResultCorrected),
            typeof(UsceAdded), typeof(LetterReceived), typeof(ResearchAdded), typeof(CycleStarted),
            typeof(ApplicationsSubmitted), typeof(InterviewInvited), typeof(RankListCertified), typeof(CycleMatched),
            typeof(CycleUnmatched), typeof(ProgramListRegenerated), typeof(RankedListRecorded), typeof(ProgramListRegeneratedV1),
            typeof(AdvisorNoteAdded), typeof(CandidateFileArchived), typeof(NudgeSent), typeof(StrategyChosen),
            typeof(SeasonFactsRecorded), typeof(SeasonFactsReset),
        ]);

        // What commands decide on and what is queried across files is inline: the file itself, the engine's
        // input (profile), the cohort rows, and the two views the nudge sweeps read in bulk (progress, seasons).
        opts.Projections.Snapshot<CandidateFile>(JasperFx.Events.Projections.SnapshotLifecycle.Inline);
        // The organization's season table is read by every list regeneration: each season's state is kept inline.
        opts.Projections.Snapshot<OrganizationSeason>(JasperFx.Events.Projections.SnapshotLifecycle.Inline);
        opts.Projections.Add<CandidateProfileProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<CandidateSummaryProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<ProgressSinceLastCycleProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<CyclesSideBySideProjection>(ProjectionLifecycle.Inline);
        // The two views that carry whole stored lists (current list, list history) are kept by the daemon as one
        // composite: it reads each range of list events once for both and writes their documents in one batch, and a
        // rebuild is a single pass over the lists. Inside a composite every member is written again for every file
        // with any event the composite reads, so nothing else belongs in it
        // (what it cost is in docs/benchmarks.md).
        // They are read with FetchLatest, which adds any events the daemon has not applied yet, so a read right
        // after a command still shows it.
        opts.Projections.CompositeProjectionFor(DaemonViews,
            views => AddReadingOnlyWhatMembersHandle(views, new CurrentListProjection(), new ListHistoryProjection()));
        // The timeline reads every kind of fact, grows with the file and is only ever read one file at a time, so it
        // is not stored: a read aggregates the file's events (FetchLatest on a live projection); stored, the daemon
        // rewrote it whole for nearly every fact (docs/benchmarks.md).
        opts.Projections.Add<TimelineProjection>(ProjectionLifecycle.Live);
        // The organization's dashboard is one document holding a row per member. On its own, the daemon keeps it
        // cached between batches and a rebuild writes it once per 1,000 pages; inside the
        // composite it was written after every page (docs/benchmarks.md).
        opts.Projections.Add<CohortDashboardProjection>(ProjectionLifecycle.Async);

        opts.Schema.For<CandidateSummary>()
            .Index(x => x.Status)
            .Index(x => x.Risk)
            .Index(x => x.LastActivityAt);
        opts.Schema.For<IdempotentAnswer>();
        opts.Schema.For<ListRegenerationMark>();
        opts.Schema.For<ListRegenerationRun>().UseOptimisticConcurrency(true);
    }

    /// <summary>
    /// Adds the members to the composite and limits what it reads to the kinds of fact they handle. A composite
    /// reads every event unless told otherwise, and then writes each member's document for every file with any
    /// event in the range, whether the member handles it or not; limited (as each member would be on its own),
    /// a note or an exam never rewrites a list.
    /// </summary>
    public static void AddReadingOnlyWhatMembersHandle(CompositeProjection composite, params ProjectionBase[] members)
    {
        foreach (var member in members)
        {
            composite.Add((IProjectionSource<IDocumentOperations, IQuerySession>)member);
            member.AssembleAndAssertValidity();
            foreach (var type in member.IncludedEventTypes.Where(t => !composite.IncludedEventTypes.Contains(t)))
            {
                composite.IncludedEventTypes.Add(type);
            }
        }
    }

    /// <summary>The module's services: the one door into candidate files and the one way of ranking a file now.</summary>
    public static IServiceCollection AddAdvising(this IServiceCollection services)
    {
        services.AddSingleton<IInlineFileViews, InlineFileViews>();
        services.AddSingleton<SmartPick.Advising.CandidateFiles.IProgramCatalog, SmartPick.Advising.Lists.CurrentCatalogCodes>();
        services.AddSingleton<CandidateFileDoor>();
        services.AddSingleton<FileRanking>();
        return services;
    }

    public static void ConfigureWolverine(WolverineOptions opts)
    {
        opts.Discovery.IncludeAssembly(typeof(AdvisingModule).Assembly);
        opts.LocalQueue(ListQueue).UseDurableInbox().MaximumParallelMessages(2);
        opts.PublishMessage<RegenerateList>().ToLocalQueue(ListQueue);
        opts.PublishMessage<RegenerateListBatch>().ToLocalQueue(ListQueue);
    }
}
