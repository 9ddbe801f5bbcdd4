using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartPick.Catalog.Programs;
using SmartPick.Contracts;
using SmartPick.Web.Pages.Shared;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Marten.Publishing;
using Wolverine.Runtime;

namespace SmartPick.Web.Pages.Catalog;

/// <summary>
/// Catalog import in two steps, through the catalog module's own slices: upload → preview (counts, row
/// errors and warnings, nothing applied) → apply (a new catalog version; candidates' lists follow).
/// </summary>
[Authorize(Policy = SmartPickPolicies.OrgAdmin)]
[RequestSizeLimit(UploadedSheet.MaxBytes + 64 * 1024)]
public sealed class ImportModel(IDocumentStore store, OrganizationCatalogs catalogs, OutboxedSessionFactory sessions, IMessageBus bus, TimeProvider clock) : PageModel
{
    public CatalogImportPreview? Preview { get; private set; }
    public CatalogImportResult? Applied { get; private set; }
    public FormErrors Errors { get; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        var upload = await PreviewCatalogImport.LoadAsync(Request, ct);
        if (upload.Problem is { } problem)
        {
            Errors.Add("file", FormErrors.Sentence("The file", problem));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await using var session = store.LightweightSession(User.Tenant());
        Preview = await PreviewCatalogImport.Post(upload, session, catalogs, User, clock, ct);
        await session.SaveChangesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(Guid importId, CancellationToken ct)
    {
        var tenant = User.Tenant();
        var context = (MessageContext)bus;
        context.TenantId = tenant;
        await using var session = sessions.OpenSession(context, tenant);
        var (import, catalog) = await ApplyCatalogImport.LoadAsync(importId, session, ct);
        var problem = ApplyCatalogImport.Validate(import, catalog);
        if (!ReferenceEquals(problem, WolverineContinue.NoProblems))
        {
            if (problem.Status == StatusCodes.Status404NotFound) return NotFound();
            Errors.AddGeneral(problem.Detail ?? problem.Title ?? "The import cannot be applied.");
            Response.StatusCode = problem.Status ?? StatusCodes.Status409Conflict;
            return Page();
        }
        var (result, published) = await ApplyCatalogImport.Post(import!, catalog, session, catalogs, User, clock, ct);
        // The published version regenerates the lists of the organization's candidates, stored with the catalog change.
        await context.PublishAsync(published);
        await session.SaveChangesAsync(ct);
        Applied = result;
        return Page();
    }
}
