using SmartPick.Advising.Views;
using Marten;
using SmartPick.Advising.CandidateFiles;
using SmartPick.Advising.Lists;
using SmartPick.Matching.Model;
using Shouldly;
using Xunit;
using static SmartPick.Advising.Tests.Story;

namespace SmartPick.Advising.Tests.Storage;

/// <summary>Queued regeneration requests for changes an earlier regeneration already took into account.</summary>
[Collection("postgres")]
public class ListRegenerationCoalescingTests(AdvisingStore fixture)
{
    private const string Tenant = "org-coalesce";

    /// <summary>Counts how often the handler went as far as fetching the catalog, i.e. ran the engine.</summary>
    private sealed class CountingCatalog : ICurrentCatalog
    {
        public int Calls;

        public Task<Catalog> ForTenantAsync(IQuerySession session, CancellationToken ct)
        {
            Interlocked.Increment(ref Calls);
            return Task.FromResult(new Catalog([]));
        }
    }

    private async Task HandleAsync(RegenerateList message, ICurrentCatalog catalog)
    {
        await using var session = fixture.Store.LightweightSession(Tenant);
        await RegenerateListHandler.Handle(message, session, catalog, new InlineFileViews(), TimeProvider.System, CancellationToken.None);
        await session.SaveChangesAsync();
    }

    private async Task<int> ListsAsync(Guid id)
    {
        await using var q = fixture.Store.QuerySession(Tenant);
        return (await q.Events.FetchStreamAsync(id)).Count(e => e.Data is ProgramListRegenerated);
    }

    [PostgresFact]
    public async Task one_regeneration_settles_the_requests_of_every_change_it_saw_and_later_changes_still_run()
    {
        var id = Guid.CreateVersion7();
        await using (var session = fixture.Store.LightweightSession(Tenant))
        {
            // Three profile changes (versions 1, 2 and 3), each of which queued a request.
            session.Events.StartStream<CandidateFile>(id, Opened() with { CandidateId = id },
                Exam(ExamKind.Step2Ck, 228, true) with { CandidateId = id }, Observership(2) with { CandidateId = id });
            await session.SaveChangesAsync();
        }
        var catalog = new CountingCatalog();

        await HandleAsync(new RegenerateList(id, AtVersion: 1), catalog);
        catalog.Calls.ShouldBe(1);
        (await ListsAsync(id)).ShouldBe(1);

        // The first run read the file at version 3: the other two requests have nothing left to do.
        await HandleAsync(new RegenerateList(id, AtVersion: 2), catalog);
        await HandleAsync(new RegenerateList(id, AtVersion: 3), catalog);
        catalog.Calls.ShouldBe(1);

        // A change after that run (version 6, after the list's two events at 4 and 5) is not covered and runs.
        await using (var session = fixture.Store.LightweightSession(Tenant))
        {
            session.Events.Append(id, UsLetter(day: 220) with { CandidateId = id });
            await session.SaveChangesAsync();
        }
        await HandleAsync(new RegenerateList(id, AtVersion: 6), catalog);
        catalog.Calls.ShouldBe(2);

        // A request that names no change (a catalog-wide run) always runs.
        await HandleAsync(new RegenerateList(id), catalog);
        catalog.Calls.ShouldBe(3);
    }

    [PostgresFact]
    public async Task another_organizations_mark_settles_nothing()
    {
        var id = Guid.CreateVersion7();
        await using (var session = fixture.Store.LightweightSession("org-coalesce-other"))
        {
            session.Store(new ListRegenerationMark { Id = id, UpToVersion = 100 });
            await session.SaveChangesAsync();
        }
        await using (var session = fixture.Store.LightweightSession(Tenant))
        {
            session.Events.StartStream<CandidateFile>(id, Opened() with { CandidateId = id });
            await session.SaveChangesAsync();
        }
        var catalog = new CountingCatalog();
        await HandleAsync(new RegenerateList(id, AtVersion: 1), catalog);
        catalog.Calls.ShouldBe(1);
        (await ListsAsync(id)).ShouldBe(1);
    }
}
