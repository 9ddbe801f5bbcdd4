using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using SmartPick.Advising.Views;

namespace SmartPick.Web.Charts;

/// <summary>
/// The cohort as pictures, drawn on the server as inline SVG (the strict CSP allows no script or inline style):
/// the funnel by status, the spread of chances, and interviews so far against those expected from the applications.
/// Each has a title and a description saying in words what it shows.
/// </summary>
public static class CohortCharts
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private const int Width = 560, Label = 150, Right = 50, Bar = 22, Gap = 8;

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
        var enc = HtmlEncoder.Default;
        var max = Math.Max(1, rows.Count == 0 ? 1 : rows.Max(r => Math.Max(r.Interviews, r.Expected)));
        var height = 20 + rows.Count * (Bar + Gap) + 20;
        var behind = rows.Count(r => r.Interviews < r.Expected * 0.5);
        var summary = rows.Count == 0 ? "No candidate has applied this season yet."
            : $"{rows.Count} candidates have applied; {behind} have fewer than half the interviews their applications are expected to bring.";
        var sb = new StringBuilder();
        sb.Append(Inv, $"<svg class=\"chart bars\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-labelledby=\"interviews-chart-title interviews-chart-desc\" data-testid=\"interviews-chart\">");
        sb.Append("<title id=\"interviews-chart-title\">Interviews so far against those expected from the applications</title>");
        sb.Append($"<desc id=\"interviews-chart-desc\">{enc.Encode(summary)}</desc>");
        double X(double v) => Label + v / max * (Width - Label - Right);
        var y = 20;
        foreach (var (name, interviews, expected) in rows)
        {
            var shortName = name.Length > 22 ? name[..21] + "…" : name;
            sb.Append(Inv, $"<text x=\"{Label - 8}\" y=\"{y + 15}\" text-anchor=\"end\">{enc.Encode(shortName)}</text>");
            sb.Append(Inv, $"<rect class=\"{(interviews < expected * 0.5 ? "bar-bad" : "bar-now")}\" x=\"{Label}\" y=\"{y}\" width=\"{Math.Max(1, X(interviews) - Label):0.#}\" height=\"{Bar}\" rx=\"3\"/>");
            sb.Append(Inv, $"<line class=\"marker\" x1=\"{X(expected):0.#}\" x2=\"{X(expected):0.#}\" y1=\"{y - 3}\" y2=\"{y + Bar + 3}\"/>");
            sb.Append(Inv, $"<text x=\"{X(Math.Max(interviews, expected)) + 6:0.#}\" y=\"{y + 15}\">{interviews} of ~{expected:0.#}</text>");
            y += Bar + Gap;
        }
        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }

    private static IHtmlContent Bars(string id, string title, string summary, IReadOnlyList<(string Name, int Count, string Class)> rows)
    {
        var enc = HtmlEncoder.Default;
        var max = Math.Max(1, rows.Count == 0 ? 1 : rows.Max(r => r.Count));
        var height = 10 + rows.Count * (Bar + Gap) + 10;
        var sb = new StringBuilder();
        sb.Append(Inv, $"<svg class=\"chart bars\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" data-testid=\"{id}\">");
        sb.Append($"<title id=\"{id}-title\">{enc.Encode(title)}</title><desc id=\"{id}-desc\">{enc.Encode(summary)}</desc>");
        var y = 10;
        foreach (var (name, count, cls) in rows)
        {
            var w = count == 0 ? 0 : Math.Max(2, (double)count / max * (Width - Label - Right));
            sb.Append(Inv, $"<text x=\"{Label - 8}\" y=\"{y + 15}\" text-anchor=\"end\">{enc.Encode(name)}</text>");
            sb.Append(Inv, $"<rect class=\"{cls}\" x=\"{Label}\" y=\"{y}\" width=\"{w:0.#}\" height=\"{Bar}\" rx=\"3\"/>");
            sb.Append(Inv, $"<text x=\"{Label + w + 6:0.#}\" y=\"{y + 15}\">{count}</text>");
            y += Bar + Gap;
        }
        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }

    private static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
