using System.Security.Claims;
using System.Text;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using SmartPick.Catalog.Sheet;
using SmartPick.Contracts;
using Wolverine.Http;

namespace SmartPick.Catalog.Programs;

/// <summary>What an upload would do to the catalog; nothing is applied until <c>POST /api/catalog/imports/{id}/apply</c>.</summary>
public sealed record CatalogImportPreview(
    Guid ImportId,
    string FileName,
    string Format,
    string BaseVersion,
    string ResultingVersion,
    int ProgramCount,
    int Added,
    int Changed,
    int Removed,
    int Unchanged,
    int ErrorCount,
    IReadOnlyList<SheetIssue> Errors,
    IReadOnlyList<SheetIssue> Warnings,
    bool CanApply,
    ImportMode Mode = ImportMode.Update,
    int SheetRows = 0,
    IReadOnlyList<ProgramChange>? Changes = null)
{
    public static CatalogImportPreview Of(CatalogImport import)
    {
        ArgumentNullException.ThrowIfNull(import);
        return new(import.Id, import.FileName, import.Format, import.BaseVersion, import.ResultingVersion,
            import.Programs.Count, import.Counts.Added, import.Counts.Changed, import.Counts.Removed, import.Counts.Unchanged,
            import.Errors.Count, import.Errors, import.Warnings, !import.HasErrors, import.Mode, import.SheetRows, import.Changes);
    }
}

/// <summary>
/// An uploaded tracking sheet, CSV or XLSX, either as a multipart form file or as the raw request body with
/// its content type; <see cref="Problem"/> says why an upload cannot be read at all.
/// </summary>
public sealed record UploadedSheet(string FileName, string Format, byte[] Content, string? Problem)
{
    public const string Csv = "csv";
    public const string Xlsx = "xlsx";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /// <summary>Generous for the largest agency sheets (the 6,264-program sheet is under 1 MB as CSV).</summary>
    public const long MaxBytes = 20 * 1024 * 1024;

    public static UploadedSheet Refused(string problem) => new("", "", [], problem);

    /// <summary>csv or xlsx from the content type, else the file name, else the content (an XLSX file is a zip: "PK").</summary>
    public static string? FormatOf(string? contentType, string fileName, ReadOnlySpan<byte> content)
    {
        var type = (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        if (type is "text/csv" or "application/csv" or "text/comma-separated-values") return Csv;
        if (type == XlsxContentType) return Xlsx;
        if (fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) return Csv;
        if (fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)) return Xlsx;
        if (content.StartsWith("PK"u8)) return Xlsx;
        if (type is "text/plain" or "application/octet-stream" or "") return Csv;
        return null;
    }
}

public static class PreviewCatalogImport
{
    public static Task<UploadedSheet> LoadAsync(HttpRequest request, CancellationToken ct) => CatalogReads.UploadedSheetAsync(request, ct);

    public static IResult Validate(UploadedSheet upload) =>
        upload.Problem is null ? WolverineContinue.Result() : FieldErrors.Of("file", upload.Problem).ToProblem("The upload cannot be read as a sheet");

    /// <summary>
    /// Reads the sheet and stages its preview on <paramref name="session"/> (the caller saves); nothing reaches the
    /// catalog. The preview lists the sheet's row errors as <see cref="SheetIssue"/>s (line, column, value, message), not
    /// as <see cref="FieldErrors"/>: a sheet with errors is still a preview (200), and its clients read the rows' issues.
    /// </summary>
    public static async Task<CatalogImportPreview> PreviewAsync(UploadedSheet upload, IDocumentSession session, OrganizationCatalogs catalogs,
        RecordedBy by, DateTimeOffset now, CancellationToken ct, ImportMode mode = ImportMode.Update)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(catalogs);
        var sheet = Read(upload);
        return await StageAsync(upload.FileName, upload.Format, sheet.Catalog.Programs, sheet.Errors, sheet.Warnings,
            session, catalogs, by, now, mode, ct);
    }

    /// <summary>
    /// The sheet of an import not yet applied, previewed again as a new import in <paramref name="mode"/> against the
    /// catalog as it is now, without uploading it again; 404 when the organization has no such import waiting.
    /// </summary>
    public static async Task<CatalogWrite<CatalogImportPreview>> PreviewAgainAsync(Guid id, ImportMode mode, IDocumentSession session,
        OrganizationCatalogs catalogs, RecordedBy by, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var earlier = await session.LoadAsync<CatalogImport>(id, ct);
        if (earlier is null) return CatalogProblems.NotFound("no such import in this organization");
        if (earlier.AppliedAt is not null)
            return CatalogProblems.Conflict($"this import was already applied at {earlier.AppliedAt:u}; upload the sheet again to preview it");
        if (earlier.SheetPrograms.Count != earlier.SheetRows)
            return CatalogProblems.Conflict("this preview does not keep its sheet; upload the sheet again");
        return await StageAsync(earlier.FileName, earlier.Format, earlier.SheetPrograms, earlier.Errors, earlier.Warnings,
            session, catalogs, by, now, mode, ct);
    }

    private static async Task<CatalogImportPreview> StageAsync(string fileName, string format, IReadOnlyList<SmartPick.Matching.Model.CatalogProgram> sheetPrograms,
        IReadOnlyList<SheetIssue> errors, IReadOnlyList<SheetIssue> warnings, IDocumentSession session, OrganizationCatalogs catalogs,
        RecordedBy by, DateTimeOffset now, ImportMode mode, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(catalogs);
        var current = await catalogs.CurrentAsync(session, ct);
        // Update: the sheet's rows replace or join the catalog's programs, and the others stay as they are.
        var incoming = mode == ImportMode.Replace ? sheetPrograms : Merge(current.Programs, sheetPrograms);
        var diff = CatalogDiff.Between(current.Programs, incoming);
        var import = new CatalogImport
        {
            Id = Guid.NewGuid(),
            FileName = fileName,
            Format = format,
            UploadedBy = by,
            UploadedAt = now,
            BaseVersion = current.Version,
            ResultingVersion = SmartPick.Matching.Model.Catalog.ComputeVersion(incoming),
            Programs = incoming,
            SheetPrograms = sheetPrograms,
            Mode = mode,
            SheetRows = sheetPrograms.Count,
            Changes = [.. diff.Changes.Take(500)],
            Errors = errors,
            Warnings = warnings,
            Counts = diff.Counts,
        };
        session.Insert(import);
        return CatalogImportPreview.Of(import);
    }

    /// <summary>The sheet's programs over the current ones: same code replaced in place, new codes after them, none removed.</summary>
    internal static IReadOnlyList<SmartPick.Matching.Model.CatalogProgram> Merge(IReadOnlyList<SmartPick.Matching.Model.CatalogProgram> current,
        IReadOnlyList<SmartPick.Matching.Model.CatalogProgram> sheet)
    {
        var rows = sheet.GroupBy(p => p.ProgramCode, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Last(), StringComparer.OrdinalIgnoreCase);
        var merged = current.Select(p => rows.Remove(p.ProgramCode, out var row) ? row : p).ToList();
        merged.AddRange(sheet.Where(p => rows.ContainsKey(p.ProgramCode)).DistinctBy(p => p.ProgramCode, StringComparer.OrdinalIgnoreCase));
        return merged;
    }

    [EndpointSummary("Upload a catalog sheet (CSV or XLSX) and preview what importing it would change")]
    [EndpointDescription("`?mode=replace` makes the sheet the whole catalog; without it (or with `mode=update`) the sheet's rows update the catalog and remove none.")]
    [WolverinePost("/api/catalog/imports")]
    [Authorize(Policy = SmartPickPolicies.OrgAdmin)]
    public static Task<CatalogImportPreview> Post([NotBody] UploadedSheet upload, IDocumentSession session, OrganizationCatalogs catalogs,
        ClaimsPrincipal user, TimeProvider clock, HttpRequest request, CancellationToken ct)
        => PreviewAsync(upload, session, catalogs, user.Actor(), clock.GetUtcNow(), ct, ModeOf(request.Query["mode"]));

    public static ImportMode ModeOf(string? mode) =>
        string.Equals(mode, "replace", StringComparison.OrdinalIgnoreCase) ? ImportMode.Replace : ImportMode.Update;

    private static SheetReadResult Read(UploadedSheet upload)
    {
        if (upload.Format == UploadedSheet.Xlsx)
        {
            using var stream = new MemoryStream(upload.Content, writable: false);
            return CatalogXlsx.Read(stream);
        }
        // A sheet saved in another encoding (Windows-1252 is what many spreadsheets write as "CSV") would be read with
        // U+FFFD in place of every accented letter and imported so, without a word: it is refused, naming the line.
        if (FirstLineNotUtf8(upload.Content) is { } line)
            return new SheetReadResult([], [], [new SheetIssue(line, null, null,
                "this line is not UTF-8 text (the sheet was saved in another encoding); save it as \"CSV UTF-8\" and upload it again")], []);
        using var reader = new StreamReader(new MemoryStream(upload.Content, writable: false), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        return CatalogCsv.Read(reader);
    }

    /// <summary>The 1-based line holding the first byte that is not UTF-8, or null when the whole content is UTF-8.</summary>
    public static int? FirstLineNotUtf8(ReadOnlySpan<byte> content)
    {
        if (System.Text.Unicode.Utf8.IsValid(content)) return null;
        var line = 1;
        for (var i = 0; i < content.Length;)
        {
            if (System.Text.Rune.DecodeFromUtf8(content[i..], out _, out var read) != System.Buffers.OperationStatus.Done) return line;
            if (content[i] == (byte)'\n') line++;
            i += read;
        }
        return line;
    }
}

/// <summary>
/// The endpoint previewing a waiting import's sheet again, in a class of its own: the upload's load and validate steps
/// (<see cref="PreviewCatalogImport.LoadAsync"/>, <see cref="PreviewCatalogImport.Validate"/>) apply to every endpoint of their class.
/// </summary>
public static class PreviewCatalogImportAgain
{
    [EndpointSummary("Preview the sheet of an import not yet applied again, in either mode, without uploading it again")]
    [EndpointDescription("`?mode=replace` or `mode=update` (the default), as for an upload. The answer is a new preview, computed against the catalog as it is now; the earlier one can still be applied while the catalog has not moved on.")]
    [WolverinePost("/api/catalog/imports/{id}/preview")]
    [Authorize(Policy = SmartPickPolicies.OrgAdmin)]
    public static async Task<IResult> PostAgain(Guid id, IDocumentSession session, OrganizationCatalogs catalogs,
        ClaimsPrincipal user, TimeProvider clock, HttpRequest request, CancellationToken ct)
        => (await PreviewCatalogImport.PreviewAgainAsync(id, PreviewCatalogImport.ModeOf(request.Query["mode"]), session, catalogs, user.Actor(), clock.GetUtcNow(), ct)).ToHttp();
}
