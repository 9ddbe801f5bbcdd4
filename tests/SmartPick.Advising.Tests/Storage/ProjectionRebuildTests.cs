using SmartPick.Advising.Queries;
using System.Text.Json;
using JasperFx;
using Marten;
using SmartPick.Advising.CandidateFiles;
using SmartPick.Advising.Lists;
using SmartPick.Advising.Views;
using SmartPick.Matching.Model;
using SmartPick.Matching.Parameters;
using SmartPick.Matching.Stages;
using Shouldly;
using Xunit;
using static SmartPick.Advising.Tests.Story;

namespace SmartPick.Advising.Tests.Storage;

[Collection("postgres")]
public class ProjectionRebuildTests(AdvisingStore fixture)
{
    private DocumentStore Store => fixture.Store;

    private static readonly ListContent FirstList = Content(0.35, [Program("A", 0.4), Program("B", 0.3)]);
    private static readonly ListContent SecondList = Content(0.66, [Program("B", 0.5, Tier.Likely), Program("C", 0.4)]);

    /// <summary>A reapplicant's file; <paramref name="v1Lists"/> stores its lists the earlier way, one event each.</summary>
    private static object[] StoryFor(Guid id, bool v1Lists = false) => Flat(
        Opened() with { CandidateId = id },
        Exam(ExamKind.Step2Ck, 228, true) with { CandidateId = id },
        Observership(2) with { CandidateId = id },
        v1Lists ? ListV1(5, FirstList, id) : List(5, FirstList, candidate: id),
        CycleStarted(2026, 10) with { CandidateId = id },
        Interview(2026, "A", 60) with { CandidateId = id },
        Unmatched(2026, 200) with { CandidateId = id },
        HandsOn(3, 210) with { CandidateId = id },
        UsLetter(day: 220) with { CandidateId = id },
        v1Lists ? ListV1(221, SecondList, id) : List(221, SecondList, FirstList, id),
        new AdvisorNoteAdded(id, Guid.NewGuid(), "Reapplying with new USCE", Advisor, Day(222)),
        new NudgeSent(id, "reapplication", 2027, "eras_minus_60", $"{id}:reapplication:2027:1", Day(230)));

    private async Task<Guid> WriteStoryAsync(string tenant, bool v1Lists = false)
    {
        var id = Guid.CreateVersion7();
        var events = StoryFor(id, v1Lists);
        await using (var session = Store.LightweightSession(tenant))
        {
            session.Events.StartStream<CandidateFile>(id, events[0]);
            await session.SaveChangesAsync();
        }
        // Several units of work, as in real use.
        foreach (var chunk in events.Skip(1).Chunk(3))
        {
            await using var session = Store.LightweightSession(tenant);
            session.Events.Append(id, chunk);
            await session.SaveChangesAsync();
        }
        return id;
    }

    private async Task<Dictionary<string, string?>> ViewsAsync(string tenant, Guid id)
    {
        await using var q = Store.QuerySession(tenant);
        return new Dictionary<string, string?>
        {
            ["file"] = Json(await q.LoadAsync<CandidateFile>(id)),
            ["profile"] = Json(await q.LoadAsync<CandidateProfileView>(id)),
            ["summary"] = Json(await q.LoadAsync<CandidateSummary>(id)),
            ["list"] = Json(await q.LatestAsync<CurrentList>(id)),
            ["lists"] = Json(await q.LatestAsync<ListHistory>(id)),
            ["progress"] = Json(await q.LoadAsync<ProgressSinceLastCycle>(id)),
            ["cycles"] = Json(await q.LoadAsync<CyclesSideBySide>(id)),
            ["timeline"] = Json(await q.LatestAsync<Timeline>(id)),
        };
    }

    /// <summary>The documents as stored, without FetchLatest's catch-up: what the daemon (or a rebuild) wrote.</summary>
    private async Task<Dictionary<string, string?>> StoredDaemonViewsAsync(string tenant, Guid id)
    {
        await using var q = Store.QuerySession(tenant);
        return new Dictionary<string, string?>
        {
            ["list"] = Json(await q.LoadAsync<CurrentList>(id)),
            ["lists"] = Json(await q.LoadAsync<ListHistory>(id)),
        };
    }

    private static string? Json(object? view) => view is null ? null : JsonSerializer.Serialize(view);

    [PostgresTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task every_view_rebuilt_from_the_events_comes_out_identical(bool v1Lists)
    {
        var id = await WriteStoryAsync("org-a", v1Lists);
        var before = await ViewsAsync("org-a", id);
        before.Values.ShouldAllBe(v => v != null);

        // The views must match a pure replay of the same events (Marten calls the same conventions).
        var events = await EventsAsync("org-a", id);
        JsonSerializer.Serialize(Replay.Projection<ProgressSinceLastCycleProjection, ProgressSinceLastCycle>(events)).ShouldBe(before["progress"]);
        // The timeline is not stored: every read aggregates the file's events, so it is the replay by construction.
        JsonSerializer.Serialize(Replay.Projection<TimelineProjection, Timeline>(events)).ShouldBe(before["timeline"]);

        // Wipe views first so the comparison proves the rebuild wrote them (the daemon's as well).
        await using (var wipe = Store.LightweightSession("org-a"))
        {
            wipe.DeleteWhere<CandidateProfileView>(x => x.Id == id);
            wipe.DeleteWhere<CurrentList>(x => x.Id == id);
            wipe.DeleteWhere<ListHistory>(x => x.Id == id);
            await wipe.SaveChangesAsync();
        }
        (await ViewsAsync("org-a", id))["profile"].ShouldBeNull();
        (await StoredDaemonViewsAsync("org-a", id)).Values.ShouldAllBe(v => v == null);

        using var daemon = await Store.BuildProjectionDaemonAsync();
        foreach (var name in new[] { nameof(CandidateFile), nameof(CandidateProfileView), nameof(CandidateSummary),
                     nameof(ProgressSinceLastCycle), nameof(CyclesSideBySide), AdvisingModule.DaemonViews, nameof(CohortDashboard) })
            await daemon.RebuildProjectionAsync(name, TimeSpan.FromSeconds(60), CancellationToken.None);

        var after = await ViewsAsync("org-a", id);
        after.ShouldBe(before);
        // The daemon's views as stored by the rebuild, not caught up at read time, are the same documents.
        var stored = await StoredDaemonViewsAsync("org-a", id);
        stored["list"].ShouldBe(before["list"]);
        stored["lists"].ShouldBe(before["lists"]);
    }

    [PostgresFact]
    public async Task lists_stored_the_earlier_way_give_the_same_views_as_lists_stored_as_outlook_and_programs()
    {
        var now = await WriteStoryAsync("org-h");
        var before = await WriteStoryAsync("org-h", v1Lists: true);

        await using (var q = Store.QuerySession("org-h"))
        {
            // The stored names: the earlier kind keeps the name lists always had.
            var types = (await q.Events.FetchStreamAsync(before)).Select(e => e.EventTypeName).ToList();
            types.Count(t => t == "program_list_regenerated").ShouldBe(2);
            types = (await q.Events.FetchStreamAsync(now)).Select(e => e.EventTypeName).ToList();
            types.Count(t => t == "program_list_regenerated_v2").ShouldBe(2);
            types.Count(t => t == "ranked_list_recorded").ShouldBe(2);
        }

        var a = await ViewsAsync("org-h", now);
        var b = await ViewsAsync("org-h", before);
        foreach (var view in new[] { "summary", "list", "timeline" })
            b[view]!.Replace(before.ToString(), now.ToString()).ShouldBe(a[view], view);
        // Progress and seasons also hold the evidence, whose ids differ between the two files: compare what lists give them.
        var progress = JsonSerializer.Deserialize<ProgressSinceLastCycle>(a["progress"]!)!;
        var progressV1 = JsonSerializer.Deserialize<ProgressSinceLastCycle>(b["progress"]!)!;
        (progressV1.PMatchThen, progressV1.PMatchNow).ShouldBe((0.35, 0.66));
        (progress.PMatchThen, progress.PMatchNow).ShouldBe((0.35, 0.66));
        JsonSerializer.Serialize(progressV1.StillMissing).ShouldBe(JsonSerializer.Serialize(progress.StillMissing));
        progressV1.RiskFactors.ShouldBe(progress.RiskFactors);
        var cycles = JsonSerializer.Deserialize<CyclesSideBySide>(a["cycles"]!)!;
        var cyclesV1 = JsonSerializer.Deserialize<CyclesSideBySide>(b["cycles"]!)!;
        cyclesV1.Cycles.Select(c => c.PMatchAtStart).ShouldBe(cycles.Cycles.Select(c => c.PMatchAtStart));
        cycles.Cycles.Single().PMatchAtStart.ShouldBe(0.35);
        (cyclesV1.LatestPMatch, cyclesV1.LatestRecommended).ShouldBe((cycles.LatestPMatch, cycles.LatestRecommended));
        // The history holds the same entries; the earlier kind also keeps its last list to compare the next with.
        var lists = JsonSerializer.Deserialize<ListHistory>(a["lists"]!)!;
        var listsV1 = JsonSerializer.Deserialize<ListHistory>(b["lists"]!)!;
        JsonSerializer.Serialize(listsV1.Entries).ShouldBe(JsonSerializer.Serialize(lists.Entries));
        lists.PreviousV1.ShouldBeNull();
        lists.Entries[1].Changes.Added.ShouldHaveSingleItem().ProgramCode.ShouldBe("C");
        lists.Entries[1].Changes.Removed.ShouldHaveSingleItem().ProgramCode.ShouldBe("A");
    }

    [PostgresFact]
    public async Task the_async_cohort_dashboard_is_kept_per_organization_and_rebuilds_identically()
    {
        await WriteStoryAsync("org-c");
        await WriteStoryAsync("org-c");
        await WriteStoryAsync("org-d");

        using var daemon = await Store.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync(nameof(CohortDashboard), TimeSpan.FromSeconds(60), CancellationToken.None);

        await using var c = Store.QuerySession("org-c");
        var dashboard = await c.LoadAsync<CohortDashboard>(CohortDashboard.DocumentId);
        dashboard.ShouldNotBeNull();
        dashboard.Total.ShouldBe(2);
        dashboard.ByStatus.ShouldBe(new Dictionary<CandidateStatus, int> { [CandidateStatus.Unmatched] = 2 });
        // Both reapplicants stand at the second list's chance, judged against internal medicine's published rate.
        var risk = OutlookRules.RiskOf(SecondList.PMatch, OutlookRules.ReferenceRate("internal_medicine", false, DefaultParameters.Current));
        dashboard.ByRisk.ShouldBe(new Dictionary<RiskLevel, int> { [risk] = 2 });

        await using var d = Store.QuerySession("org-d");
        (await d.LoadAsync<CohortDashboard>(CohortDashboard.DocumentId))!.Total.ShouldBe(1);

        var first = Json(dashboard);
        await daemon.RebuildProjectionAsync(nameof(CohortDashboard), TimeSpan.FromSeconds(60), CancellationToken.None);
        await using var again = Store.QuerySession("org-c");
        Json(await again.LoadAsync<CohortDashboard>(CohortDashboard.DocumentId)).ShouldBe(first);
    }

    [PostgresFact]
    public async Task another_organization_sees_nothing_of_a_file()
    {
        var id = await WriteStoryAsync("org-e");
        var elsewhere = await ViewsAsync("org-f", id);
        elsewhere.Values.ShouldAllBe(v => v == null);
        await using var q = Store.QuerySession("org-f");
        (await q.Events.FetchStreamAsync(id)).ShouldBeEmpty();
    }

    [PostgresFact]
    public async Task of_two_writers_on_one_file_the_second_to_commit_fails_and_nothing_is_lost()
    {
        var id = await WriteStoryAsync("org-g");
        await using var first = Store.LightweightSession("org-g");
        await using var second = Store.LightweightSession("org-g");
        var a = await first.Events.FetchForWriting<CandidateFile>(id);
        var b = await second.Events.FetchForWriting<CandidateFile>(id);
        a.AppendOne(new AdvisorNoteAdded(id, Guid.NewGuid(), "first", Advisor, Day(300)));
        b.AppendOne(new AdvisorNoteAdded(id, Guid.NewGuid(), "second", Advisor, Day(300)));

        await first.SaveChangesAsync();
        await Should.ThrowAsync<ConcurrencyException>(() => second.SaveChangesAsync());

        var events = await EventsAsync("org-g", id);
        events.OfType<AdvisorNoteAdded>().Select(n => n.Text).ShouldBe(["Reapplying with new USCE", "first"]);
    }

    private async Task<object[]> EventsAsync(string tenant, Guid id)
    {
        await using var q = Store.QuerySession(tenant);
        return (await q.Events.FetchStreamAsync(id)).Select(e => e.Data).ToArray();
    }
}
