using SmartPick.Contracts;
using SmartPick.Matching.Model;

namespace SmartPick.Advising.CandidateFiles;

/// <summary>Field rules of a candidate's profile shared by several commands, so every route says the same thing about the same field.</summary>
internal static class ProfileFieldRules
{
    /// <summary>
    /// The specialties a stored event names, without blank elements: the commands refuse them now, but a file may hold
    /// an event recorded before they did (an empty form choice), and reading it must not fail.
    /// </summary>
    public static List<string> Named(IEnumerable<string?> keys) => [.. keys.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k!)];

    public static FieldErrors KnownSpecialty(this FieldErrors errors, string field, string? key)
        => key is not null && !Specialties.IsKnown(key) ? errors.Add(field, $"'{FieldErrors.Clip(key)}' is not a known specialty") : errors;

    public static FieldErrors KnownState(this FieldErrors errors, string field, string? code)
        => code is not null && !UsStates.IsKnown(code) ? errors.Add(field, $"'{FieldErrors.Clip(code)}' is not a US state code") : errors;

    public static FieldErrors SpecialtyKeys(this FieldErrors errors, string field, IReadOnlyList<string>? keys, bool required)
    {
        if (keys is null || keys.Count == 0) return required ? errors.Add(field, "needs at least one specialty") : errors;
        if (keys.Count > 20) return errors.Add(field, "must list at most 20 specialties");
        // A missing element is not "no value": a form's empty choice binds to one, and it names no specialty.
        for (var i = 0; i < keys.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(keys[i])) errors.Add($"{field}[{i}]", "must name a specialty, not be empty");
            else errors.KnownSpecialty($"{field}[{i}]", keys[i]);
        }
        if (keys.Distinct(StringComparer.Ordinal).Count() != keys.Count) errors.Add(field, "must not repeat a specialty");
        return errors;
    }

    public static FieldErrors States(this FieldErrors errors, string field, IReadOnlyList<string>? codes)
    {
        if (codes is null) return errors;
        if (codes.Count > UsStates.All.Count) return errors.Add(field, "lists too many states");
        for (var i = 0; i < codes.Count; i++) errors.KnownState($"{field}[{i}]", codes[i]);
        return errors;
    }
}
