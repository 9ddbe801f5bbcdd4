using SmartPick.Advising.Lists;
using SmartPick.Advising.Queries;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartPick.Advising.CandidateFiles;
using SmartPick.Advising.Views;
using SmartPick.Contracts;
using SmartPick.Matching.Model;
using SmartPick.Web.Pages.Shared;

namespace SmartPick.Web.Pages.Candidates;

/// <summary>
/// A candidate's file for staff: the profile in brief, advice with what triggered it, the timeline (who
/// recorded what, when) and one form per kind of fact. Another organization's file is simply not found.
/// </summary>
[Authorize(Policy = SmartPickPolicies.Staff)]
public sealed class FileModel(IDocumentStore store, CandidateFilePages writes, FileRanking ranking, TimeProvider clock) : PageModel, IFormPage
{
    /// <summary>While the candidate is interviewing: the chance by how many interviews are ranked, the NRMP fees, the deadline.</summary>
    public SmartPick.Matching.Model.RankListAdvice? RankListAdvice { get; private set; }

    public CandidateProfileView Profile { get; private set; } = null!;
    public Timeline? Timeline { get; private set; }
    public CurrentList? List { get; private set; }
    /// <summary>The cohort row: the stage-aware outlook and risk every surface shows.</summary>
    public CandidateSummary? Summary { get; private set; }
    public RankResult? Live { get; private set; }
    public EvidenceFacts Facts { get; private set; } = EvidenceFacts.None;
    public FormErrors Errors { get; private set; } = new();
    /// <summary>Which form the errors belong to, so it is shown open.</summary>
    public string? OpenForm { get; private set; }
    public int? OpenSeason => Profile.Cycles.Find(c => c.Outcome is null)?.Season;

    [BindProperty(SupportsGet = true)] public string? Recorded { get; set; }

    public ExamForm Exam { get; private set; } = new();
    public UsceForm Usce { get; private set; } = new();
    public LetterForm Letter { get; private set; } = new();
    public ResearchForm Research { get; private set; } = new();
    public PreferencesForm Prefs { get; private set; } = new();
    public NoteForm Note { get; private set; } = new();
    public CycleForm Cycle { get; private set; } = new();
    public ApplicationsForm Apps { get; private set; } = new();
    public InterviewForm Interview { get; private set; } = new();
    public RankListForm RankList { get; private set; } = new();
    public OutcomeForm Outcome { get; private set; } = new();
    public CorrectionForm Correction { get; private set; } = new();
    public ArchiveForm Archive { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostExamAsync(Guid id, ExamForm exam, CancellationToken ct)
    {
        Exam = exam;
        return RecordAsync(id, "exam", exam.ToCommand(Errors), ct);
    }

    public Task<IActionResult> OnPostUsceAsync(Guid id, UsceForm usce, CancellationToken ct)
    {
        Usce = usce;
        return RecordAsync(id, "usce", usce.ToCommand(Errors), ct);
    }

    public Task<IActionResult> OnPostLetterAsync(Guid id, LetterForm letter, CancellationToken ct)
    {
        Letter = letter;
        return RecordAsync(id, "letter", letter.ToCommand(Errors), ct);
    }

    public Task<IActionResult> OnPostResearchAsync(Guid id, ResearchForm research, CancellationToken ct)
    {
        Research = research;
        return RecordAsync(id, "research", research.ToCommand(Errors), ct);
    }

    public Task<IActionResult> OnPostPreferencesAsync(Guid id, PreferencesForm prefs, CancellationToken ct)
    {
        Prefs = prefs;
        return RecordAsync(id, "preferences", prefs.ToCommand(Errors), ct);
    }

    public Task<IActionResult> OnPostNoteAsync(Guid id, NoteForm note, CancellationToken ct)
    {
        Note = note;
        return RecordAsync(id, "note", note.ToCommand(Errors), ct);
    }

    public Task<IActionResult> OnPostCycleAsync(Guid id, CycleForm cycle, CancellationToken ct)
    {
        Cycle = cycle;
        return RecordAsync(id, "cycle", cycle.ToCommand(Errors), ct);
    }

    public Task<IActionResult> OnPostApplicationsAsync(Guid id, int season, ApplicationsForm apps, CancellationToken ct)
    {
        Apps = apps;
        return RecordAsync(id, "applications", apps.ToCommand(Errors) with { Season = season }, ct);
    }

    public Task<IActionResult> OnPostInterviewAsync(Guid id, int season, InterviewForm interview, CancellationToken ct)
    {
        Interview = interview;
        return RecordAsync(id, "interview", interview.ToCommand(Errors) with { Season = season }, ct);
    }

    public Task<IActionResult> OnPostRankListAsync(Guid id, int season, RankListForm rankList, CancellationToken ct)
    {
        RankList = rankList;
        return RecordAsync(id, "ranklist", rankList.ToCommand(Errors) with { Season = season }, ct);
    }

    public Task<IActionResult> OnPostOutcomeAsync(Guid id, int season, OutcomeForm outcome, CancellationToken ct)
    {
        Outcome = outcome;
        return RecordAsync(id, "outcome", outcome.ToCommand(Errors) with { Season = season }, ct);
    }

    /// <summary>A correction of a recorded exam result: a new fact naming the old one, shown as such on the timeline.</summary>
    public Task<IActionResult> OnPostCorrectionAsync(Guid id, CorrectionForm correction, CancellationToken ct)
    {
        Correction = correction;
        return RecordAsync(id, "correction", correction.ToCommand(Errors), ct);
    }

    /// <summary>Archiving: the file stays readable, nothing more can be recorded.</summary>
    public Task<IActionResult> OnPostArchiveAsync(Guid id, ArchiveForm archive, CancellationToken ct)
    {
        Archive = archive;
        return RecordAsync(id, "archive", archive.ToCommand(Errors), ct);
    }

    /// <summary>Reading errors stop here; otherwise the module's write path decides. Success redirects (post/redirect/get).</summary>
    private async Task<IActionResult> RecordAsync<TCommand>(Guid id, string form, TCommand command, CancellationToken ct)
        where TCommand : IFileCommand<TCommand>
    {
        if (!Errors.Any)
        {
            var outcome = await writes.AppendAsync(HttpContext, id, command);
            if (outcome is FileOutcome.NotFound) return NotFound();
            if (outcome is FileOutcome.Accepted) return Redirect($"/candidates/{id}?recorded={form}#timeline");
            Response.StatusCode = Errors.Take(outcome, FileForms.FieldOf(form));
        }
        else
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        OpenForm = form;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    /// <summary>What the catalog says of programs the file names (their names on the timeline).</summary>
    public ProgramFacts? Programs { get; private set; }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        await using var session = store.QuerySession(User.Tenant());
        var profile = await session.LoadAsync<CandidateProfileView>(id, ct);
        if (profile is null) return false;
        Profile = profile;
        Facts = profile.Evidence.Facts();
        Timeline = await session.LatestAsync<Timeline>(id, ct);
        List = await session.LatestAsync<CurrentList>(id, ct);
        Summary = await session.LoadAsync<CandidateSummary>(id, ct);
        var inputs = await ranking.InputsAsync(session, profile, ct);
        Programs = new ProgramFacts(inputs.Catalog);
        Live = inputs.Rank();
        RankListAdvice = RankListAdvising.For(Summary, profile.TargetSpecialties.FirstOrDefault(), clock.GetUtcNow());
        if (Prefs.TargetSpecialties.Count == 0 && OpenForm != "preferences")
        {
            Prefs.TargetSpecialties = [.. profile.TargetSpecialties];
            Prefs.VisaNeed = profile.VisaNeed?.ToString();
            Prefs.PreferredStates = string.Join(", ", profile.PreferredStates);
            Prefs.AvoidedStates = string.Join(", ", profile.AvoidedStates);
            Prefs.Budget = profile.ApplicationBudget?.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Prefs.BudgetUsd = profile.BudgetDollars?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
        }
        return true;
    }
}
