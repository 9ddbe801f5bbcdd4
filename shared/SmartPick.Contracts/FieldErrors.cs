using Microsoft.AspNetCore.Http;

namespace SmartPick.Contracts;

/// <summary>
/// What is wrong with an input, field by field, keyed by the snake_case JSON path (<c>exam.score</c>,
/// <c>preferred_states[2]</c>) as in <c>ValidationProblemDetails.errors</c>. Every module and page speaks this one
/// type: endpoints answer it with <see cref="ToProblem"/>, pages map it onto their form fields.
/// </summary>
public sealed class FieldErrors
{
    public const string Title = "The request has invalid fields";

    private readonly SortedDictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> Fields
        => _errors.Select(x => new KeyValuePair<string, IReadOnlyList<string>>(x.Key, x.Value));

    public static FieldErrors Of(string field, string message) => new FieldErrors().Add(field, message);

    public static FieldErrors From(IEnumerable<KeyValuePair<string, string[]>> errors)
    {
        var result = new FieldErrors();
        foreach (var (field, messages) in errors) foreach (var m in messages) result.Add(field, m);
        return result;
    }

    public FieldErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
        return this;
    }

    /// <summary>Adds <paramref name="message"/> unless <paramref name="ok"/> holds.</summary>
    public FieldErrors Check(bool ok, string field, string message) => ok ? this : Add(field, message);

    public FieldErrors AddAll(FieldErrors other)
    {
        foreach (var (field, messages) in other._errors) foreach (var m in messages) Add(field, m);
        return this;
    }

    public bool Has(string field) => _errors.ContainsKey(field);

    public IReadOnlyList<string> For(string field) => _errors.TryGetValue(field, out var list) ? list : [];

    public IDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(x => x.Key, x => x.Value.ToArray());

    /// <summary>The one HTTP answer to invalid input: 400 with field-level problem details.</summary>
    public IResult ToProblem(string title = Title) => Results.ValidationProblem(ToDictionary(), title: title);

    public override string ToString() => string.Join("; ", _errors.SelectMany(x => x.Value.Select(m => $"{x.Key}: {m}")));

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

    /// <summary>Echoed values are clipped so a huge input never comes back in an error.</summary>
    public static string Clip(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
