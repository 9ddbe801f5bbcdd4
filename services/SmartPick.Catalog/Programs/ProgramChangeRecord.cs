namespace SmartPick.Catalog.Programs;

/// <summary>
/// One entry of a program's change history: in which catalog version it was added, changed (field by
/// field, from what to what) or removed, from which source (an import's file name or "edit"), by whom, when.
/// </summary>
public sealed class ProgramChangeRecord
{
    public const string EditSource = "edit";

    public Guid Id { get; set; }
    public string ProgramCode { get; set; } = "";
    public ProgramChangeKind Kind { get; set; }
    public IReadOnlyList<FieldChange> Fields { get; set; } = [];
    public int VersionNumber { get; set; }
    public string CatalogVersion { get; set; } = "";
    public string Source { get; set; } = "";
    public CatalogActor ChangedBy { get; set; } = CatalogActor.System;
    public DateTimeOffset ChangedAt { get; set; }
}
