using System.Globalization;

namespace SmartPick.Web.Pages.Shared;

/// <summary>Reads typed text into values, with a message a person can act on when it cannot be read.</summary>
public static class FormParse
{
    /// <summary>A pass/fail choice: "true", "false", or empty for "not stated"; anything else is not one of the choices.</summary>
    public static bool? PassFail(FormErrors errors, string field, string? text, string label)
    {
        switch (text?.Trim())
        {
            case null or "": return null;
            case "true": return true;
            case "false": return false;
            default:
                errors.Add(field, $"{label}: choose one of the choices offered.");
                return null;
        }
    }

    public static int? Int(FormErrors errors, string field, string? text, string label)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)) return v;
        errors.Add(field, $"{label} must be a whole number.");
        return null;
    }

    public static decimal? Dec(FormErrors errors, string field, string? text, string label)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var v)) return v;
        errors.Add(field, $"{label} must be a number, such as 3 or 1.5.");
        return null;
    }

    /// <summary>A share from 0 to 1 (0.03 is 3%); a percent sign gets its own message, since that is the usual slip.</summary>
    public static decimal? Share(FormErrors errors, string field, string? text, string label)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var trimmed = text.Trim();
        if (trimmed.EndsWith('%'))
        {
            errors.Add(field, $"{label} must be a share from 0 to 1, not a percent: write 0.03 for 3%.");
            return null;
        }
        if (decimal.TryParse(trimmed, NumberStyles.Number, CultureInfo.InvariantCulture, out var v)) return v;
        errors.Add(field, $"{label} must be a share from 0 to 1, such as 0.03 for 3%.");
        return null;
    }

    public static DateOnly? Date(FormErrors errors, string field, string? text, string label)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var v)) return v;
        errors.Add(field, $"{label} must be a date (year-month-day).");
        return null;
    }

    public static TEnum? Enum<TEnum>(FormErrors errors, string field, string? text, string label) where TEnum : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (System.Enum.TryParse<TEnum>(text, ignoreCase: false, out var v) && System.Enum.IsDefined(v)) return v;
        errors.Add(field, $"Choose a {label.ToLowerInvariant()} from the list.");
        return null;
    }

    public static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static List<string> Codes(string? text) => string.IsNullOrWhiteSpace(text)
        ? []
        : text.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => s.ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();
}
