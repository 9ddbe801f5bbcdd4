using System.Globalization;
using SmartPick.Matching.Model;
using SmartPick.Matching.Stages;

namespace SmartPick.Web.Pages.Shared;

/// <summary>How pages word the engine's and the modules' codes for people.</summary>
public static class Display
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>A chance as the engine words it ("&lt;1%" rather than "0%"); a dash where there is none.</summary>
    public static string Pct(double? p) => p is { } v ? Outlook.Percent(v) : "—";

    /// <summary>
    /// A program's interview chance: one decimal below 10% (a weak profile's chances differ in tenths of a point),
    /// "&lt;0.1%" rather than "0%".
    /// </summary>
    public static string Chance(double? p) => p switch
    {
        null => "—",
        < 0.001 => "<0.1%",
        < 0.1 => (p.Value * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%",
        _ => Outlook.Percent(p.Value),
    };

    /// <summary>Dollars as people read them: "$3,945".</summary>
    public static string Usd(decimal amount) => "$" + Math.Round(amount, 0).ToString("#,0", Inv);

    /// <summary>A change in P(match) in points: "+1.2 points", "&lt;0.1 point".</summary>
    public static string Points(double delta) => Math.Abs(delta) < 0.0005 ? "<0.1 point"
        : (delta >= 0 ? "+" : "−") + Math.Abs(delta * 100).ToString("0.0", Inv) + " points";

    /// <summary>The risk level in plain words.</summary>
    public static string Risk(RiskLevel risk) => risk switch
    {
        RiskLevel.OnTrack => "On track",
        RiskLevel.Watch => "Watch",
        RiskLevel.Act => "Act now",
        _ => "None",
    };

    /// <summary>The CSS class of a risk badge.</summary>
    public static string RiskClass(RiskLevel risk) => risk switch
    {
        RiskLevel.OnTrack => "on-track",
        RiskLevel.Watch => "watch",
        RiskLevel.Act => "act",
        _ => "none",
    };

    /// <summary>The chance shown for an outlook: "Matched" once matched, else the outlook's chance.</summary>
    public static string Chance(SmartPick.Advising.Views.CandidateOutlook? outlook) => outlook switch
    {
        null => "—",
        { Stage: SeasonStage.Matched } => "Matched",
        _ => Pct(outlook.PMatch),
    };

    public static string Specialty(string? key) => key is null ? "—" : Specialties.ByKey(key)?.Name ?? Words(key);

    public static string Specialties_(IEnumerable<string> keys) => string.Join(", ", keys.Select(Specialty));

    /// <summary>"unmatched_without_new_evidence" → "Unmatched without new evidence".</summary>
    public static string Words(string? code)
    {
        if (string.IsNullOrEmpty(code)) return "";
        if (Phrases.TryGetValue(code, out var phrase)) return phrase;
        var text = " " + code.Replace('_', ' ') + " ";
        text = text.Replace(" us ", " US ", StringComparison.Ordinal)
            .Replace(" yog ", " year of graduation ", StringComparison.Ordinal)
            .Replace(" h1b ", " H-1B ", StringComparison.Ordinal)
            .Replace(" j1 ", " J-1 ", StringComparison.Ordinal)
            .Trim();
        text = text.Replace("step2ck", "Step 2 CK", StringComparison.OrdinalIgnoreCase)
            .Replace("step1", "Step 1", StringComparison.OrdinalIgnoreCase)
            .Replace("step3", "Step 3", StringComparison.OrdinalIgnoreCase)
            .Replace("usce", "USCE", StringComparison.OrdinalIgnoreCase)
            .Replace("img", "IMG", StringComparison.Ordinal);
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    /// <summary>A nudge kind as the preview's code ("rank_list") or the rules' value, in plain words.</summary>
    public static string NudgeKindWords(string? kind) => kind switch
    {
        "reapplication" => "Reapplication reminder",
        "rank_list" => "Rank list reminder",
        _ => Words(kind),
    };

    public static string NudgeKindWords(SmartPick.Nudges.Rules.NudgeKind kind) => NudgeKindWords(NudgeCode(kind));

    /// <summary>The date a nudge kind counts down to.</summary>
    public static string NudgeMilestoneWords(string? kind) => kind == "reapplication" ? "ERAS opens" : "the rank order list deadline";

    public static string NudgeMilestoneWords(SmartPick.Nudges.Rules.NudgeKind kind) => NudgeMilestoneWords(NudgeCode(kind));

    /// <summary>Where a previewed nudge stands, in the words an admin would use.</summary>
    public static string NudgeStatusWords(string? status) => status switch
    {
        "planned" => "Will be sent",
        "opted_out" => "Opted out",
        "address_suppressed" => "Address refused earlier",
        "claimed" => "Being sent",
        "sent" => "Sent",
        "failed" => "Failed",
        "suppressed" => "Address refused",
        _ => Words(status),
    };

    private static string NudgeCode(SmartPick.Nudges.Rules.NudgeKind kind) => SmartPick.Nudges.Rules.NudgeKey.KindText(kind).Replace('-', '_');

    /// <summary>Codes whose words alone would read badly.</summary>
    private static readonly Dictionary<string, string> Phrases = new(StringComparer.Ordinal)
    {
        ["older_yog"] = "Graduated several years ago",
        ["act"] = "Act now: chance well below the specialty's match rate",
    };

    /// <summary>PascalCase enum names as words ("RankListCertified" → "Rank list certified").</summary>
    public static string Enum<T>(T value) where T : struct, System.Enum
    {
        var name = value.ToString();
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i])) sb.Append(' ').Append(char.ToLowerInvariant(name[i]));
            else sb.Append(name[i]);
        }
        return sb.ToString().Replace("Step2 ck", "Step 2 CK", StringComparison.Ordinal).Replace("Step1", "Step 1", StringComparison.Ordinal)
            .Replace("Step3", "Step 3", StringComparison.Ordinal).Replace("H1b", "H-1B", StringComparison.Ordinal).Replace("J1", "J-1", StringComparison.Ordinal);
    }

    public static string TierClass(Tier tier) => tier.ToString().ToLowerInvariant();

    /// <summary>A catalog sheet column as people name it ("min_step2ck" → "Minimum Step 2 CK").</summary>
    public static string Column(string column) => column switch
    {
        "program_code" => "Program code",
        "program_name" => "Program name",
        "specialty_code" => "Specialty code",
        "program_type" => "Program type",
        "img_share" => "IMG share of residents (%)",
        "visa_j1" => "Sponsors J-1",
        "visa_h1b" => "Sponsors H-1B",
        "min_step2ck" => "Minimum Step 2 CK",
        "min_step2ck_strictness" => "Step 2 CK minimum is",
        "max_years_since_graduation" => "Most years since graduation",
        "usce_required" => "US clinical experience required",
        "min_usce_months" => "Minimum months of US clinical experience",
        "observed_on" => "Checked on",
        "nonus_img_interview_rate" => "Interview rate, non-US IMGs",
        "us_img_interview_rate" => "Interview rate, US IMGs",
        "signal_interview_rate" => "Interview rate with a signal",
        "no_signal_interview_rate" => "Interview rate without a signal",
        "evidence_source" => "Source of the interview rates",
        "evidence_observed_on" => "Interview rates observed on",
        _ => Words(column),
    };

    /// <summary>A tier as people name it.</summary>
    public static string TierName(Tier tier) => tier switch
    {
        Tier.Likely => "Best odds",
        Tier.Target => "Realistic",
        _ => "Long shot",
    };

    /// <summary>The band of interview chances a tier covers, from the engine's thresholds ("10% or more").</summary>
    public static string TierBand(Tier tier)
    {
        var ps = SmartPick.Matching.Parameters.DefaultParameters.Current;
        string P(double v) => (v * 100).ToString("0.#", Inv) + "%";
        return tier switch
        {
            Tier.Likely => $"interview chance {P(ps.TierLikelyAtLeast.Value)} or more",
            Tier.Target => $"interview chance {P(ps.TierTargetAtLeast.Value)} to {P(ps.TierLikelyAtLeast.Value)}",
            _ => $"interview chance under {P(ps.TierTargetAtLeast.Value)}",
        };
    }

    public static string Months(decimal months) => months.ToString("0.#", Inv);

    /// <summary>Months with their unit: "1 month", "2.5 months".</summary>
    public static string MonthsText(decimal months) => Months(months) + (months == 1 ? " month" : " months");

    public static string Date(DateTimeOffset at) => at.ToString("d MMM yyyy, HH:mm 'UTC'", Inv);

    public static string Date(DateOnly? on) => on?.ToString("d MMM yyyy", Inv) ?? "—";

    public static string Signed(double weight) => (weight >= 0 ? "+" : "−") + Math.Abs(weight).ToString("0.00", Inv);
}
