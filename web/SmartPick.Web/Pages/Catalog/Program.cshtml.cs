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
/// when), through the same reads as <c>GET /api/catalog/programs/{code}</c> and its <c>/history</c>.
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
        Details = await GetProgram.Get(code, session, catalogs, ct);
        // A program removed by an import still has its history; a code unknown to this organization has neither.
        if (await GetProgramHistory.Get(code, session, catalogs, ct) is not { } history) return NotFound();
        History = history;
        return Page();
    }

    public static string Source(ProgramHistoryEntry entry) => entry.Source == CatalogState.EditSource ? "catalog editor" : $"import of {entry.Source}";
}
