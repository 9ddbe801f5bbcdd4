using System.Globalization;
using System.Text;

namespace SmartPick.Matching.Outcomes;

/// <summary>
/// The calibration plot as a self-contained SVG: mean expected against mean observed interviews by decile of
/// expected, for the fitted model and for its k-fold predictions, with the line where they would be equal.
/// </summary>
public static class CalibrationPlot
{
    public static string Svg(IReadOnlyList<CalibrationRow> fitted, IReadOnlyList<CalibrationRow> crossValidated, string caption)
    {
        var a = Calibration.Deciles(fitted);
        var b = Calibration.Deciles(crossValidated);
        var max = Math.Ceiling(Math.Max(1, a.Concat(b).SelectMany(d => new[] { d.Expected, d.Observed }).DefaultIfEmpty(1).Max()) / 5) * 5;
        const double left = 60, top = 40, size = 360;
        string X(double v) => (left + v / max * size).ToString("0.#", CultureInfo.InvariantCulture);
        string Y(double v) => (top + size - v / max * size).ToString("0.#", CultureInfo.InvariantCulture);
        var svg = new StringBuilder();
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 480 470\" role=\"img\" aria-labelledby=\"t d\" font-family=\"sans-serif\" font-size=\"12\">");
        svg.Append($"<title id=\"t\">Calibration: expected against observed interviews by decile</title><desc id=\"d\">{Escape(caption)}</desc>");
        svg.Append("<rect width=\"480\" height=\"470\" fill=\"#fff\"/>");
        svg.Append($"<text x=\"240\" y=\"22\" text-anchor=\"middle\" font-size=\"14\">Expected vs observed interviews, by decile of expected</text>");
        for (var t = 0.0; t <= max; t += max / 5)
        {
            var label = t.ToString("0", CultureInfo.InvariantCulture);
            svg.Append($"<line x1=\"{X(t)}\" y1=\"{Y(0)}\" x2=\"{X(t)}\" y2=\"{Y(max)}\" stroke=\"#eee\"/><line x1=\"{X(0)}\" y1=\"{Y(t)}\" x2=\"{X(max)}\" y2=\"{Y(t)}\" stroke=\"#eee\"/>");
            svg.Append($"<text x=\"{X(t)}\" y=\"{top + size + 16}\" text-anchor=\"middle\">{label}</text><text x=\"{left - 8}\" y=\"{Y(t)}\" text-anchor=\"end\" dominant-baseline=\"middle\">{label}</text>");
        }
        svg.Append($"<line x1=\"{X(0)}\" y1=\"{Y(0)}\" x2=\"{X(max)}\" y2=\"{Y(max)}\" stroke=\"#888\" stroke-dasharray=\"4 4\"/>");
        svg.Append($"<text x=\"{left + size / 2}\" y=\"{top + size + 36}\" text-anchor=\"middle\">Expected interviews (mean of the decile)</text>");
        svg.Append($"<text transform=\"translate(18 {top + size / 2}) rotate(-90)\" text-anchor=\"middle\">Observed interviews</text>");
        void Series(IReadOnlyList<(double Expected, double Observed, int Count)> points, string colour, string shape)
        {
            svg.Append($"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.5\" points=\"{string.Join(' ', points.Select(p => $"{X(p.Expected)},{Y(p.Observed)}"))}\"/>");
            foreach (var p in points)
                svg.Append(shape == "circle"
                    ? $"<circle cx=\"{X(p.Expected)}\" cy=\"{Y(p.Observed)}\" r=\"4\" fill=\"{colour}\"/>"
                    : $"<rect x=\"{double.Parse(X(p.Expected), CultureInfo.InvariantCulture) - 4:0.#}\" y=\"{double.Parse(Y(p.Observed), CultureInfo.InvariantCulture) - 4:0.#}\" width=\"8\" height=\"8\" fill=\"{colour}\"/>");
        }
        Series(a, "#1f6feb", "circle");
        Series(b, "#d9480f", "square");
        svg.Append($"<circle cx=\"80\" cy=\"{top + 12}\" r=\"4\" fill=\"#1f6feb\"/><text x=\"90\" y=\"{top + 16}\">fitted on the whole file</text>");
        svg.Append($"<rect x=\"76\" y=\"{top + 24}\" width=\"8\" height=\"8\" fill=\"#d9480f\"/><text x=\"90\" y=\"{top + 32}\">k-fold (each applicant unseen by its fit)</text>");
        svg.Append($"<text x=\"240\" y=\"462\" text-anchor=\"middle\" fill=\"#555\">{Escape(caption)}</text>");
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static string Escape(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");
}
