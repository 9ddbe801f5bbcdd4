using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using SmartPick.Catalog.Sheet;
using SmartPick.Contracts;
using Wolverine.Http;

namespace SmartPick.Catalog.Programs;

/// <summary>
/// Downloads the current catalog as the tracking sheet, CSV (default) or XLSX, always spreadsheet-safe: a
/// cell that a spreadsheet would run as a formula gets a leading apostrophe, which every import removes. The
/// template is the same sheet without programs.
/// </summary>
public static class ExportCatalog
{
    public static IResult Validate(string? format) =>
        format is null || IsKnown(format)
            ? WolverineContinue.Result()
            : FieldErrors.Of("format", "must be csv or xlsx").ToProblem();

    [EndpointSummary("Download the catalog as the tracking sheet, CSV or XLSX")]
    [WolverineGet("/api/catalog/export")]
    [Authorize(Policy = SmartPickPolicies.Staff)]
    public static async Task<IResult> Get(string? format, IQuerySession session, OrganizationCatalogs catalogs, CancellationToken ct)
    {
        var catalog = await catalogs.CurrentAsync(session, ct);
        var name = $"catalog-{catalog.Version.Replace("sha256:", "", StringComparison.Ordinal)}";
        if (string.Equals(format, UploadedSheet.Xlsx, StringComparison.OrdinalIgnoreCase))
        {
            using var buffer = new MemoryStream();
            CatalogXlsx.Write(catalog.Programs, buffer, ExportOptions.SpreadsheetSafe);
            return Results.File(buffer.ToArray(), UploadedSheet.XlsxContentType, name + ".xlsx");
        }
        return Results.File(CatalogCsv.ToUtf8(catalog.Programs, ExportOptions.SpreadsheetSafe), "text/csv; charset=utf-8", name + ".csv");
    }

    /// <summary>The tracking sheet with its columns and no programs, to start an import from scratch.</summary>
    [WolverineGet("/api/catalog/template")]
    [EndpointSummary("Download a blank tracking sheet: the columns, no programs (CSV or XLSX)")]
    [Authorize(Policy = SmartPickPolicies.Staff)]
    public static IResult Template(string? format)
    {
        if (string.Equals(format, UploadedSheet.Xlsx, StringComparison.OrdinalIgnoreCase))
        {
            using var buffer = new MemoryStream();
            CatalogXlsx.Write(Array.Empty<SmartPick.Matching.Model.CatalogProgram>(), buffer, ExportOptions.SpreadsheetSafe);
            return Results.File(buffer.ToArray(), UploadedSheet.XlsxContentType, "catalog-template.xlsx");
        }
        return Results.File(CatalogCsv.ToUtf8(Array.Empty<SmartPick.Matching.Model.CatalogProgram>(), ExportOptions.SpreadsheetSafe), "text/csv; charset=utf-8", "catalog-template.csv");
    }

    private static bool IsKnown(string format) =>
        string.Equals(format, UploadedSheet.Csv, StringComparison.OrdinalIgnoreCase)
        || string.Equals(format, UploadedSheet.Xlsx, StringComparison.OrdinalIgnoreCase);
}
