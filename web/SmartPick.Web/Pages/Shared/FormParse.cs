using System.Globalization;

namespace SmartPick.Web.Pages.Shared;

/// <summary>Reads typed text into values, with a message a person can act on when it cannot be read.</summary>
public static class FormParse
{
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
