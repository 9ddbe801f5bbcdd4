using Marten;
using Microsoft.AspNetCore.Http;
using SmartPick.Catalog.Sheet;
using SmartPick.Matching.Model;

namespace SmartPick.Catalog.Programs;

using Catalog = SmartPick.Matching.Model.Catalog;

/// <summary>
/// The catalog's reads, for its query endpoints and the catalog pages alike: each reads the current catalog of the
/// organization the caller's query session belongs to, so a page shows exactly what the API answers. Also reads an
/// uploaded sheet out of a request, the input of an import preview.
/// </summary>
public static class CatalogReads
{
    /// <summary>The search asked for, page 1 and <see cref="ProgramSearch.DefaultPageSize"/> unless said otherwise; checked by <see cref="ProgramSearch.Problems"/>.</summary>
    public static ProgramSearch Search(string? text, string? specialty, string? state, string? visa, int? page, int? pageSize) =>
        new(text, specialty, state, visa, page ?? 1, pageSize ?? ProgramSearch.DefaultPageSize);

    // The search runs over the in-memory catalog of the current version: a few thousand rows filter in well
    // under a millisecond, and the result is consistent with the version it reports.
    public static async Task<ProgramPage> SearchAsync(ProgramSearch search, IQuerySession session, OrganizationCatalogs catalogs, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(catalogs);
        return search.Run(await catalogs.CurrentAsync(session, ct));
    }

    /// <summary>The program and the catalog version it belongs to; null when the code is not in the organization's catalog.</summary>
    public static async Task<ProgramDetails?> ProgramAsync(string code, IQuerySession session, OrganizationCatalogs catalogs, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(catalogs);
        var catalog = await catalogs.CurrentAsync(session, ct);
        return Find(catalog, code) is { } program ? new ProgramDetails(catalog.Version, ProgramView.Of(program)) : null;
    }

    /// <summary>
    /// The program's history, read from the catalog stream's events that name it. Null only when the code is neither
    /// in the catalog nor in its history: a removed program keeps its history.
    /// </summary>
    public static async Task<ProgramHistory?> ProgramHistoryAsync(string code, IQuerySession session, OrganizationCatalogs catalogs, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(catalogs);
        var program = Find(await catalogs.CurrentAsync(session, ct), code);
        var key = program?.ProgramCode ?? code.Trim().ToUpperInvariant();

        var imports = await session.Events.QueryRawEventDataOnly<CatalogImportApplied>()
            .Where(e => e.Changes.Any(c => c.ProgramCode == key))
            .ToListAsync(ct);
        var edits = await session.Events.QueryRawEventDataOnly<CatalogProgramEdited>()
            .Where(e => e.ProgramCode == key)
            .ToListAsync(ct);

        var changes = imports
            .SelectMany(e => e.Changes.Where(c => c.ProgramCode == key).Select(c =>
                new ProgramHistoryEntry(c.Kind, c.Fields, e.VersionNumber, e.CatalogVersion, e.FileName, e.AppliedBy, e.AppliedAt)))
            .Concat(edits.Select(e =>
                new ProgramHistoryEntry(ProgramChangeKind.Changed, e.Fields, e.VersionNumber, e.CatalogVersion, CatalogState.EditSource, e.EditedBy, e.EditedAt)))
            .OrderByDescending(e => e.VersionNumber)
            .ToList();
        if (program is null && changes.Count == 0) return null;
        return new ProgramHistory(key, program is not null, changes);
    }

    /// <summary>
    /// The sheet uploaded with <paramref name="request"/>, as the form field <c>file</c> (or the form's only file) or as the
    /// raw body with its content type; a refused upload says why in <see cref="UploadedSheet.Problem"/>.
    /// </summary>
    public static async Task<UploadedSheet> UploadedSheetAsync(HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > UploadedSheet.MaxBytes)
            return UploadedSheet.Refused($"the upload is larger than {UploadedSheet.MaxBytes / (1024 * 1024)} MB");

        string fileName;
        string? contentType;
        byte[] content;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
            if (file is null) return UploadedSheet.Refused("the form has no file; send the sheet as the form field 'file'");
            if (file.Length > UploadedSheet.MaxBytes)
                return UploadedSheet.Refused($"the file is larger than {UploadedSheet.MaxBytes / (1024 * 1024)} MB");
            fileName = ShownText.Of(Path.GetFileName(file.FileName)) ?? "";
            contentType = file.ContentType;
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            content = buffer.ToArray();
        }
        else
        {
            fileName = request.Headers.ContentDisposition.Count > 0
                && System.Net.Http.Headers.ContentDispositionHeaderValue.TryParse(request.Headers.ContentDisposition.ToString(), out var disposition)
                ? ShownText.Of(Path.GetFileName((disposition.FileNameStar ?? disposition.FileName ?? "").Trim('"'))) ?? ""
                : "";
            contentType = request.ContentType;
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, ct);
            if (buffer.Length > UploadedSheet.MaxBytes)
                return UploadedSheet.Refused($"the upload is larger than {UploadedSheet.MaxBytes / (1024 * 1024)} MB");
            content = buffer.ToArray();
        }

        if (content.Length == 0) return UploadedSheet.Refused("the upload is empty");
        var format = UploadedSheet.FormatOf(contentType, fileName, content);
        if (format is null)
            return UploadedSheet.Refused($"'{contentType}' is not a sheet format; upload CSV (text/csv) or XLSX ({UploadedSheet.XlsxContentType})");
        if (fileName.Length == 0) fileName = "upload." + format;
        return new UploadedSheet(fileName, format, content, null);
    }

    /// <summary>Program codes are matched regardless of letter case, as the sheet reader does.</summary>
    internal static CatalogProgram? Find(Catalog catalog, string code) =>
        catalog.Programs.FirstOrDefault(p => string.Equals(p.ProgramCode, code.Trim(), StringComparison.OrdinalIgnoreCase));
}
