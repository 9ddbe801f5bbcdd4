using System.Text;
using System.Text.Json;
using SmartPick.Matching.Model;

namespace SmartPick.Matching.Json;

/// <summary>
/// The ranked result as snake_case JSON. Numbers are rounded (p and P(match) to 4 decimals, weights to 3)
/// and written in a fixed order, so the same result always gives the same bytes.
/// </summary>
public static class RankResultJson
{
    /// <summary>
    /// Writes the result. <paramref name="maxPrograms"/> and <paramref name="maxExcluded"/> limit the listed
    /// programs (best first) and excluded programs; null lists all. Totals and counts by reason are always complete.
    /// </summary>
    public static byte[] WriteUtf8(RankResult result, int? maxPrograms = null, int? maxExcluded = null)
    {
        using var stream = new MemoryStream();
        Write(stream, result, maxPrograms, maxExcluded);
        return stream.ToArray();
    }

    public static string Write(RankResult result, int? maxPrograms = null, int? maxExcluded = null) =>
        Encoding.UTF8.GetString(WriteUtf8(result, maxPrograms, maxExcluded));

    public static void Write(Stream stream, RankResult result, int? maxPrograms = null, int? maxExcluded = null)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();

        w.WriteStartArray("programs");
        var count = Math.Min(result.Programs.Count, maxPrograms ?? int.MaxValue);
        for (var i = 0; i < count; i++)
        {
            var p = result.Programs[i];
            w.WriteStartObject();
            w.WriteString("program_code", p.ProgramCode);
            w.WriteString("program_name", p.ProgramName);
            w.WriteString("state", p.State);
            w.WriteNumber("p", Math.Round(p.P, 4));
            w.WriteString("tier", TierName(p.Tier));
            w.WriteString("p_basis", p.Basis == PBasis.Observed ? "observed" : "estimated");
            WriteReasons(w, p.Reasons);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteNumber("programs_total", result.Programs.Count);

        w.WriteStartArray("excluded");
        foreach (var e in result.Excluded.Take(maxExcluded ?? int.MaxValue))
        {
            w.WriteStartObject();
            w.WriteString("program_code", e.ProgramCode);
            w.WriteString("program_name", e.ProgramName);
            WriteReasons(w, e.Reasons, withWeight: false);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteNumber("excluded_total", result.Excluded.Count);

        w.WriteStartObject("excluded_counts");
        var counts = result.ExcludedCountsByReason.Count > 0
            ? result.ExcludedCountsByReason
            : result.Excluded.SelectMany(e => e.Reasons).GroupBy(r => r.Code).ToDictionary(g => g.Key, g => g.Count());
        foreach (var (code, n) in counts.OrderBy(kv => kv.Key, StringComparer.Ordinal)) w.WriteNumber(code, n);
        w.WriteEndObject();

        w.WriteStartArray("curve");
        foreach (var c in result.Curve)
        {
            w.WriteStartObject();
            w.WriteNumber("n", c.N);
            w.WriteNumber("p_match", Math.Round(c.PMatch, 4));
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteNumber("recommended_applications", result.RecommendedApplications);
        w.WriteNumber("p_match_at_recommended", Math.Round(result.PMatchAtRecommended, 4));

        w.WriteStartArray("risk_factors");
        foreach (var r in result.RiskFactors) w.WriteStringValue(r);
        w.WriteEndArray();

        w.WriteStartArray("advice");
        foreach (var a in result.Advice)
        {
            w.WriteStartObject();
            w.WriteString("code", a.Code);
            w.WriteString("message", a.Message);
            w.WriteString("trigger", a.Trigger);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartObject("versions");
        w.WriteString("engine", result.Versions.Engine);
        w.WriteString("parameters", result.Versions.Parameters);
        w.WriteString("catalog", result.Versions.Catalog);
        w.WriteEndObject();

        w.WriteEndObject();
    }

    public static string TierName(Tier tier) => tier switch
    {
        Tier.Likely => "likely",
        Tier.Target => "target",
        _ => "reach",
    };

    private static void WriteReasons(Utf8JsonWriter w, IReadOnlyList<Reason> reasons, bool withWeight = true)
    {
        w.WriteStartArray("reasons");
        foreach (var r in reasons)
        {
            w.WriteStartObject();
            w.WriteString("code", r.Code);
            w.WriteString("message", r.Message);
            if (withWeight) w.WriteNumber("weight", Math.Round(r.Weight, 3));
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
