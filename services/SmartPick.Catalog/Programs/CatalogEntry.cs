using SmartPick.Matching.Model;

namespace SmartPick.Catalog.Programs;

/// <summary>
/// One program of the organization's current catalog, keyed by its program code. <see cref="Position"/>
/// keeps the sheet order, which is part of the catalog's content version.
/// </summary>
public sealed class CatalogEntry
{
    /// <summary>The program code (NRMP code as the agency writes it).</summary>
    public string Id { get; set; } = "";
    public int Position { get; set; }
    public CatalogProgram Program { get; set; } = null!;

    public static CatalogEntry For(CatalogProgram program, int position) =>
        new() { Id = program.ProgramCode, Position = position, Program = program };
}
