using SmartPick.Advising.Lists;
using SmartPick.Advising.CandidateFiles;
using SmartPick.Advising.Queries;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartPick.Advising.Views;
using SmartPick.Contracts;
using SmartPick.Web.Pages.Shared;

namespace SmartPick.Web.Pages.Me;

/// <summary>The candidate's own area: their list, their progress since the last season and their history. The file comes only from the sign-in claim.</summary>
[Authorize(Policy = SmartPickPolicies.Candidate)]
public sealed class IndexModel(IDocumentStore store, TimeProvider clock, FileRanking ranking) : PageModel
{
    /// <summary>Before applications (or after a season without a match): the steps worth most and the rebuild-year outlook.</summary>
    public CandidatePlan? Plan { get; private set; }
    /// <summary>Whether the file has a season yet (the seasons page is offered only then).</summary>
    public bool HasSeasons { get; private set; }

    /// <summary>What the catalog says of the listed programs (visas, evidence).</summary>
    public ProgramFacts? Facts { get; private set; }
    /// <summary>The reader's filters and order for the programs.</summary>
    [BindProperty(SupportsGet = true)] public ListFilter Filter { get; set; } = new();

    /// <summary>While interviewing: the chance by how many interviews are ranked, the NRMP fees, the deadline.</summary>
    public SmartPick.Matching.Model.RankListAdvice? RankListAdvice { get; private set; }

    public CandidateProfileView Profile { get; private set; } = null!;
    public CurrentList? List { get; private set; }
    /// <summary>The candidate's row: the stage-aware outlook and risk, as the agency sees it.</summary>
    public CandidateSummary? Summary { get; private set; }
    public ProgressSinceLastCycle? Progress { get; private set; }
    public Timeline? Timeline { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.CandidateFile() is not { } id) return Forbid();
        await using var session = store.QuerySession(User.Tenant());
        var profile = await session.LoadAsync<CandidateProfileView>(id, ct);
        if (profile is null) return NotFound();
        Profile = profile;
        List = await session.LatestAsync<CurrentList>(id, ct);
        Summary = await session.LoadAsync<CandidateSummary>(id, ct);
        RankListAdvice = SmartPick.Web.Pages.Shared.RankListAdvising.For(Summary, profile.TargetSpecialties.FirstOrDefault(), clock.GetUtcNow());
        Progress = await session.LoadAsync<ProgressSinceLastCycle>(id, ct);
        Timeline = await session.LatestAsync<Timeline>(id, ct);
        HasSeasons = profile.Cycles.Count > 0;
        var inputs = await ranking.InputsAsync(session, profile, ct);
        Facts = new ProgramFacts(inputs.Catalog);
        if (List is { Status: ListStatus.Ready } && Summary?.Outlook?.Stage is null or SmartPick.Matching.Stages.SeasonStage.BeforeApplications or SmartPick.Matching.Stages.SeasonStage.Unmatched)
            Plan = PlanActions.For(inputs, profile.Evidence.Facts());
        return Page();
    }
}
