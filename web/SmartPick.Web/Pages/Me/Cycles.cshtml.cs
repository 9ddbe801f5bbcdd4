using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartPick.Contracts;
using SmartPick.Web.Pages.Candidates;
using SmartPick.Web.Pages.Shared;

namespace SmartPick.Web.Pages.Me;

/// <summary>The candidate's own seasons side by side; the file comes only from the sign-in claim.</summary>
[Authorize(Policy = SmartPickPolicies.Candidate)]
public sealed class CyclesModel(IDocumentStore store) : PageModel
{
    public CyclesComparison Comparison { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.CandidateFile() is not { } id) return Forbid();
        await using var session = store.QuerySession(User.Tenant());
        if (await CyclesComparison.LoadAsync(session, id, ct) is not { } comparison) return NotFound();
        Comparison = comparison;
        return Page();
    }
}
