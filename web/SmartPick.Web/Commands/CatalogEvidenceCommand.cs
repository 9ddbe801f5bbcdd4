using System.Text;
using JasperFx.CommandLine;
using SmartPick.Catalog.Sheet;

namespace SmartPick.Web.Commands;

/// <summary>Arguments of <c>catalog-evidence --catalog FILE.csv --evidence FILE.csv [--out FILE.csv]</c>.</summary>
public sealed class CatalogEvidenceInput
{
    [Description("The program catalog (tracking sheet CSV)")]
    [FlagAlias("catalog", 'c')]
    public string CatalogFlag { get; set; } = "";

    [Description("Observed per-program interview rates (evidence CSV) to merge into the catalog by program code")]
    [FlagAlias("evidence", 'e')]
    public string EvidenceFlag { get; set; } = "";

    [Description("Write the merged sheet to this file instead of stdout")]
    [FlagAlias("out", 'o')]
    public string? OutFlag { get; set; }
}

/// <summary>
/// Merges an evidence file into a catalog sheet and writes the merged tracking sheet (all columns, evidence
/// included) as CSV, ready to import. Needs no host and no database. The counts go to stderr, so stdout carries
/// only the sheet; problems in either file go to stderr with a non-zero exit code and nothing is written.
/// </summary>
[Description("Merge observed interview rates into a catalog sheet (prints the merged sheet CSV)", Name = "catalog-evidence")]
public sealed class CatalogEvidenceCommand : JasperFxAsyncCommand<CatalogEvidenceInput>
{
    /// <summary>Unmatched evidence rows named on stderr; the count is always complete.</summary>
    private const int ListedUnmatched = 20;

    public override async Task<bool> Execute(CatalogEvidenceInput input)
    {
        if (input.EvidenceFlag.Length == 0) return await CommandOutput.Fail("--evidence FILE.csv is required.");
        var sheet = await CommandOutput.ReadSheet(input.CatalogFlag);
        if (sheet is null) return false;
        var merged = await CommandOutput.MergeEvidence(sheet.Catalog, input.EvidenceFlag);
        if (merged is null) return false;

        var text = CatalogCsv.ToText(merged.Programs);
        if (input.OutFlag is { Length: > 0 } outPath)
        {
            await File.WriteAllTextAsync(outPath, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        else
        {
            await using var stdout = Console.OpenStandardOutput();
            await stdout.WriteAsync(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text));
        }

        var counts = merged.Counts;
        var report = new StringBuilder()
            .Append($"{input.EvidenceFlag}: {counts.Listed} evidence row(s); merged {counts.Merged} into {merged.Programs.Count} catalog program(s); ")
            .Append($"{counts.WithoutProgram} row(s) name no program of the catalog");
        foreach (var row in merged.WithoutProgram.Take(ListedUnmatched))
            report.AppendLine().Append($"  line {row.Line}: {row.ProgramCode} is not in the catalog");
        if (counts.WithoutProgram > ListedUnmatched)
            report.AppendLine().Append($"  … and {counts.WithoutProgram - ListedUnmatched} more");
        await Console.Error.WriteLineAsync(report.ToString());
        return true;
    }
}
