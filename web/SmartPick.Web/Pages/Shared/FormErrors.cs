using SmartPick.Contracts;

namespace SmartPick.Web.Pages.Shared;

/// <summary>
/// Field-level messages for a form, keyed by the form field's name. Modules say what is wrong in
/// <see cref="FieldErrors"/>, keyed by snake_case JSON paths (<c>exams.score</c>); <c>From</c> maps them onto the
/// page's field names.
/// </summary>
public sealed class FormErrors
{
    private readonly Dictionary<string, List<string>> _byField = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _general = [];

    public bool Any => _byField.Count > 0 || _general.Count > 0;
    public IReadOnlyList<string> General => _general;
    public IEnumerable<KeyValuePair<string, List<string>>> Fields => _byField;

    public FormErrors Add(string field, string message)
    {
        if (!_byField.TryGetValue(field, out var list)) _byField[field] = list = [];
        list.Add(message);
        return this;
    }

    public FormErrors AddGeneral(string message)
    {
        _general.Add(message);
        return this;
    }

    public IReadOnlyList<string> For(string field) => _byField.TryGetValue(field, out var list) ? list : [];

    public bool Has(string field) => _byField.ContainsKey(field);

    /// <summary>
    /// Takes a module's errors; <paramref name="fieldFor"/> turns a JSON path into the form field that shows it
    /// (unmapped paths fall back to the last path segment, then to the general list).
    /// </summary>
    public static FormErrors From(IDictionary<string, string[]> errors, IReadOnlyDictionary<string, string> fieldFor, IEnumerable<string> formFields)
    {
        var result = new FormErrors();
        var known = new HashSet<string>(formFields, StringComparer.OrdinalIgnoreCase);
        foreach (var (path, messages) in errors)
        {
            var field = fieldFor.TryGetValue(path, out var mapped) ? mapped
                : known.Contains(path) ? path
                : LastSegment(path) is { } last && known.Contains(last) ? last
                : null;
            foreach (var message in messages)
            {
                if (field is null) result.AddGeneral($"{Humanize(path)} {message}");
                else result.Add(field, Sentence(Humanize(LastSegment(path) ?? path), message));
            }
        }
        return result;
    }

    /// <summary>Takes a module's <see cref="FieldErrors"/>, mapped as by the dictionary overload.</summary>
    public static FormErrors From(FieldErrors errors, IReadOnlyDictionary<string, string> fieldFor, IEnumerable<string> formFields)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return From(errors.ToDictionary(), fieldFor, formFields);
    }

    /// <summary>Takes a module's <see cref="FieldErrors"/> on fields named as the module names them.</summary>
    public static FormErrors From(FieldErrors errors, IEnumerable<string> formFields) => From(errors, NoMapping, formFields);

    private static readonly IReadOnlyDictionary<string, string> NoMapping = new Dictionary<string, string>();

    /// <summary>"score" + "must be between 1 and 300" → "Score must be between 1 and 300."</summary>
    public static string Sentence(string subject, string message)
    {
        var text = message.Length > 0 && char.IsUpper(message[0]) ? message : $"{Capitalize(subject)} {message}";
        return text.EndsWith('.') ? text : text + ".";
    }

    private static string? LastSegment(string path)
    {
        var dot = path.LastIndexOf('.');
        var segment = dot >= 0 ? path[(dot + 1)..] : path;
        var bracket = segment.IndexOf('[', StringComparison.Ordinal);
        return bracket >= 0 ? segment[..bracket] : segment;
    }

    private static string Humanize(string path) => path.Replace('_', ' ').Replace('.', ' ');

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
