using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartPick.Contracts;
using SmartPick.Web.Pages.Shared;

namespace SmartPick.Web.Pages.Candidates;

/// <summary>
/// A reapplicant's seasons side by side for staff: the file then and now, what each season brought, what
/// improved and what is still missing. Another organization's file is simply not found.
/// </summary>
[Authorize(Policy = SmartPickPolicies.Staff)]
public sealed class CyclesModel(IDocumentStore store) : PageModel
{
    public CyclesComparison Comparison { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await using var session = store.QuerySession(User.Tenant());
        if (await CyclesComparison.LoadAsync(session, id, ct) is not { } comparison) return NotFound();
        Comparison = comparison;
        return Page();
    }
}
