using System.Text;
using System.Text.Json;
using SmartPick.Matching.Model;
using SmartPick.Matching.Strategy;

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
            if (p.Signal is { } signal) w.WriteString("signal", SignalName(signal));
            if (p.InNamedRegion) w.WriteBoolean("in_named_region", true);
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
        var costs = result.Plan?.CurveCosts;
        for (var i = 0; i < result.Curve.Count; i++)
        {
            var c = result.Curve[i];
            w.WriteStartObject();
            w.WriteNumber("n", c.N);
            w.WriteNumber("p_match", Math.Round(c.PMatch, 4));
            if (costs is not null && i < costs.Count && costs[i].N == c.N)
            {
                w.WriteNumber("cost_usd", costs[i].CostUsd);
                // What the last step bought per $100: the curve read against money.
                if (i > 0 && costs[i].CostUsd > costs[i - 1].CostUsd)
                    w.WriteNumber("gain_per_100_usd", Math.Round((c.PMatch - result.Curve[i - 1].PMatch) * 100 / (double)(costs[i].CostUsd - costs[i - 1].CostUsd), 5));
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteNumber("recommended_applications", result.RecommendedApplications);
        w.WriteNumber("p_match_at_recommended", Math.Round(result.PMatchAtRecommended, 4));

        WriteStrings(w, "risk_factors", result.RiskFactors);

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

        if (result.Plan is { } plan) WritePlan(w, plan);
        if (result.Unlock is { } unlock)
        {
            w.WriteStartArray("unlock");
            foreach (var u in unlock)
            {
                w.WriteStartObject();
                w.WriteString("change", u.Change);
                w.WriteString("message", u.Message);
                w.WriteNumber("opens", u.Opens);
                WriteStrings(w, "programs", u.Programs);
                w.WriteNumber("closes", u.Closes);
                WriteStrings(w, "closed_programs", u.ClosedPrograms);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }

        w.WriteStartObject("versions");
        w.WriteString("engine", result.Versions.Engine);
        w.WriteString("parameters", result.Versions.Parameters);
        w.WriteString("catalog", result.Versions.Catalog);
        w.WriteEndObject();

        w.WriteEndObject();
    }

    private static void WritePlan(Utf8JsonWriter w, StrategyPlan plan)
    {
        w.WriteStartObject("plan");
        w.WriteStartObject("cost_usd");
        w.WriteNumber("eras", plan.Cost.Eras);
        w.WriteNumber("token", plan.Cost.Token);
        w.WriteNumber("transcript", plan.Cost.Transcript);
        w.WriteNumber("nrmp", plan.Cost.Nrmp);
        w.WriteNumber("total", plan.Cost.Total);
        w.WriteEndObject();
        w.WriteNumber("expected_ranks", plan.Cost.ExpectedRanks);
        w.WriteStartArray("by_specialty");
        foreach (var s in plan.BySpecialty)
        {
            w.WriteStartObject();
            w.WriteString("specialty", s.Specialty);
            w.WriteNumber("applications", s.Applications);
            w.WriteNumber("eras_usd", s.Eras);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("signals");
        foreach (var s in plan.Signals)
        {
            w.WriteStartObject();
            w.WriteString("program_code", s.ProgramCode);
            w.WriteString("program_name", s.ProgramName);
            w.WriteString("specialty", s.Specialty);
            w.WriteString("kind", SignalName(s.Kind));
            w.WriteNumber("p_without", Math.Round(s.PWithout, 4));
            w.WriteNumber("p_with", Math.Round(s.PWith, 4));
            w.WriteNumber("interview_gain", Math.Round(s.InterviewGain, 4));
            w.WriteNumber("p_match_gain", Math.Round(s.PMatchGain, 4));
            w.WriteString("effect_basis", s.ObservedEffect ? "observed" : "prior");
            if (s.Pinned) w.WriteBoolean("pinned", true);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        WriteStrings(w, "regions", plan.Regions.Select(r => r.Key));
        w.WriteStartArray("region_details");
        foreach (var r in plan.Regions)
        {
            w.WriteStartObject();
            w.WriteString("key", r.Key);
            w.WriteString("name", r.Name);
            w.WriteNumber("programs", r.Programs);
            w.WriteNumber("p_match_gain", Math.Round(r.PMatchGain, 4));
            if (r.Pinned) w.WriteBoolean("pinned", true);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteNumber("fee_schedule", plan.FeeSchedule);
        if (plan.BudgetDollars is { } d) w.WriteNumber("budget_usd", d);
        if (plan.ApplicationsAffordable is { } a) w.WriteNumber("applications_affordable", a);
        w.WriteBoolean("split", plan.IsSplit);
        w.WriteEndObject();
    }

    public static string SignalName(SignalKind kind) => kind == SignalKind.Gold ? "gold" : "silver";

    public static string TierName(Tier tier) => tier switch
    {
        Tier.Likely => "likely",
        Tier.Target => "target",
        _ => "reach",
    };

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

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
