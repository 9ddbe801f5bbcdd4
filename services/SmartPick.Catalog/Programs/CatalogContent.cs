using SmartPick.Matching.Model;

namespace SmartPick.Catalog.Programs;

/// <summary>
/// The programs of the organization's current catalog, in sheet order (the order is part of the content
/// version), as one document per organization.
/// </summary>
/// <remarks>
/// One document rather than one per program: the engine always needs the whole catalog, and a 6,264-program
/// catalog then loads as one row and saves as one upsert (a few MB of JSON) instead of thousands of rows,
/// which also keeps giving every new organization the demo catalog cheap. Lookups by code and searches run
/// over the in-memory copy that <see cref="OrganizationCatalogs"/> keeps per version.
/// </remarks>
public sealed class CatalogContent
{
    /// <summary>Always <see cref="CatalogStream.Id"/>: one per organization.</summary>
    public Guid Id { get; set; }
    public string CatalogVersion { get; set; } = "";
    public IReadOnlyList<CatalogProgram> Programs { get; set; } = [];
}
