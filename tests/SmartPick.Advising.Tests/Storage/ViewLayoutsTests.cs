using System.Text.Json;
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
/// Views stored under an earlier layout (risk levels of the old meaning) are rebuilt before the daemon starts:
/// the cohort rows from the events, the dashboard cleared for the daemon. A database already at the current
/// layout is left alone.
/// </summary>
[Collection("postgres")]
public class ViewLayoutsTests(AdvisingStore fixture)
{
    private const string Tenant = "org-view-layouts";
    private DocumentStore Store => fixture.Store;
    private string Schema => Store.Options.DatabaseSchemaName;

    [PostgresFact]
    public async Task rows_kept_under_an_earlier_layout_are_rebuilt_from_the_events_and_a_current_database_is_left_alone()
    {
        // Whatever an earlier test or run left, the layouts are current before this test writes (on a database
        // without the layout table, rows of other tests count as an earlier layout).
        await ViewLayouts.PrepareAsync(Store, CancellationToken.None);

        var id = Guid.CreateVersion7();
        await using (var session = Store.LightweightSession(Tenant))
        {
            session.Events.StartStream<CandidateFile>(id, Opened() with { CandidateId = id },
                Exam(ExamKind.Step2Ck, 228, true) with { CandidateId = id },
                ListV1(5, Content(0.35, [Program("A", 0.4)]), id));
            await session.SaveChangesAsync();
        }
        using (var daemon = await Store.BuildProjectionDaemonAsync())
            await daemon.RebuildProjectionAsync(nameof(CohortDashboard), TimeSpan.FromSeconds(60), CancellationToken.None);
        var current = await SummaryJsonAsync(id);
        current.ShouldNotBeNull();

        // At the current layout nothing is rebuilt or cleared.
        (await ViewLayouts.PrepareAsync(Store, CancellationToken.None)).ShouldBeEmpty();
        (await SummaryJsonAsync(id)).ShouldBe(current);
        await using (var dashboard = Store.QuerySession(Tenant))
            (await dashboard.LoadAsync<CohortDashboard>(CohortDashboard.DocumentId)).ShouldNotBeNull("a current dashboard is kept");

        // An earlier layout: the row keeps a level of the old rule (stored as a number no current level has) and the
        // layouts are recorded as 1.
        await SqlAsync($"update {Schema}.mt_doc_candidatesummary set data = jsonb_set(data, '{{Risk}}', '99') where id = '{id}'");
        await SqlAsync($"update {Schema}.{ViewLayouts.Table} set layout = 1");
        (await SummaryJsonAsync(id)).ShouldNotBe(current);
        await using (var dashboard = Store.QuerySession(Tenant))
            (await dashboard.LoadAsync<CohortDashboard>(CohortDashboard.DocumentId)).ShouldNotBeNull();

        var rebuilt = await ViewLayouts.PrepareAsync(Store, CancellationToken.None);
        rebuilt.ShouldBe([nameof(CandidateSummary), nameof(CohortDashboard)], ignoreOrder: true);
        (await SummaryJsonAsync(id)).ShouldBe(current);
        await using (var q = Store.QuerySession(Tenant))
            (await q.LoadAsync<CohortDashboard>(CohortDashboard.DocumentId)).ShouldBeNull("the daemon builds it again from the first event");
        (await ProgressNamesAsync()).ShouldNotContain("CohortDashboard:All");

        // The daemon's pass builds the dashboard again.
        using (var daemon = await Store.BuildProjectionDaemonAsync())
            await daemon.RebuildProjectionAsync(nameof(CohortDashboard), TimeSpan.FromSeconds(60), CancellationToken.None);
        await using (var q = Store.QuerySession(Tenant))
            (await q.LoadAsync<CohortDashboard>(CohortDashboard.DocumentId)).ShouldNotBeNull();
    }

    private async Task<string?> SummaryJsonAsync(Guid id)
    {
        await using var q = Store.QuerySession(Tenant);
        return await q.LoadAsync<CandidateSummary>(id) is { } s ? JsonSerializer.Serialize(s) : null;
    }

    private async Task<List<string>> ProgressNamesAsync()
    {
        await using var conn = Store.Storage.Database.CreateConnection();
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"select name from {Schema}.mt_event_progression", conn);
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
