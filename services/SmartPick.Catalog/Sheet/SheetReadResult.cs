using SmartPick.Matching.Model;

namespace SmartPick.Catalog.Sheet;

// The module's namespace is also called Catalog; name the engine's catalog type explicitly.
using Catalog = SmartPick.Matching.Model.Catalog;

/// <summary>
/// What reading a tracking sheet produced. Rows with errors are left out of <see cref="Rows"/> and
/// <see cref="Catalog"/> and each is reported in <see cref="Errors"/> (never silently dropped); an import
/// that must be all-or-nothing checks <see cref="IsValid"/>.
/// </summary>
public sealed class SheetReadResult
{
    /// <summary>Every valid row in sheet order, exact duplicate rows included: writing these back reproduces the sheet.</summary>
    public IReadOnlyList<CatalogProgram> Rows { get; }

    /// <summary>The valid rows with exact duplicates kept once (each such duplicate is a warning): one program per code.</summary>
    public Catalog Catalog { get; }

    public IReadOnlyList<SheetIssue> Errors { get; }

    /// <summary>Things that did not stop a row from loading but a person should know (e.g. a row repeated verbatim).</summary>
    public IReadOnlyList<SheetIssue> Warnings { get; }

    public bool IsValid => Errors.Count == 0;

    public SheetReadResult(IReadOnlyList<CatalogProgram> rows, IReadOnlyList<CatalogProgram> uniquePrograms,
        IReadOnlyList<SheetIssue> errors, IReadOnlyList<SheetIssue> warnings)
    {
        Rows = rows;
        Catalog = new Catalog(uniquePrograms);
        Errors = errors;
        Warnings = warnings;
    }
}
