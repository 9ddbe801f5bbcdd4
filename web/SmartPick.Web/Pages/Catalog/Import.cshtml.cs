using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartPick.Catalog.Programs;
using SmartPick.Contracts;
using SmartPick.Web.Pages.Shared;

namespace SmartPick.Web.Pages.Catalog;

/// <summary>
/// Catalog import in two steps, through the catalog module's own slices: upload → preview (counts, row
/// errors and warnings, nothing applied) → apply (a new catalog version; candidates' lists follow).
/// </summary>
[Authorize(Policy = SmartPickPolicies.OrgAdmin)]
[RequestSizeLimit(UploadedSheet.MaxBytes + 64 * 1024)]
public sealed class ImportModel(CatalogWrites writes) : PageModel
{
    public CatalogImportPreview? Preview { get; private set; }
    public CatalogImportResult? Applied { get; private set; }
    public FormErrors Errors { get; } = new();
    /// <summary>Update the sheet's programs (the default) or replace the whole catalog.</summary>
    [BindProperty] public ImportMode Mode { get; set; } = ImportMode.Update;

    public void OnGet()
    {
    }

    /// <summary>
    /// Previews an uploaded sheet; with no file chosen but the preview just shown (<paramref name="importId"/>), previews
    /// that sheet again in the chosen mode, so switching between update and replace does not mean choosing the file again.
    /// </summary>
    public async Task<IActionResult> OnPostPreviewAsync(Guid? importId, CancellationToken ct)
    {
        if (importId is { } earlier && Request.HasFormContentType && (await Request.ReadFormAsync(ct)).Files.Count == 0)
        {
            var again = await writes.PreviewAgainAsync(User.Tenant(), earlier, Mode, User.Actor(), ct);
            if (again.Accepted is { } preview)
            {
                Preview = preview;
                return Page();
            }
            if (again.Refused is { Status: StatusCodes.Status404NotFound }) return NotFound();
            Errors.Add("file", "Choose the sheet file again: " + (again.Refused?.Detail ?? "the earlier preview cannot be used") + ".");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var upload = await CatalogReads.UploadedSheetAsync(Request, ct);
        if (upload.Problem is { } problem)
        {
            Errors.Add("file", FormErrors.Sentence("The file", problem));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Preview = await writes.PreviewImportAsync(User.Tenant(), upload, User.Actor(), ct, Mode);
        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(Guid importId, string? confirmRemovals, CancellationToken ct)
    {
        // The applied version regenerates the lists of the organization's candidates, stored with the catalog change.
        int? confirmed = int.TryParse(confirmRemovals?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
        var outcome = await writes.ApplyImportAsync(User.Tenant(), importId, User.Actor(), ct, confirmed);
        if (outcome.Accepted is { } applied)
        {
            Applied = applied;
            return Page();
        }
        if (outcome.Refused is { Status: StatusCodes.Status404NotFound }) return NotFound();
        if (outcome.Refused?.Detail is { } detail && detail.Contains("confirm_removals", StringComparison.Ordinal))
        {
            // The removals were not confirmed: show the same preview again with the field to type the number in.
            Preview = await writes.PreviewOfAsync(User.Tenant(), importId, ct);
            Errors.Add("confirmRemovals", $"Type the number of programs this removes ({Preview?.Removed}) to confirm.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        Errors.AddGeneral(outcome.Refused?.Detail ?? "The import cannot be applied.");
        Response.StatusCode = outcome.Refused?.Status ?? StatusCodes.Status409Conflict;
        return Page();
    }
}
