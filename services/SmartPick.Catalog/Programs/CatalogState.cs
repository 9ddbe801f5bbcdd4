using SmartPick.Contracts;
using SmartPick.Matching.Model;

namespace SmartPick.Catalog.Programs;

using Catalog = SmartPick.Matching.Model.Catalog;

/// <summary>
/// The organization's catalog at a glance: its current content version, how it got there, its label
/// ("demo" while it is the seeded demo catalog, "imported" or "edited" after the agency's own changes) and
/// its size. The inline snapshot of the catalog stream; one per organization.
/// </summary>
public sealed class CatalogState
{
    public const string DemoLabel = "demo";
    public const string ImportedLabel = "imported";
    public const string EditedLabel = "edited";
    /// <summary>The source named in history for a change made in the catalog editor.</summary>
    public const string EditSource = "edit";
    public const string DemoSource = "demo catalog";

    public Guid Id { get; set; }
    /// <summary>The content hash of the current programs (<see cref="Catalog.ComputeVersion"/>).</summary>
    public string CatalogVersion { get; set; } = EmptyVersion;
    /// <summary>1 for the first version, then one more per import or edit.</summary>
    public int VersionNumber { get; set; }
    public string Label { get; set; } = "";
    public int ProgramCount { get; set; }
    public string LastSource { get; set; } = "";
    public RecordedBy? LastChangedBy { get; set; }
    public DateTimeOffset? LastChangedAt { get; set; }

    /// <summary>The version of a catalog with no programs: what an organization without a catalog has.</summary>
    public static readonly string EmptyVersion = Catalog.ComputeVersion([]);

    public void Apply(CatalogSeeded e)
    {
        Next(e.VersionNumber, e.CatalogVersion, e.ProgramCount, DemoSource, e.SeededBy, e.SeededAt);
        Label = e.Label;
    }

    public void Apply(CatalogImportApplied e)
    {
        Next(e.VersionNumber, e.CatalogVersion, e.ProgramCount, e.FileName, e.AppliedBy, e.AppliedAt);
        Label = ImportedLabel;
    }

    public void Apply(CatalogProgramEdited e)
    {
        Next(e.VersionNumber, e.CatalogVersion, e.ProgramCount, EditSource, e.EditedBy, e.EditedAt);
        // An edited demo catalog is still mostly demo data; it says so until the agency imports its own sheet.
        if (Label != DemoLabel) Label = EditedLabel;
    }

    private void Next(int number, string version, int programCount, string source, RecordedBy by, DateTimeOffset at)
    {
        CatalogVersion = version;
        VersionNumber = number;
        ProgramCount = programCount;
        LastSource = source;
        LastChangedBy = by;
        LastChangedAt = at;
    }
}

/// <summary>The id of the catalog stream and its snapshot: one per organization.</summary>
internal static class CatalogStream
{
    // Streams and documents are keyed by (tenant, id), so one fixed id gives every organization its own stream.
    public static readonly Guid Id = new("5c0a7a10-9f3e-4c39-8d0b-ca7a10900001");
}
