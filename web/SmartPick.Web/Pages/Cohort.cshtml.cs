using SmartPick.Advising.CandidateFiles;
using Marten;
using Marten.Linq;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartPick.Advising.Views;
using SmartPick.Contracts;
using SmartPick.Matching.Stages;
using SmartPick.Web.Pages.Shared;

namespace SmartPick.Web.Pages;

/// <summary>The counts of the cohort dashboard, read without its member list.</summary>
public sealed class CohortCounts
{
    public int Total { get; set; }
    public Dictionary<CandidateStatus, int> ByStatus { get; set; } = [];
    public Dictionary<RiskLevel, int> ByRisk { get; set; } = [];
}

/// <summary>One row of the cohort table: the summary row plus the few facts from the profile view.</summary>
public sealed record CohortRow(CandidateSummary Summary, EvidenceFacts Facts, Deadline? NextDeadline);

/// <summary>
/// The agency's cohort: who needs attention first, then every candidate with filter, search, sort and paging.
/// Built for large cohorts: one indexed page query over the summary rows (with its total), one read of the
/// dashboard's counts, one indexed query for who needs attention first, and one batched load of the page's profile views.
/// </summary>
[Authorize(Policy = SmartPickPolicies.Staff)]
public sealed class CohortModel(IDocumentStore store, TimeProvider clock) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public CandidateStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public RiskLevel? Risk { get; set; }
    [BindProperty(SupportsGet = true)] public bool Attention { get; set; }
    [BindProperty(SupportsGet = true)] public string Sort { get; set; } = "attention";
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    /// <summary>How many of those needing attention are named at the top of the page.</summary>
    public const int AttentionShown = 5;

    /// <summary>The cohort's counts from the dashboard document; null until the daemon has built it.</summary>
    public CohortCounts? Counts { get; private set; }
    public IReadOnlyList<CandidateSummary> NeedsAttention { get; private set; } = [];
    /// <summary>Every estimated chance in the cohort (for the spread chart).</summary>
    public IReadOnlyList<double> Chances { get; private set; } = [];
    /// <summary>Candidates who have applied this season: interviews so far and those expected from their applications (the furthest behind first).</summary>
    public IReadOnlyList<(string Name, int Interviews, double Expected)> InterviewRows { get; private set; } = [];

    /// <summary>What to do about a candidate, in words: where they stand, what is missing, the deadline that matters.</summary>
    public string AttentionText(CandidateSummary s)
    {
        var parts = new List<string>();
        switch (s.Status)
        {
            case CandidateStatus.Interviewing:
                parts.Add($"{s.InterviewsThisSeason} interview{(s.InterviewsThisSeason == 1 ? "" : "s")}, rank list not certified");
                break;
            case CandidateStatus.Applying when s.ApplicationsThisSeason is > 0:
                parts.Add($"{s.ApplicationsThisSeason} applications sent, {s.InterviewsThisSeason} interview{(s.InterviewsThisSeason == 1 ? "" : "s")} so far");
                break;
            case CandidateStatus.Applying:
                parts.Add($"season {s.Season} started, no applications recorded yet");
                break;
        }
        foreach (var code in s.Attention)
            parts.Add(code switch
            {
                "act" => "chance well below the specialty's match rate: strengthen the file or widen the list",
                "unmatched_without_new_evidence" => "unmatched, with nothing new in the file since",
                "no_step2ck" => "no Step 2 CK recorded",
                _ => Display.Words(code).ToLowerInvariant(),
            });
        if (Deadlines.Next(s, clock.GetUtcNow()) is { } next)
        {
            var days = (int)Math.Ceiling((next.At - clock.GetUtcNow()).TotalDays);
            parts.Add($"{next.What.ToLowerInvariant()} in {days} day{(days == 1 ? "" : "s")}");
        }
        var text = string.Join(", ", parts);
        return text.Length == 0 ? "" : char.ToUpperInvariant(text[0]) + text[1..];
    }
    public IReadOnlyList<CohortRow> Rows { get; private set; } = [];
    public long Total { get; private set; }
    public int Pages => (int)Math.Max(1, (Total + PageSize - 1) / PageSize);

    public static readonly IReadOnlyList<Choice> Sorts =
    [
        new("attention", "Needs attention first"), new("name", "Name"), new("pmatch", "Chance of matching (lowest first)"),
        new("recent", "Most recent activity"), new("status", "Status"),
    ];

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        if (Q is { Length: > 100 }) Q = Q[..100];
        await using var session = store.QuerySession(User.Tenant());

        IQueryable<CandidateSummary> query = session.Query<CandidateSummary>();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var text = Q.Trim();
            query = query.Where(x => x.Name.Contains(text, StringComparison.OrdinalIgnoreCase) || x.Email.Contains(text, StringComparison.OrdinalIgnoreCase));
        }
        if (Status is { } status) query = query.Where(x => x.Status == status);
        if (Risk is { } risk) query = query.Where(x => x.Risk == risk);
        if (Attention) query = query.Where(x => x.Attention.Any());
        query = Sort switch
        {
            "name" => query.OrderBy(x => x.Name).ThenBy(x => x.Id),
            "pmatch" => query.OrderBy(x => x.PMatch).ThenBy(x => x.Name),
            "recent" => query.OrderByDescending(x => x.LastActivityAt).ThenBy(x => x.Id),
            "status" => query.OrderBy(x => x.Status).ThenBy(x => x.Name),
            _ => query.OrderByDescending(x => x.Risk).ThenBy(x => x.PMatch).ThenBy(x => x.Name),
        };
        var page = await query.Stats(out var stats).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        Total = stats.TotalResults;

        var profiles = page.Count == 0
            ? new Dictionary<Guid, CandidateProfileView>()
            : (await session.LoadManyAsync<CandidateProfileView>(ct, page.Select(x => x.Id))).ToDictionary(x => x.Id);
        var now = clock.GetUtcNow();
        Rows = page.Select(s => new CohortRow(s,
            profiles.TryGetValue(s.Id, out var p) ? p.Evidence.Facts() : EvidenceFacts.None,
            Deadlines.Next(s, now))).ToList();

        // The dashboard document holds every member's summary; the page needs only its counts, so only they
        // are read. The attention list comes from the indexed summary rows, like the table.
        Counts = await session.Query<CohortDashboard>().Where(x => x.Id == CohortDashboard.DocumentId)
            .Select(x => new CohortCounts { Total = x.Total, ByStatus = x.ByStatus, ByRisk = x.ByRisk })
            .FirstOrDefaultAsync(ct);
        Chances = await session.Query<CandidateSummary>()
            .Where(x => x.Status != CandidateStatus.Archived && x.Status != CandidateStatus.Matched && x.PMatch != null)
            .Select(x => x.PMatch!.Value).Take(10_000).ToListAsync(ct);
        // Only the three values the chart draws, not whole summaries (which carry each list's points).
        var applied = await session.Query<CandidateSummary>()
            .Where(x => x.Status == CandidateStatus.Applying || x.Status == CandidateStatus.Interviewing || x.Status == CandidateStatus.RankListCertified)
            .Select(x => new AppliedRow(x.Name, x.InterviewsThisSeason, x.Outlook)).Take(2000).ToListAsync(ct);
        InterviewRows = applied.Where(x => x.Outlook?.ExpectedInterviews is > 0)
            .Select(x => (x.Name, x.Interviews, x.Outlook!.ExpectedInterviews!.Value))
            .OrderBy(x => x.Interviews / x.Value).ThenBy(x => x.Name, StringComparer.Ordinal).Take(12).ToList();
        NeedsAttention = await session.Query<CandidateSummary>().Where(x => x.Attention.Any())
            .OrderByDescending(x => x.Risk).ThenBy(x => x.PMatch).ThenBy(x => x.Name).ThenBy(x => x.Id)
            .Take(AttentionShown).ToListAsync(ct);
    }

    /// <summary>The link to another page or sort of the same view, keeping the filters.</summary>
    public string Link(int? page = null, string? sort = null)
    {
        var q = new Dictionary<string, string?>
        {
            ["q"] = Q, ["status"] = Status?.ToString(), ["risk"] = Risk?.ToString(), ["attention"] = Attention ? "true" : null,
            ["sort"] = sort ?? Sort, ["p"] = (page ?? PageNumber).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/cohort", q.Where(x => !string.IsNullOrEmpty(x.Value)));
    }
}

/// <summary>What the interviews chart reads of a candidate who applied.</summary>
public sealed record AppliedRow(string Name, int Interviews, CandidateOutlook? Outlook);
