using SmartPick.Catalog.Sheet;
using SmartPick.Contracts;
using SmartPick.Matching.Model;

namespace SmartPick.Catalog.Programs;

/// <summary>
/// An uploaded sheet waiting to be applied: what it would change against the catalog version it was
/// previewed on, and every row error. Nothing of it reaches the catalog until it is applied, and it can be
/// applied only while the catalog is still at <see cref="BaseVersion"/> and it has no errors.
/// </summary>
public sealed class CatalogImport
{
    public Guid Id { get; set; }
    public string FileName { get; set; } = "";
    public string Format { get; set; } = "";
    public RecordedBy UploadedBy { get; set; } = RecordedBy.System;
    public DateTimeOffset UploadedAt { get; set; }
    /// <summary>The catalog version the preview was computed against.</summary>
    public string BaseVersion { get; set; } = "";
    /// <summary>The version the catalog would have after applying (the sheet's content hash).</summary>
    public string ResultingVersion { get; set; } = "";
    /// <summary>The valid programs, one per code, in sheet order.</summary>
    public IReadOnlyList<CatalogProgram> Programs { get; set; } = [];
    public IReadOnlyList<SheetIssue> Errors { get; set; } = [];
    public IReadOnlyList<SheetIssue> Warnings { get; set; } = [];
    public CatalogChangeCounts Counts { get; set; } = new(0, 0, 0, 0);
    public DateTimeOffset? AppliedAt { get; set; }
    public RecordedBy? AppliedBy { get; set; }

    public bool HasErrors => Errors.Count > 0;
}
