using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartPick.Catalog.Programs;
using SmartPick.Contracts;
using SmartPick.Web.Pages.Shared;

namespace SmartPick.Web.Pages.Catalog;

/// <summary>The organization's program catalog: search and browse through the same search as <c>GET /api/catalog/programs</c> (<see cref="CatalogReads"/>).</summary>
[Authorize(Policy = SmartPickPolicies.Staff)]
public sealed class IndexModel(IDocumentStore store, OrganizationCatalogs catalogs) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Specialty { get; set; }
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? Visa { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    /// <summary>The column the table is sorted by (see <see cref="ProgramSearch.SortValues"/>); the catalog's order when empty.</summary>
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }

    public ProgramPage? Results { get; private set; }
    public FormErrors Errors { get; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var search = CatalogReads.Search(Q, Specialty, State, Visa, Math.Max(1, PageNumber), ProgramSearch.DefaultPageSize) with { Sort = Sort };
        foreach (var (field, messages) in search.Problems().Fields) foreach (var message in messages) Errors.Add(field, FormErrors.Sentence(field, message));
        if (Errors.Any)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        await using var session = store.QuerySession(User.Tenant());
        Results = await CatalogReads.SearchAsync(search, session, catalogs, ct);
    }

    public string Link(int page, string? sort = null) => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/catalog",
        new Dictionary<string, string?> { ["q"] = Q, ["specialty"] = Specialty, ["state"] = State, ["visa"] = Visa, ["sort"] = sort ?? Sort, ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) }
            .Where(x => !string.IsNullOrEmpty(x.Value)));

    /// <summary>Whether anything narrows the search (for the sentence when nothing is found).</summary>
    public bool Searching => !string.IsNullOrWhiteSpace(Q) || !string.IsNullOrWhiteSpace(Specialty) || !string.IsNullOrWhiteSpace(State) || !string.IsNullOrWhiteSpace(Visa);
}
