using SmartPick.Advising.Lists;
using System.Text.Json;
using JasperFx;
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
/// A database whose daemon views were kept in an earlier layout (separate async projections, or inline) has
/// member progress rows and documents but no progress for the composite: the start step clears them so the
/// daemon's first pass builds them once, not on top of what is there.
/// </summary>
[Collection("postgres")]
public class DaemonViewsStartTests(AdvisingStore fixture)
{
    private const string Tenant = "org-daemon-start";
    private DocumentStore Store => fixture.Store;

    [PostgresFact]
    public async Task views_from_an_earlier_layout_are_cleared_once_and_the_composite_then_builds_them_from_the_events()
    {
        var id = Guid.CreateVersion7();
        await using (var session = Store.LightweightSession(Tenant))
        {
            session.Events.StartStream<CandidateFile>(id, Opened() with { CandidateId = id },
                Exam(ExamKind.Step2Ck, 228, true) with { CandidateId = id },
                ListV1(5, Content(0.35, [Program("A", 0.4)]), id),
                new AdvisorNoteAdded(id, Guid.NewGuid(), "First call", Advisor, Day(6)));
            await session.SaveChangesAsync();
        }
        using var daemon = await Store.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync(AdvisingModule.DaemonViews, TimeSpan.FromSeconds(60), CancellationToken.None);
        await daemon.RebuildProjectionAsync(nameof(CohortDashboard), TimeSpan.FromSeconds(60), CancellationToken.None);
        var built = await ListHistoryJsonAsync(id);
        built.ShouldNotBeNull();

        // Once the composite has run, a start changes nothing.
        (await DaemonViewsStart.PrepareAsync(Store, CancellationToken.None)).ShouldBeFalse();
        (await ListHistoryJsonAsync(id)).ShouldBe(built);

        // An earlier layout: the members' rows and documents are there, the composite's row is not.
        await SqlAsync($"delete from {Store.Options.DatabaseSchemaName}.mt_event_progression where name = '{AdvisingModule.DaemonViews}:All'");
        (await ProgressNamesAsync()).ShouldContain("ListHistory:All");

        (await DaemonViewsStart.PrepareAsync(Store, CancellationToken.None)).ShouldBeTrue();
        (await ListHistoryJsonAsync(id)).ShouldBeNull();
        await using (var q = Store.QuerySession(Tenant))
        {
            (await q.LoadAsync<CurrentList>(id)).ShouldBeNull();
            // Views outside the composite are untouched, the daemon's dashboard among them.
            (await q.LoadAsync<CandidateSummary>(id)).ShouldNotBeNull();
            (await q.LoadAsync<CohortDashboard>(CohortDashboard.DocumentId)).ShouldNotBeNull();
        }
        var names = await ProgressNamesAsync();
        names.ShouldNotContain("ListHistory:All");
        names.ShouldNotContain("CurrentList:All");
        names.ShouldContain("CohortDashboard:All");

        // The daemon's pass builds the same documents again, once.
        await daemon.RebuildProjectionAsync(AdvisingModule.DaemonViews, TimeSpan.FromSeconds(60), CancellationToken.None);
        (await ListHistoryJsonAsync(id)).ShouldBe(built);
    }

    private async Task<string?> ListHistoryJsonAsync(Guid id)
    {
        await using var q = Store.QuerySession(Tenant);
        return await q.LoadAsync<ListHistory>(id) is { } h ? JsonSerializer.Serialize(h) : null;
    }

    private async Task<List<string>> ProgressNamesAsync()
    {
        await using var conn = Store.Storage.Database.CreateConnection();
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"select name from {Store.Options.DatabaseSchemaName}.mt_event_progression", conn);
        var names = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        return names;
    }

    private async Task SqlAsync(string sql)
    {
        await using var conn = Store.Storage.Database.CreateConnection();
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
