using System.Text.Json.Serialization;

namespace SmartPick.Catalog.Programs;

// The organization's catalog is one event stream per organization (see CatalogStream): each event is one new
// catalog version with who, when, where from, and what changed program by program. The stream is small (one
// event per import or edit, not per program), so its snapshot (CatalogState) is cheap to fetch and guards
// concurrent writers with the stream version; the programs themselves live as one document each
// (CatalogEntry) so loading a 6,264-program catalog is one indexed query, not a replay.

/// <summary>Who did something, as shown in history: the user id and the name people recognise.</summary>
public sealed record CatalogActor(string UserId, string Name)
{
    /// <summary>The platform itself, e.g. when a new organization is given the demo catalog.</summary>
    public static readonly CatalogActor System = new("system", "SmartPick");
}

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
public sealed record CatalogSeeded(string CatalogVersion, string Label, int ProgramCount, CatalogActor SeededBy, DateTimeOffset SeededAt);

/// <summary>A previewed sheet replaced the catalog, all or nothing.</summary>
public sealed record CatalogImportApplied(
    Guid ImportId,
    string FileName,
    string CatalogVersion,
    string PreviousCatalogVersion,
    int ProgramCount,
    int Added,
    int Changed,
    int Removed,
    int Unchanged,
    IReadOnlyList<ProgramChange> Changes,
    CatalogActor AppliedBy,
    DateTimeOffset AppliedAt);

/// <summary>One program was edited in the catalog editor.</summary>
public sealed record CatalogProgramEdited(
    string ProgramCode,
    string CatalogVersion,
    string PreviousCatalogVersion,
    int ProgramCount,
    IReadOnlyList<FieldChange> Fields,
    CatalogActor EditedBy,
    DateTimeOffset EditedAt);
