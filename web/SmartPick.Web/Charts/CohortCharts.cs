using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using SmartPick.Advising.Views;

namespace SmartPick.Web.Charts;

/// <summary>
/// The cohort as pictures, drawn on the server (the strict CSP allows no script or inline style): the funnel by
/// status, the spread of chances, and interviews so far against those expected from the applications. Each is a grid
/// of rows, label, bar and figure, whose words are page text (readable at any width: a phone does not shrink them as it
/// would a whole SVG drawing) and whose bars are small SVGs stretched to the column; each has a title and a
/// description saying in words what it shows.
/// </summary>
public static class CohortCharts
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Where the candidates stand in the season, in the order a season runs.</summary>
    public static readonly (CandidateStatus Status, string Name)[] FunnelOrder =
    [
        (CandidateStatus.Open, "Preparing"), (CandidateStatus.Applying, "Applied"), (CandidateStatus.Interviewing, "Interviewing"),
        (CandidateStatus.RankListCertified, "Rank list certified"), (CandidateStatus.Matched, "Matched"), (CandidateStatus.Unmatched, "Unmatched"),
    ];

    public static IHtmlContent Funnel(IReadOnlyDictionary<CandidateStatus, int> byStatus)
    {
        var rows = FunnelOrder.Select(f => (f.Name, Count: byStatus.GetValueOrDefault(f.Status), Class: f.Status == CandidateStatus.Unmatched ? "bar-bad" : "bar-now")).ToList();
        var summary = string.Join("; ", rows.Select(r => $"{r.Name}: {r.Count}"));
        return Bars("funnel-chart", "Candidates by where they stand in the season", summary, rows);
    }

    /// <summary>Candidates by chance of matching, in bands of ten points (those with a chance: not matched or archived).</summary>
    public static IHtmlContent Chances(IReadOnlyList<double> chances)
    {
        var bands = new (string Name, int Count, string Class)[10];
        for (var b = 0; b < 10; b++)
        {
            var lo = b * 10;
            var count = chances.Count(p => Math.Min(9, (int)(p * 10)) == b);
            bands[b] = (b == 0 ? "under 10%" : $"{lo}–{lo + 10}%", count, b < 2 ? "bar-bad" : b < 5 ? "bar-warn" : "bar-good");
        }
        var under20 = chances.Count(p => p < 0.2);
        var summary = chances.Count == 0 ? "No candidate has a chance estimated yet."
            : $"{chances.Count} candidates with an estimate; {under20} below 20%; median {Median(chances):0%}.";
        return Bars("chance-chart", "Candidates by estimated chance of matching", summary, bands.Reverse().ToList());
    }

    /// <summary>Interviews so far against those the candidate's applications are expected to bring, one row each.</summary>
    public static IHtmlContent Interviews(IReadOnlyList<(string Name, int Interviews, double Expected)> rows)
    {
        var max = Math.Max(1, rows.Count == 0 ? 1 : rows.Max(r => Math.Max(r.Interviews, r.Expected)));
        var behind = rows.Count(r => r.Interviews < r.Expected * 0.5);
        var summary = rows.Count == 0 ? "No candidate has applied this season yet."
            : $"{rows.Count} candidates have applied; {behind} have fewer than half the interviews their applications are expected to bring.";
        var sb = Open("interviews-chart", "Interviews so far against those expected from the applications", summary);
        foreach (var (name, interviews, expected) in rows)
        {
            var bar = interviews == 0 ? 0 : Math.Max(1, interviews / max * 100);
            var mark = expected / max * 100;
            Row(sb, name, interviews < expected * 0.5 ? "bar-bad" : "bar-now", bar,
                string.Create(Inv, $"<line class=\"marker\" x1=\"{mark:0.#}\" x2=\"{mark:0.#}\" y1=\"0\" y2=\"10\"/>"),
                string.Create(Inv, $"{interviews} of ~{expected:0.#}"));
        }
        return Close(sb);
    }

    private static IHtmlContent Bars(string id, string title, string summary, IReadOnlyList<(string Name, int Count, string Class)> rows)
    {
        var max = Math.Max(1, rows.Count == 0 ? 1 : rows.Max(r => r.Count));
        var sb = Open(id, title, summary);
        foreach (var (name, count, cls) in rows)
            Row(sb, name, cls, count == 0 ? 0 : Math.Max(1, (double)count / max * 100), "", count.ToString(Inv));
        return Close(sb);
    }

    private static StringBuilder Open(string id, string title, string summary)
    {
        var enc = HtmlEncoder.Default;
        var sb = new StringBuilder();
        sb.Append(Inv, $"<div class=\"hbars\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" data-testid=\"{id}\">");
        sb.Append(Inv, $"<span id=\"{id}-title\" hidden>{enc.Encode(title)}</span><span id=\"{id}-desc\" hidden>{enc.Encode(summary)}</span>");
        return sb;
    }

    /// <summary>One row: its label, a bar <paramref name="percent"/> of the track long (plus any <paramref name="extra"/> SVG), its figure.</summary>
    private static void Row(StringBuilder sb, string label, string cls, double percent, string extra, string figure)
    {
        var enc = HtmlEncoder.Default;
        sb.Append(Inv, $"<span class=\"hbar-label\">{enc.Encode(label)}</span>");
        sb.Append(Inv, $"<svg class=\"hbar-track\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" aria-hidden=\"true\"><rect class=\"{cls}\" x=\"0\" y=\"1\" width=\"{percent:0.##}\" height=\"8\"/>{extra}</svg>");
        sb.Append(Inv, $"<span class=\"hbar-value\">{enc.Encode(figure)}</span>");
    }

    private static HtmlString Close(StringBuilder sb) => new(sb.Append("</div>").ToString());

    private static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
