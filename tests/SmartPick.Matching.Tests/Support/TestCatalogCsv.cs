using SmartPick.Catalog.Sheet;
using SmartPick.Matching.Model;
using SmartPick.Matching.Outcomes;

namespace SmartPick.Matching.Tests.Support;

// The catalog module's namespace is also called Catalog; name the engine's catalog type explicitly.
using Catalog = SmartPick.Matching.Model.Catalog;

/// <summary>The shared catalog, read once with the catalog module's sheet reader, and the shared outcomes file.</summary>
public static class TestCatalogCsv
{
    private static readonly Lazy<Catalog> Shared = new(() =>
    {
        var sheet = CatalogCsv.ReadFile(SharedData.CatalogPath);
        sheet.Errors.ShouldBeEmpty();
        return sheet.Catalog;
    });

    public static Catalog SharedCatalog => Shared.Value;

    private static readonly Lazy<Catalog> WithEvidence = new(() =>
    {
        var evidence = EvidenceCsv.ReadFile(SharedData.EvidencePath);
        evidence.Errors.ShouldBeEmpty();
        return new Catalog(CatalogEvidence.Merge(SharedCatalog.Programs, evidence.Rows).Programs);
    });

    /// <summary>The shared catalog with the shared evidence file merged in, as <c>rank --evidence</c> reads it.</summary>
    public static Catalog SharedCatalogWithEvidence => WithEvidence.Value;

    public static IReadOnlyList<ApplicantOutcome> SharedOutcomes()
    {
        using var reader = new StreamReader(SharedData.OutcomesPath);
        var result = OutcomesCsv.Read(reader);
        result.Errors.Any.ShouldBeFalse(result.Errors.ToString());
        return result.Applicants;
    }
}
