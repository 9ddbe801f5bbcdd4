using SmartPick.Catalog.Sheet;
using SmartPick.Contracts;
using SmartPick.Matching.Model;

namespace SmartPick.Catalog.Programs;

/// <summary>What an import does with programs that are not in the sheet: keeps them (update) or removes them (replace).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ImportMode>))]
public enum ImportMode
{
    [System.Text.Json.Serialization.JsonStringEnumMemberName("update")] Update,
    [System.Text.Json.Serialization.JsonStringEnumMemberName("replace")] Replace,
}

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
    /// <summary>The programs the catalog would hold after applying: the sheet's over the current ones, or the sheet's alone.</summary>
    public IReadOnlyList<CatalogProgram> Programs { get; set; } = [];
    /// <summary>
    /// The sheet's own valid programs, one per code, in sheet order: kept until the import is applied so the same
    /// sheet can be previewed again (in the other mode, or against a catalog that moved on) without uploading it again.
    /// </summary>
    public IReadOnlyList<CatalogProgram> SheetPrograms { get; set; } = [];
    public IReadOnlyList<SheetIssue> Errors { get; set; } = [];
    public IReadOnlyList<SheetIssue> Warnings { get; set; } = [];
    public CatalogChangeCounts Counts { get; set; } = new(0, 0, 0, 0);
    /// <summary>
    /// <see cref="ImportMode.Update"/> (the default): the sheet's rows update or add programs and no program is removed;
    /// <see cref="ImportMode.Replace"/>: the sheet becomes the whole catalog, and applying it needs the number of
    /// programs it removes typed back as a confirmation.
    /// </summary>
    public ImportMode Mode { get; set; } = ImportMode.Update;
    /// <summary>How many programs the sheet itself held (rows, once per code).</summary>
    public int SheetRows { get; set; }
    /// <summary>The programs the import adds, changes (with their fields) or removes; the first 500.</summary>
    public IReadOnlyList<ProgramChange> Changes { get; set; } = [];
    public DateTimeOffset? AppliedAt { get; set; }
    public RecordedBy? AppliedBy { get; set; }

    public bool HasErrors => Errors.Count > 0;
}
