using System.Text.Json;
using Marten;
using Marten.Services;
using Npgsql;
using SmartPick.Advising.CandidateFiles;
using SmartPick.Advising.Lists;
using SmartPick.Advising.Views;
using SmartPick.Matching.Model;
using Shouldly;
using Xunit;
using static SmartPick.Advising.Tests.Story;

namespace SmartPick.Advising.Tests.Storage;

/// <summary>
/// A command reads the file and the inline views its facts update in one round trip; the inline projections then
/// find those views in the session. The views come out exactly as a replay of the events gives them.
/// </summary>
[Collection("postgres")]
public class FileFetchTests(AdvisingStore fixture)
{
    private const string Tenant = "org-file-fetch";
    private DocumentStore Store => fixture.Store;

    private async Task<Guid> OpenAsync()
    {
        var id = Guid.CreateVersion7();
        await using var session = Store.LightweightSession(Tenant);
        session.Events.StartStream<CandidateFile>(id, Opened() with { CandidateId = id }, Exam(ExamKind.Step2Ck, 221, true) with { CandidateId = id });
        await session.SaveChangesAsync();
        return id;
    }

    [PostgresTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task a_command_reads_and_writes_in_two_round_trips_and_its_views_match_a_replay(bool changesProfile)
    {
        var id = await OpenAsync();
        var counter = new RoundTrips();
        await using (var session = Store.LightweightSession(Tenant))
        {
            session.Logger = counter;
            var stream = await new CandidateFileDoor(new InlineFileViews(), new NoCatalog()).LockAsync(session, id, CancellationToken.None);
            stream.Aggregate.ShouldNotBeNull();
            stream.CurrentVersion.ShouldBe(2);
            stream.AppendOne(changesProfile
                ? Exam(ExamKind.Step3, 210, true, day: 9) with { CandidateId = id }
                : new AdvisorNoteAdded(id, Guid.NewGuid(), "Asked for a second US letter", Advisor, Day(9)));
            await session.SaveChangesAsync();
        }

        // One read (lock, file and views in one batch) before the decision; saving then reads no view on its own.
        counter.Reads.ShouldBe(1, string.Join("\n", counter.Statements));
        counter.Statements[0].ShouldContain("mt_doc_candidatesummary");

        object[] events;
        await using (var q = Store.QuerySession(Tenant))
        {
            events = (await q.Events.FetchStreamAsync(id)).Select(e => e.Data).ToArray();
            events.Length.ShouldBe(3);
            Json(await q.LoadAsync<CandidateSummary>(id)).ShouldBe(Json(Replay.Projection<CandidateSummaryProjection, CandidateSummary>(events)));
            Json(await q.LoadAsync<CandidateProfileView>(id)).ShouldBe(Json(Replay.Projection<CandidateProfileProjection, CandidateProfileView>(events)));
            Json(await q.LoadAsync<ProgressSinceLastCycle>(id)).ShouldBe(Json(Replay.Projection<ProgressSinceLastCycleProjection, ProgressSinceLastCycle>(events)));
            Json(await q.LoadAsync<CyclesSideBySide>(id)).ShouldBe(Json(Replay.Projection<CyclesSideBySideProjection, CyclesSideBySide>(events)));
            (await q.LoadAsync<CandidateSummary>(id))!.LastActivityAt.ShouldBe(Day(9));
        }
    }

    [PostgresFact]
    public async Task a_file_of_another_organization_is_not_found_and_nothing_is_read_for_it()
    {
        var id = await OpenAsync();
        await using var session = Store.LightweightSession("org-file-fetch-other");
        var stream = await new CandidateFileDoor(new InlineFileViews(), new NoCatalog()).LockAsync(session, id, CancellationToken.None);
        stream.Aggregate.ShouldBeNull();
        (stream.CurrentVersion ?? 0).ShouldBe(0);
    }

    [PostgresFact]
    public async Task a_regeneration_reads_in_one_round_trip_and_the_views_it_updates_match_a_replay()
    {
        var id = await OpenAsync();
        for (var round = 0; round < 2; round++)
        {
            var counter = new RoundTrips();
            await using (var session = Store.LightweightSession(Tenant))
            {
                if (round == 1)
                {
                    // A second list follows a first, so the current list is read too.
                    session.Events.Append(id, Exam(ExamKind.Step3, 214, true, day: 12) with { CandidateId = id });
                    await session.SaveChangesAsync();
                }
                session.Logger = counter;
                var catalog = new Catalog([]);
                (await RegenerateListHandler.RegenerateAsync(session, catalog, id, Day(20 + round), CancellationToken.None, new InlineFileViews())).ShouldBeTrue();
                await session.SaveChangesAsync();
            }
            counter.Reads.ShouldBe(1, string.Join("\n", counter.Statements));
        }

        await using var q = Store.QuerySession(Tenant);
        var events = (await q.Events.FetchStreamAsync(id)).Select(e => e.Data).ToArray();
        events.OfType<ProgramListRegenerated>().Count().ShouldBe(2);
        Json(await q.LoadAsync<CandidateSummary>(id)).ShouldBe(Json(Replay.Projection<CandidateSummaryProjection, CandidateSummary>(events)));
        Json(await q.LoadAsync<ProgressSinceLastCycle>(id)).ShouldBe(Json(Replay.Projection<ProgressSinceLastCycleProjection, ProgressSinceLastCycle>(events)));
        Json(await q.LoadAsync<CyclesSideBySide>(id)).ShouldBe(Json(Replay.Projection<CyclesSideBySideProjection, CyclesSideBySide>(events)));
    }

    private static string Json(object? view) => JsonSerializer.Serialize(view);

    /// <summary>Every command or batch sent, seen before it runs or when it is logged, counted once.</summary>
    private sealed class RoundTrips : IMartenSessionLogger
    {
        private readonly HashSet<object> _seen = new(ReferenceEqualityComparer.Instance);
        /// <summary>Round trips that read (the save's batch, when logged, writes).</summary>
        public int Reads => Statements.Count(s => !s.Contains("mt_quick_append_events") && !s.Contains("insert into"));
        public List<string> Statements { get; } = [];

        private void Saw(NpgsqlCommand command) { if (_seen.Add(command)) Statements.Add(command.CommandText); }
        private void Saw(NpgsqlBatch batch)
        {
            if (_seen.Add(batch)) Statements.Add(string.Join(" ; ", batch.BatchCommands.Cast<NpgsqlBatchCommand>().Select(c => c.CommandText)));
        }

        public void OnBeforeExecute(NpgsqlCommand command) => Saw(command);
        public void OnBeforeExecute(NpgsqlBatch batch) => Saw(batch);
        public void LogSuccess(NpgsqlCommand command) => Saw(command);
        public void LogSuccess(NpgsqlBatch batch) => Saw(batch);
        public void LogFailure(NpgsqlCommand command, Exception ex) => Saw(command);
        public void LogFailure(NpgsqlBatch batch, Exception ex) => Saw(batch);
        public void LogFailure(Exception ex, string message) { }
        public void RecordSavedChanges(IDocumentSession session, IChangeSet commit) { }
    }
}

/// <summary>Locking a stream reads no catalog.</summary>
file sealed class NoCatalog : IProgramCatalog
{
    public Task<IReadOnlySet<string>> CodesAsync(Marten.IQuerySession session, CancellationToken ct) =>
        throw new InvalidOperationException("The catalog is not read when a stream is locked.");
}
