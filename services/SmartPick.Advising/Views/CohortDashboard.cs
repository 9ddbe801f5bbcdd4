using SmartPick.Advising.Lists;
using Marten.Events.Projections;
using SmartPick.Advising.CandidateFiles;
using SmartPick.Matching.Stages;

namespace SmartPick.Advising.Views;

public sealed record AttentionItem(Guid Id, string Name, RiskLevel Risk, double? PMatch, IReadOnlyList<string> Reasons);

/// <summary>
/// The organization's cohort at a glance: counts by status and risk, and who needs attention. One document
/// per organization, kept by the async daemon (an ordinary multi-stream projection, so it stays in the
/// tenant: a tenant-scoped session loads it with <see cref="DocumentId"/>).
/// </summary>
/// <remarks>
/// It reads only the facts that can change a count or a reason for attention, so advisor notes (the most
/// frequent fact, which change neither) never make the daemon rewrite it. Its member rows therefore do not keep
/// the last activity: it is cleared here, and the cohort rows (<see cref="CandidateSummary"/>) are where it is read.
/// </remarks>
public sealed class CohortDashboard
{
    public const string DocumentId = "cohort";

    public string Id { get; set; } = DocumentId;
    public int Total { get; set; }
    public Dictionary<CandidateStatus, int> ByStatus { get; set; } = [];
    public Dictionary<RiskLevel, int> ByRisk { get; set; } = [];
    public Dictionary<Guid, CandidateSummary> Members { get; set; } = [];

    /// <summary>Who needs attention, highest risk first (derived on read so the document stays small to update).</summary>
    public IReadOnlyList<AttentionItem> NeedsAttention() => Members.Values
        .Where(m => m.Attention.Count > 0)
        .OrderByDescending(m => m.Risk).ThenBy(m => m.PMatch ?? 1).ThenBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.Id)
        .Select(m => new AttentionItem(m.Id, m.Name, m.Risk, m.PMatch, [.. m.Attention]))
        .ToList();

    public void Add(CandidateSummary member)
    {
        if (Members.ContainsKey(member.Id)) return;
        member.LastActivityAt = default;
        Members[member.Id] = member;
        Count(member, +1);
    }

    /// <summary>Applies a change to one member, moving its counts from the old status/risk to the new.</summary>
    public void Update(Guid id, Action<CandidateSummary> change)
    {
        if (!Members.TryGetValue(id, out var member)) return;
        Count(member, -1);
        change(member);
        member.LastActivityAt = default;
        Count(member, +1);
    }

    private void Count(CandidateSummary m, int delta)
    {
        Total += delta;
        ByStatus[m.Status] = ByStatus.GetValueOrDefault(m.Status) + delta;
        ByRisk[m.Risk] = ByRisk.GetValueOrDefault(m.Risk) + delta;
        if (ByStatus[m.Status] == 0) ByStatus.Remove(m.Status);
        if (ByRisk[m.Risk] == 0) ByRisk.Remove(m.Risk);
    }
}

public partial class CohortDashboardProjection : MultiStreamProjection<CohortDashboard, string>
{
    public CohortDashboardProjection()
    {
        // One document per organization holding a row per member: keep it in memory between the daemon's
        // batches instead of reading it back each time, and during a rebuild write it once at the end
        // rather than after every page of events (a rebuild otherwise rewrites it thousands of times).
        Options.CacheLimitPerTenant = 1;
        Options.RebuildFlushThreshold = 1_000;
        // Under a steady stream of commands, a pass takes up to a second of events (see the daemon's polling in the
        // host) instead of stopping at 500: the documents are written once per pass, so fewer passes, fewer writes.
        Options.BatchSize = 2_000;
        // Every candidate fact of a tenant that can change a count or a reason for attention lands in that tenant's
        // one dashboard document; notes change neither and are not read (see the class remarks).
        Identity<CandidateFileOpened>(_ => CohortDashboard.DocumentId);
        Identity<PreferencesChanged>(_ => CohortDashboard.DocumentId);
        Identity<ExamTaken>(_ => CohortDashboard.DocumentId);
        Identity<ExamResultCorrected>(_ => CohortDashboard.DocumentId);
        Identity<UsceAdded>(_ => CohortDashboard.DocumentId);
        Identity<LetterReceived>(_ => CohortDashboard.DocumentId);
        Identity<ResearchAdded>(_ => CohortDashboard.DocumentId);
        Identity<CycleStarted>(_ => CohortDashboard.DocumentId);
        Identity<ApplicationsSubmitted>(_ => CohortDashboard.DocumentId);
        Identity<InterviewInvited>(_ => CohortDashboard.DocumentId);
        Identity<RankListCertified>(_ => CohortDashboard.DocumentId);
        Identity<CycleMatched>(_ => CohortDashboard.DocumentId);
        Identity<CycleUnmatched>(_ => CohortDashboard.DocumentId);
        Identity<ProgramListRegenerated>(_ => CohortDashboard.DocumentId);
        Identity<ProgramListRegeneratedV1>(_ => CohortDashboard.DocumentId);
        Identity<CandidateFileArchived>(_ => CohortDashboard.DocumentId);
    }

    public CohortDashboard Create(CandidateFileOpened e)
    {
        var dashboard = new CohortDashboard();
        dashboard.Add(CandidateSummary.Open(e));
        return dashboard;
    }

    public void Apply(CohortDashboard d, CandidateFileOpened e) => d.Add(CandidateSummary.Open(e));
    public void Apply(CohortDashboard d, PreferencesChanged e) => d.Update(e.CandidateId, m => m.Apply(e));
    public void Apply(CohortDashboard d, ExamTaken e) => d.Update(e.CandidateId, m => m.Apply(e));
    public void Apply(CohortDashboard d, ExamResultCorrected e) => d.Update(e.CandidateId, m => m.Apply(e));
    public void Apply(CohortDashboard d, UsceAdded e) => d.Update(e.CandidateId, m => m.Apply(e));
    public void Apply(CohortDashboard d, LetterReceived e) => d.Update(e.CandidateId, m => m.Apply(e));
    public void Apply(CohortDashboard d, ResearchAdded e) => d.Update(e.CandidateId, m => m.Apply(e));
    public void Apply(CohortDashboard d, CycleStarted e) => d.Update(e.CandidateId, m => m.Apply(e));
    public void Apply(CohortDashboard d, ApplicationsSubmitted e) => d.Update(e.CandidateId, m => m.Apply(e));
    public void Apply(CohortDashboard d, InterviewInvited e) => d.Update(e.CandidateId, m => m.Apply(e));
    public void Apply(CohortDashboard d, RankListCertified e) => d.Update(e.CandidateId, m => m.Apply(e));
    public void Apply(CohortDashboard d, CycleMatched e) => d.Update(e.CandidateId, m => m.Apply(e));
    public void Apply(CohortDashboard d, CycleUnmatched e) => d.Update(e.CandidateId, m => m.Apply(e));
    public void Apply(CohortDashboard d, ProgramListRegenerated e) => d.Update(e.CandidateId, m => m.Apply(e));
    public void Apply(CohortDashboard d, ProgramListRegeneratedV1 e) => d.Update(e.CandidateId, m => m.Apply(e));
    public void Apply(CohortDashboard d, CandidateFileArchived e) => d.Update(e.CandidateId, m => m.Apply(e));
}
