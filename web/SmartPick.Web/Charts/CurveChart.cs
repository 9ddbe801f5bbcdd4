using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using SmartPick.Matching.Model;

namespace SmartPick.Web.Charts;

/// <summary>
/// The estimated chance of matching against the number of applications, as an inline SVG drawn on the
/// server (no script, no inline style: the strict CSP allows it). The recommended number is marked. With the
/// plan's costs, each tick of the applications axis also says what that many applications cost.
/// </summary>
public static class CurveChart
{
    private const int Width = 640, Left = 64, Right = 34, Top = 20;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static IHtmlContent Render(IReadOnlyList<CurvePoint> curve, int recommended, string id = "curve",
        IReadOnlyList<SmartPick.Matching.Model.CurveCost>? costs = null, IReadOnlyList<CurvePoint>? whatIf = null)
    {
        var enc = HtmlEncoder.Default;
        var withCosts = costs is { Count: > 0 };
        var Bottom = withCosts ? 62 : 44;
        var Height = withCosts ? 318 : 300;
        // What the first n applications cost: the cost at the first curve point at or beyond n (the curve's steps are 10).
        decimal? CostAt(int n) => costs?.FirstOrDefault(c => c.N >= n)?.CostUsd;
        var maxN = Math.Max(10, Math.Max(curve.Count == 0 ? 10 : curve.Max(c => c.N), whatIf is { Count: > 0 } ? whatIf.Max(c => c.N) : 0));
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        double X(double n) => Left + n / maxN * plotW;
        double Y(double p) => Top + (1 - p) * plotH;

        var atRecommended = curve.LastOrDefault(c => c.N <= recommended)?.PMatch ?? 0;
        var summary = curve.Count == 0
            ? "No eligible programs, so no curve."
            : $"The chance rises from {Pct(curve[0].PMatch)} with {curve[0].N} application{(curve[0].N == 1 ? "" : "s")} to {Pct(curve[^1].PMatch)} with {curve[^1].N}; "
              + $"the recommended {recommended} applications give {Pct(atRecommended)}"
              + (withCosts && costs!.FirstOrDefault(c => c.N == recommended) is { } priced ? $" and cost {Usd(priced.CostUsd)} in fees." : ".");
        if (whatIf is { Count: > 0 })
        {
            var thenAt = whatIf.LastOrDefault(c => c.N <= recommended)?.PMatch ?? 0;
            summary += $" With the changes tried, the same {recommended} applications would give {Pct(thenAt)} (dashed curve).";
        }

        var sb = new StringBuilder();
        sb.Append(Inv, $"<svg class=\"chart curve-chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" data-testid=\"curve-chart\">");
        sb.Append(Inv, $"<title id=\"{id}-title\">Estimated chance of matching by number of applications</title>");
        sb.Append(Inv, $"<desc id=\"{id}-desc\">{enc.Encode(summary)}</desc>");

        for (var p = 0; p <= 100; p += 25)
        {
            var y = Y(p / 100.0);
            sb.Append(Inv, $"<line class=\"grid-line\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\"/>");
            sb.Append(Inv, $"<text x=\"{Left - 8}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{p}%</text>");
        }
        foreach (var n in Ticks(maxN))
        {
            var x = X(n);
            sb.Append(Inv, $"<text x=\"{x:0.#}\" y=\"{Height - Bottom + 18}\" text-anchor=\"middle\">{n}</text>");
            if (withCosts && n > 0 && CostAt(n) is { } cost)
                sb.Append(Inv, $"<text class=\"cost\" x=\"{x:0.#}\" y=\"{Height - Bottom + 34}\" text-anchor=\"middle\">{Usd(cost)}</text>");
        }
        sb.Append(Inv, $"<line class=\"axis\" x1=\"{Left}\" x2=\"{Left}\" y1=\"{Top}\" y2=\"{Height - Bottom}\"/>");
        sb.Append(Inv, $"<line class=\"axis\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Height - Bottom}\" y2=\"{Height - Bottom}\"/>");
        sb.Append(Inv, $"<text x=\"{Left + plotW / 2}\" y=\"{Height - 6}\" text-anchor=\"middle\">{(withCosts ? "Applications (and what they cost in fees)" : "Applications")}</text>");

        if (curve.Count > 0)
        {
            var points = new StringBuilder();
            points.Append(Inv, $"{X(0):0.#},{Y(0):0.#} ");
            foreach (var c in curve) points.Append(Inv, $"{X(c.N):0.#},{Y(c.PMatch):0.#} ");
            var line = points.ToString().Trim();
            sb.Append(Inv, $"<polygon class=\"area\" points=\"{line} {X(curve[^1].N):0.#},{Y(0):0.#}\"/>");
            sb.Append(Inv, $"<polyline class=\"curve\" points=\"{line}\"/>");
            if (whatIf is { Count: > 0 })
            {
                var other = new StringBuilder();
                other.Append(Inv, $"{X(0):0.#},{Y(0):0.#} ");
                foreach (var c in whatIf) other.Append(Inv, $"{X(c.N):0.#},{Y(c.PMatch):0.#} ");
                sb.Append(Inv, $"<polyline class=\"curve what-if\" points=\"{other.ToString().Trim()}\" data-testid=\"what-if-curve\"/>");
            }
            if (recommended > 0)
            {
                var x = X(recommended);
                sb.Append(Inv, $"<line class=\"marker\" x1=\"{x:0.#}\" x2=\"{x:0.#}\" y1=\"{Top}\" y2=\"{Height - Bottom}\"/>");
                sb.Append(Inv, $"<circle class=\"dot\" cx=\"{x:0.#}\" cy=\"{Y(atRecommended):0.#}\" r=\"5\"/>");
                // The label goes on the side with more room (a phone draws it larger).
                var anchor = x > Left + (Width - Left - Right) / 2 ? "end" : "start";
                var dx = anchor == "end" ? -8 : 8;
                var price = withCosts && costs!.FirstOrDefault(c => c.N == recommended) is { } at ? $" · {Usd(at.CostUsd)}" : "";
                sb.Append(Inv, $"<text x=\"{x + dx:0.#}\" y=\"{Math.Max(Top + 12, Y(atRecommended) - 10):0.#}\" text-anchor=\"{anchor}\">{recommended} applications: {Pct(atRecommended)}{price}</text>");
            }
        }
        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }

    private static string Usd(decimal amount) => "$" + Math.Round(amount, 0).ToString("#,0", Inv);

    /// <summary>A chance as the pages write it ("&lt;1%" rather than "0%").</summary>
    public static string Pct(double p) => SmartPick.Matching.Stages.Outlook.Percent(p);

    private static IEnumerable<int> Ticks(int maxN)
    {
        var step = maxN <= 20 ? 5 : maxN <= 60 ? 10 : maxN <= 150 ? 25 : maxN <= 400 ? 50 : 100;
        for (var n = 0; n <= maxN; n += step) yield return n;
    }
}
