using SmartPick.Contracts;

namespace SmartPick.Catalog.Programs;

/// <summary>
/// One version in the organization's catalog history: what content hash it has, where it came from (the
/// import's file name, "edit" or "demo catalog"), who made it, when, and how many programs it added,
/// changed and removed.
/// </summary>
public sealed class CatalogVersionEntry
{
    public Guid Id { get; set; }
    /// <summary>1 for the first version of this organization's catalog, then one more per change.</summary>
    public int Number { get; set; }
    public string CatalogVersion { get; set; } = "";
    public string PreviousCatalogVersion { get; set; } = "";
    public string Source { get; set; } = "";
    public string Label { get; set; } = "";
    public int ProgramCount { get; set; }
    public int Added { get; set; }
    public int Changed { get; set; }
    public int Removed { get; set; }
    public RecordedBy CreatedBy { get; set; } = RecordedBy.System;
    public DateTimeOffset CreatedAt { get; set; }
}
