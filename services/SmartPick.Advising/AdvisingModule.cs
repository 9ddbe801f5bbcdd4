using JasperFx.Events.Projections;
using Marten;
using SmartPick.Advising.CandidateFiles;
using SmartPick.Advising.Http;
using SmartPick.Advising.Lists;
using SmartPick.Advising.Views;
using Wolverine;

namespace SmartPick.Advising;

/// <summary>What the host wires for candidate files: Marten projections and documents, Wolverine handlers and queues.</summary>
public static class AdvisingModule
{
    /// <summary>The durable local queue that regenerates lists, kept apart so a catalog-wide run never starves requests.</summary>
    public const string ListQueue = "advising-lists";

    public static void ConfigureMarten(StoreOptions opts)
    {
        opts.Events.AddEventTypes([
            typeof(CandidateFileOpened), typeof(PreferencesChanged), typeof(ExamTaken), typeof(ExamResultCorrected),
            typeof(UsceAdded), typeof(LetterReceived), typeof(ResearchAdded), typeof(CycleStarted),
            typeof(ApplicationsSubmitted), typeof(InterviewInvited), typeof(RankListCertified), typeof(CycleMatched),
            typeof(CycleUnmatched), typeof(ProgramListRegenerated), typeof(AdvisorNoteAdded), typeof(CandidateFileArchived),
            typeof(NudgeSent),
        ]);

        // What commands decide on and what is queried across files is inline. The two views that grow with
        // the file's history (timeline, list history) are kept by the daemon, so a command does not rewrite
        // them; they are read with FetchLatest, which adds any events the daemon has not applied yet, so a
        // read still sees every write before it. The cross-candidate dashboard is async.
        opts.Projections.Snapshot<CandidateFile>(JasperFx.Events.Projections.SnapshotLifecycle.Inline);
        opts.Projections.Add<CandidateProfileProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<CandidateSummaryProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<CurrentListProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<ListHistoryProjection>(ProjectionLifecycle.Async);
        opts.Projections.Add<ProgressSinceLastCycleProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<CyclesSideBySideProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<TimelineProjection>(ProjectionLifecycle.Async);
        opts.Projections.Add<CohortDashboardProjection>(ProjectionLifecycle.Async);

        opts.Schema.For<CandidateSummary>()
            .Index(x => x.Status)
            .Index(x => x.Risk)
            .Index(x => x.LastActivityAt);
        opts.Schema.For<IdempotentAnswer>();
        opts.Schema.For<ListRegenerationMark>();
        opts.Schema.For<ListRegenerationRun>().UseOptimisticConcurrency(true);
    }

    public static void ConfigureWolverine(WolverineOptions opts)
    {
        opts.Discovery.IncludeAssembly(typeof(AdvisingModule).Assembly);
        opts.LocalQueue(ListQueue).UseDurableInbox().MaximumParallelMessages(2);
        opts.PublishMessage<RegenerateList>().ToLocalQueue(ListQueue);
        opts.PublishMessage<RegenerateListBatch>().ToLocalQueue(ListQueue);
    }
}
