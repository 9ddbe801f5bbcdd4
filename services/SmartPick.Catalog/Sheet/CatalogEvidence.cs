using SmartPick.Matching.Model;

namespace SmartPick.Catalog.Sheet;

/// <summary>
/// How a merge went: <see cref="Merged"/> evidence rows found their program, <see cref="WithoutProgram"/> name a
/// program code the catalog does not have, out of <see cref="Listed"/> rows in the evidence.
/// </summary>
public sealed record EvidenceMergeCounts(int Merged, int WithoutProgram, int Listed);

/// <summary>The catalog's programs with evidence merged in (same order), the counts, and the rows that matched no program.</summary>
public sealed record EvidenceMergeResult(
    IReadOnlyList<CatalogProgram> Programs,
    EvidenceMergeCounts Counts,
    IReadOnlyList<ProgramEvidenceRow> WithoutProgram);

/// <summary>
/// Puts observed interview rates from an evidence file (<see cref="EvidenceCsv"/>) onto a catalog's programs by
/// program code. Pure: the programs come back in the same order, each matched one with its four rates, evidence
/// source and date replaced by the row's (a rate the row leaves empty becomes unknown); programs without a row are
/// returned as they were. The md/do rates are not part of a program and are dropped.
/// </summary>
public static class CatalogEvidence
{
    public static EvidenceMergeResult Merge(IReadOnlyList<CatalogProgram> programs, IReadOnlyList<ProgramEvidenceRow> rows)
    {
        ArgumentNullException.ThrowIfNull(programs);
        ArgumentNullException.ThrowIfNull(rows);

        var byCode = new Dictionary<string, ProgramEvidenceRow>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows) byCode.TryAdd(row.ProgramCode, row);

        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var merged = new List<CatalogProgram>(programs.Count);
        foreach (var program in programs)
        {
            if (!byCode.TryGetValue(program.ProgramCode, out var row))
            {
                merged.Add(program);
                continue;
            }
            used.Add(row.ProgramCode);
            merged.Add(program with
            {
                NonUsImgInterviewRate = Plain(row.NonUsImgInterviewRate),
                UsImgInterviewRate = Plain(row.UsImgInterviewRate),
                SignalInterviewRate = Plain(row.SignalInterviewRate),
                NoSignalInterviewRate = Plain(row.NoSignalInterviewRate),
                EvidenceSource = row.Source,
                EvidenceObservedOn = row.ObservedOn,
            });
        }

        var withoutProgram = byCode.Values.Where(r => !used.Contains(r.ProgramCode)).OrderBy(r => r.Line).ToList();
        return new EvidenceMergeResult(merged, new EvidenceMergeCounts(used.Count, withoutProgram.Count, rows.Count), withoutProgram);
    }

    /// <summary>
    /// The rate without trailing zeros (0.10 → 0.1, 0.00 → 0): a workbook gives rates back that way, so the merged
    /// catalog keeps its version through an XLSX export and import.
    /// </summary>
    public static decimal? Plain(decimal? rate) => rate is { } r ? r / 1.0000000000000000000000000000m : null;
}
