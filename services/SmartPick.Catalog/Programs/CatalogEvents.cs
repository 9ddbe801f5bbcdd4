using System.Text.Json.Serialization;
using SmartPick.Contracts;

namespace SmartPick.Catalog.Programs;

// The organization's catalog is one event stream per organization (see CatalogStream): each event is one new
// catalog version with who, when, where from, and what changed program by program and field by field. That
// makes the stream the catalog's history: a program's history is the events that name it, and the versions
// list is the stream. The stream stays short (one event per import or edit, not per program), so its
// snapshot (CatalogState) is cheap to fetch and guards concurrent writers with the stream version, while
// the programs themselves are one document (CatalogContent) that loads in one read. Who acted is Contracts'
// RecordedBy, stored as {user_id, name}: the same JSON the catalog's own actor record had.

/// <summary>One field of one program going from one value to another, in the sheet's column name and spelling.</summary>
public sealed record FieldChange(string Field, string From, string To);

/// <summary>Written as "added", "changed" or "removed" whatever the host's enum settings.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProgramChangeKind>))]
public enum ProgramChangeKind
{
    [JsonStringEnumMemberName("added")] Added,
    [JsonStringEnumMemberName("changed")] Changed,
    [JsonStringEnumMemberName("removed")] Removed,
}

/// <summary>What happened to one program in a new catalog version; <see cref="Fields"/> is empty for added and removed programs.</summary>
public sealed record ProgramChange(string ProgramCode, ProgramChangeKind Kind, IReadOnlyList<FieldChange> Fields);

/// <summary>A new organization was given a catalog it did not choose (the generated demo catalog), labelled so.</summary>
public sealed record CatalogSeeded(int VersionNumber, string CatalogVersion, string Label, int ProgramCount, RecordedBy SeededBy, DateTimeOffset SeededAt);

/// <summary>A previewed sheet replaced the catalog, all or nothing.</summary>
public sealed record CatalogImportApplied(
    Guid ImportId,
    string FileName,
    int VersionNumber,
    string CatalogVersion,
    string PreviousCatalogVersion,
    int ProgramCount,
    int Added,
    int Changed,
    int Removed,
    int Unchanged,
    IReadOnlyList<ProgramChange> Changes,
    RecordedBy AppliedBy,
    DateTimeOffset AppliedAt);

/// <summary>One program was edited in the catalog editor.</summary>
public sealed record CatalogProgramEdited(
    string ProgramCode,
    int VersionNumber,
    string CatalogVersion,
    string PreviousCatalogVersion,
    int ProgramCount,
    IReadOnlyList<FieldChange> Fields,
    RecordedBy EditedBy,
    DateTimeOffset EditedAt);
