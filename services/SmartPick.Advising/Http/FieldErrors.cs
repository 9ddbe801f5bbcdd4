using SmartPick.Matching.Model;

namespace SmartPick.Advising.Http;

/// <summary>
/// Field-level input errors keyed by the snake_case JSON field, as in ValidationProblemDetails.errors.
/// The rules shared by several commands live here so every route says the same thing about the same field.
/// </summary>
public sealed class FieldErrors
{
    private readonly SortedDictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public FieldErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
        return this;
    }

    public bool Has(string field) => _errors.ContainsKey(field);

    public IDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(x => x.Key, x => x.Value.ToArray());

    public FieldErrors Required(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) return Add(field, "is required");
        return MaxLength(field, value, maxLength);
    }

    public FieldErrors MaxLength(string field, string? value, int maxLength)
        => value is not null && value.Length > maxLength ? Add(field, $"must be at most {maxLength} characters") : this;

    public FieldErrors Range(string field, int? value, int min, int max)
        => value is { } v && (v < min || v > max) ? Add(field, $"must be between {min} and {max}") : this;

    public FieldErrors Range(string field, decimal? value, decimal min, decimal max)
        => value is { } v && (v < min || v > max) ? Add(field, $"must be between {min} and {max}") : this;

    public FieldErrors NotInFuture(string field, DateOnly? value, DateOnly today)
        => value is { } d && d > today ? Add(field, "must not be in the future") : this;

    public FieldErrors Defined<TEnum>(string field, TEnum? value) where TEnum : struct, Enum
        => value is { } v && !Enum.IsDefined(v) ? Add(field, "is not a known value") : this;

    public FieldErrors KnownSpecialty(string field, string? key)
        => key is not null && !Specialties.IsKnown(key) ? Add(field, $"'{Clip(key)}' is not a known specialty") : this;

    public FieldErrors KnownState(string field, string? code)
        => code is not null && !UsStates.IsKnown(code) ? Add(field, $"'{Clip(code)}' is not a US state code") : this;

    public FieldErrors SpecialtyKeys(string field, IReadOnlyList<string>? keys, bool required)
    {
        if (keys is null || keys.Count == 0) return required ? Add(field, "needs at least one specialty") : this;
        if (keys.Count > 20) return Add(field, "must list at most 20 specialties");
        for (var i = 0; i < keys.Count; i++) KnownSpecialty($"{field}[{i}]", keys[i]);
        if (keys.Distinct(StringComparer.Ordinal).Count() != keys.Count) Add(field, "must not repeat a specialty");
        return this;
    }

    public FieldErrors States(string field, IReadOnlyList<string>? codes)
    {
        if (codes is null) return this;
        if (codes.Count > UsStates.All.Count) return Add(field, "lists too many states");
        for (var i = 0; i < codes.Count; i++) KnownState($"{field}[{i}]", codes[i]);
        return this;
    }

    /// <summary>Echoed values are clipped so a huge input never comes back in the error.</summary>
    private static string Clip(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
