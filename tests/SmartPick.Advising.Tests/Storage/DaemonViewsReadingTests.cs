using SmartPick.Advising.Lists;
using SmartPick.Advising.Queries;
using System.Text.Json;
using JasperFx.Events.Projections;
using Marten;
using Npgsql;
using SmartPick.Advising.CandidateFiles;
using SmartPick.Advising.Views;
using SmartPick.Matching.Model;
using Shouldly;
using Xunit;
using static SmartPick.Advising.Tests.Story;

namespace SmartPick.Advising.Tests.Storage;

/// <summary>
/// The composite of list views reads only the kinds of fact its members handle, so facts that leave the lists
/// alone (notes, exams…) never make the daemon rewrite them; the timeline, aggregated from the events when read, still shows them.
/// </summary>
public class DaemonViewsReadingTests
{
    private static ProjectionBase Registered(string name)
    {
        using var store = DocumentStore.For(opts =>
        {
            opts.Connection("Host=127.0.0.1;Database=unused");
            AdvisingModule.ConfigureMarten(opts);
        });
        return (ProjectionBase)((StoreOptions)store.Options).Projections.All.Single(p => p.Name == name);
    }

    [Fact]
    public void the_composite_reads_every_kind_its_members_handle_and_nothing_else()
    {
        var composite = Registered(AdvisingModule.DaemonViews);
        var members = new ProjectionBase[] { new CurrentListProjection(), new ListHistoryProjection() };
        var handled = new HashSet<Type>();
        foreach (var member in members)
        {
            member.AssembleAndAssertValidity();
            handled.UnionWith(member.IncludedEventTypes);
        }

        composite.IncludedEventTypes.ToHashSet().SetEquals(handled).ShouldBeTrue(
            $"composite reads {string.Join(", ", composite.IncludedEventTypes.Select(t => t.Name))}");
        composite.IncludedEventTypes.ShouldContain(typeof(RankedListRecorded));
        composite.IncludedEventTypes.ShouldContain(typeof(ProgramListRegeneratedV1));
        composite.IncludedEventTypes.ShouldNotContain(typeof(AdvisorNoteAdded));
        composite.IncludedEventTypes.ShouldNotContain(typeof(ExamTaken));
    }

    [Fact]
    public void the_timeline_is_not_stored_but_aggregated_from_the_file_when_read()
    {
        var timeline = Registered(nameof(Timeline));
        timeline.Lifecycle.ShouldBe(ProjectionLifecycle.Live);
        timeline.IncludedEventTypes.ShouldContain(typeof(AdvisorNoteAdded));
        // The programs of a list are the heaviest facts; the timeline needs only the outlook.
        timeline.IncludedEventTypes.ShouldNotContain(typeof(RankedListRecorded));
    }
}

[Collection("postgres")]
public class DaemonViewsRunningTests(AdvisingStore fixture)
{
    private const string Tenant = "org-daemon-reading";
    private DocumentStore Store => fixture.Store;

    [PostgresFact]
    public async Task a_note_after_a_list_shows_in_the_timeline_without_rewriting_the_lists()
    {
        var id = Guid.CreateVersion7();
        await using (var session = Store.LightweightSession(Tenant))
        {
            session.Events.StartStream<CandidateFile>(id, Flat(Opened() with { CandidateId = id },
                Exam(ExamKind.Step2Ck, 228, true) with { CandidateId = id },
                List(5, Content(0.35, [Program("A", 0.4)]), candidate: id)));
            await session.SaveChangesAsync();
        }

        using var daemon = await Store.BuildProjectionDaemonAsync();
        await daemon.StartAllAsync();
        try
        {
            await daemon.WaitForNonStaleData(TimeSpan.FromSeconds(60));
            var listsBefore = await StoredVersionsAsync(id);
            listsBefore.Values.ShouldAllBe(v => v == 4);
            string listBefore;
            await using (var q = Store.QuerySession(Tenant)) listBefore = JsonSerializer.Serialize(await q.LoadAsync<CurrentList>(id));

            await using (var session = Store.LightweightSession(Tenant))
            {
                session.Events.Append(id, new AdvisorNoteAdded(id, Guid.NewGuid(), "Called about the letters", Advisor, Day(6)),
                    Exam(ExamKind.Step3, 215, true, day: 7) with { CandidateId = id });
                await session.SaveChangesAsync();
            }
            await daemon.WaitForNonStaleData(TimeSpan.FromSeconds(60));

            (await StoredVersionsAsync(id)).ShouldBe(listsBefore);
            await using var read = Store.QuerySession(Tenant);
            var timeline = await read.LatestAsync<Timeline>(id);
            timeline!.Entries.Select(e => e.Kind).ShouldContain("advisor_note_added");
            timeline.Entries.Count.ShouldBe(5);
            // Read with FetchLatest, the list is the one stored: the later facts change nothing in it.
            JsonSerializer.Serialize(await read.LatestAsync<CurrentList>(id)).ShouldBe(listBefore);
        }
        finally
        {
            await daemon.StopAllAsync();
        }
    }

    /// <summary>The stream version each list view was last written at.</summary>
    private async Task<Dictionary<string, long>> StoredVersionsAsync(Guid id)
    {
        var schema = Store.Options.DatabaseSchemaName;
        await using var conn = Store.Storage.Database.CreateConnection();
        await conn.OpenAsync();
        var versions = new Dictionary<string, long>();
        foreach (var table in new[] { "mt_doc_currentlist", "mt_doc_listhistory" })
        {
            await using var cmd = new NpgsqlCommand($"select mt_version from {schema}.{table} where id = @id and tenant_id = @tenant", conn);
            cmd.Parameters.AddWithValue("id", id);
            cmd.Parameters.AddWithValue("tenant", Tenant);
            versions[table] = Convert.ToInt64(await cmd.ExecuteScalarAsync());
        }
        return versions;
    }
}
