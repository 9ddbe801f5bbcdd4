using System.Globalization;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartPick.Catalog.Programs;
using SmartPick.Contracts;
using SmartPick.Web.Pages.Shared;

namespace SmartPick.Web.Pages.Catalog;

/// <summary>
/// One program of the organization's catalog and its change history (what changed, from which source, by whom,
/// when), through the same reads as <c>GET /api/catalog/programs/{code}</c> and its <c>/history</c> (<see cref="CatalogReads"/>).
/// </summary>
[Authorize(Policy = SmartPickPolicies.Staff)]
public sealed class ProgramModel(IDocumentStore store, OrganizationCatalogs catalogs) : PageModel
{
    public ProgramDetails? Details { get; private set; }
    public ProgramHistory History { get; private set; } = null!;

    /// <summary>The catalog version number just saved by the editor, for the status line.</summary>
    [BindProperty(SupportsGet = true)] public int? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        await using var session = store.QuerySession(User.Tenant());
        Details = await CatalogReads.ProgramAsync(code, session, catalogs, ct);
        // A program removed by an import still has its history; a code unknown to this organization has neither.
        if (await CatalogReads.ProgramHistoryAsync(code, session, catalogs, ct) is not { } history) return NotFound();
        History = history;
        return Page();
    }

    public static string Source(ProgramHistoryEntry entry) => entry.Source == CatalogState.EditSource ? "catalog editor" : $"import of {entry.Source}";
}

/// <summary>
/// A program's evidence in plain words: "Invited 3% of non-US IMG applicants to interview (2024–25, source …)",
/// or "not published" for a rate the source leaves out.
/// </summary>
public static class EvidenceWords
{
    /// <summary>One line per rate, in the sheet's order.</summary>
    public static IReadOnlyList<string> Lines(ProgramView p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var context = Context(p);
        return
        [
            Line(p.NonUsImgInterviewRate, "non-US IMG applicants", context),
            Line(p.UsImgInterviewRate, "US IMG applicants", context),
            Line(p.SignalInterviewRate, "applicants who sent the program a signal", context),
            Line(p.NoSignalInterviewRate, "applicants who did not signal", context),
        ];
    }

    /// <summary>
    /// The application cycle an observation falls in: interviews run from autumn to the Match in March, so
    /// January 2025 is the 2024–25 cycle and September 2025 the 2025–26 one. Null when the date is unknown.
    /// </summary>
    public static string? Cycle(string? observedOn)
    {
        if (SmartPick.Catalog.Sheet.ProgramRules.EvidenceDateStart(observedOn) is not { } start) return null;
        var first = start.Month >= 7 ? start.Year : start.Year - 1;
        return string.Create(CultureInfo.InvariantCulture, $"{first}–{(first + 1) % 100:00}");
    }

    public static string Percent(decimal share) => (share * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static string Line(decimal? rate, string who, string context) => rate is { } r
        ? $"Invited {Percent(r)} of {who} to interview{context}"
        : $"{char.ToUpperInvariant(who[0])}{who[1..]}: not published";

    private static string Context(ProgramView p)
    {
        var parts = new List<string>();
        if (Cycle(p.EvidenceObservedOn) is { } cycle) parts.Add(cycle);
        else if (!string.IsNullOrEmpty(p.EvidenceObservedOn)) parts.Add("observed " + p.EvidenceObservedOn);
        if (!string.IsNullOrEmpty(p.EvidenceSource)) parts.Add("source " + p.EvidenceSource);
        return parts.Count == 0 ? "" : " (" + string.Join(", ", parts) + ")";
    }
}
