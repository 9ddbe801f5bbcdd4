using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace SmartPick.Web.Charts;

/// <summary>One measure compared then and now, on a scale where <see cref="Target"/> is "enough".</summary>
public sealed record ComparedMeasure(string Label, double Then, double Now, double Target, string ThenText, string NowText);

/// <summary>
/// Paired horizontal bars, then (grey) against now (blue), each measure scaled to its own target so
/// months, letters and scores can sit in one picture. Drawn on the server as SVG.
/// </summary>
public static class ComparisonChart
{
    private const int Width = 640, Label = 190, Right = 90, RowHeight = 46;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static IHtmlContent Render(IReadOnlyList<ComparedMeasure> measures, string thenLabel, string nowLabel, string id = "compare")
    {
        var enc = HtmlEncoder.Default;
        var height = 16 + measures.Count * RowHeight;
        var barW = Width - Label - Right;
        var desc = string.Join("; ", measures.Select(m => $"{m.Label}: {m.ThenText} {thenLabel}, {m.NowText} {nowLabel}"));
        var sb = new StringBuilder();
        sb.Append(Inv, $"<svg class=\"chart\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" data-testid=\"comparison-chart\">");
        sb.Append(Inv, $"<title id=\"{id}-title\">{enc.Encode($"What changed between {thenLabel} and {nowLabel}")}</title>");
        sb.Append(Inv, $"<desc id=\"{id}-desc\">{enc.Encode(desc)}</desc>");
        for (var i = 0; i < measures.Count; i++)
        {
            var m = measures[i];
            var y = 8 + i * RowHeight;
            double W(double v) => Math.Max(2, Math.Min(1, m.Target <= 0 ? 0 : v / m.Target) * barW);
            sb.Append(Inv, $"<text x=\"{Label - 10}\" y=\"{y + 22}\" text-anchor=\"end\">{enc.Encode(m.Label)}</text>");
            sb.Append(Inv, $"<rect class=\"bar-then\" x=\"{Label}\" y=\"{y + 2}\" width=\"{W(m.Then):0.#}\" height=\"16\" rx=\"2\"/>");
            sb.Append(Inv, $"<rect class=\"bar-now\" x=\"{Label}\" y=\"{y + 20}\" width=\"{W(m.Now):0.#}\" height=\"16\" rx=\"2\"/>");
            sb.Append(Inv, $"<text x=\"{Label + W(m.Then) + 6:0.#}\" y=\"{y + 15}\">{enc.Encode(m.ThenText)}</text>");
            sb.Append(Inv, $"<text x=\"{Label + W(m.Now) + 6:0.#}\" y=\"{y + 33}\">{enc.Encode(m.NowText)}</text>");
        }
        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }
}
