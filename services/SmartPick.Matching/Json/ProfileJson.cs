using System.Text;
using System.Text.Json;
using SmartPick.Contracts;
using SmartPick.Matching.Model;
using SmartPick.Matching.Strategy;

namespace SmartPick.Matching.Json;

/// <summary>A profile read from JSON, or the field-level reasons it could not be.</summary>
public sealed record ProfileParseResult(CandidateProfile? Profile, FieldErrors Errors)
{
    public bool IsValid => Profile is not null && !Errors.Any;
}

/// <summary>
/// The candidate profile as snake_case JSON. Omitted (or null) optional fields are unknown; omitted lists
/// are flagged in <see cref="CandidateProfile.UnknownSections"/>. Unknown fields are rejected by name.
/// </summary>
public static class ProfileJson
{
    private static readonly string[] TopFields =
    [
        "img_type", "visa_need", "year_of_graduation", "season", "exams", "usce", "letters", "research",
        "target_specialties", "preferred_states", "avoided_states", "budget", "previous_cycles", "strategy",
    ];

    public static ProfileParseResult Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            return new ProfileParseResult(null, FieldErrors.Of("$", $"not valid JSON: {e.Message}"));
        }
        using (document) return Read(document.RootElement);
    }

    /// <summary>Reads a profile from an already parsed JSON element (e.g. one property of a larger request).</summary>
    public static ProfileParseResult Read(JsonElement root)
    {
        var r = new Reader();
        if (!r.Object(root, "$", TopFields)) return new ProfileParseResult(null, r.Errors);

        var unknown = ProfileSections.None;
        List<T> List<T>(string name, ProfileSections section, Func<JsonElement, string, T?> item) where T : class
        {
            var list = r.Array(root, name, name, item);
            if (list is null) unknown |= section;
            return list ?? [];
        }

        var profile = new CandidateProfile
        {
            ImgType = r.Enum(root, "img_type", "img_type", ImgTypes),
            VisaNeed = r.Enum(root, "visa_need", "visa_need", VisaNeeds),
            YearOfGraduation = r.Int(root, "year_of_graduation", "year_of_graduation"),
            Season = r.Int(root, "season", "season"),
            Exams = List("exams", ProfileSections.Exams, (e, path) =>
            {
                if (!r.Object(e, path, ["exam", "score", "passed", "attempt"])) return null;
                var exam = r.Enum(e, "exam", path + ".exam", ExamKinds);
                if (exam is null) { r.RequireField(e, "exam", path); return null; }
                return new ExamResult(exam.Value, r.Int(e, "score", path + ".score"), r.Bool(e, "passed", path + ".passed"),
                    r.Int(e, "attempt", path + ".attempt") ?? 1);
            }),
            Usce = List("usce", ProfileSections.Usce, (e, path) =>
            {
                if (!r.Object(e, path, ["kind", "specialty", "months", "state"])) return null;
                var kind = r.Enum(e, "kind", path + ".kind", UsceKinds);
                var months = r.Decimal(e, "months", path + ".months");
                if (kind is null) r.RequireField(e, "kind", path);
                if (months is null) r.RequireField(e, "months", path);
                return kind is null || months is null ? null
                    : new UsceItem(kind.Value, r.String(e, "specialty", path + ".specialty"), months.Value, r.String(e, "state", path + ".state"));
            }),
            Letters = List("letters", ProfileSections.Letters, (e, path) =>
            {
                if (!r.Object(e, path, ["us", "specialty", "writer_role", "strength"])) return null;
                var us = r.Bool(e, "us", path + ".us");
                if (us is null) { r.RequireField(e, "us", path); return null; }
                return new LetterItem(us.Value, r.String(e, "specialty", path + ".specialty"), r.String(e, "writer_role", path + ".writer_role"),
                    r.Enum(e, "strength", path + ".strength", Strengths));
            }),
            Research = List("research", ProfileSections.Research, (e, path) =>
            {
                if (!r.Object(e, path, ["kind", "us_collaborators"])) return null;
                return new ResearchItem(r.String(e, "kind", path + ".kind") ?? "research", r.Bool(e, "us_collaborators", path + ".us_collaborators") ?? false);
            }),
            TargetSpecialties = r.Array(root, "target_specialties", "target_specialties", (e, path) => r.StringValue(e, path)) ?? [],
            PreferredStates = r.Array(root, "preferred_states", "preferred_states", (e, path) => r.StringValue(e, path)) ?? [],
            AvoidedStates = r.Array(root, "avoided_states", "avoided_states", (e, path) => r.StringValue(e, path)) ?? [],
            Budget = r.Child(root, "budget", "budget", (e, path) =>
            {
                if (!r.Object(e, path, ["applications", "dollars"])) return null;
                var applications = r.Int(e, "applications", path + ".applications");
                var dollars = r.Decimal(e, "dollars", path + ".dollars");
                if (applications is null && dollars is null)
                {
                    r.Errors.Add(path, "needs applications, dollars or both");
                    return null;
                }
                return new Budget(applications, dollars);
            }),
            PreviousCycles = List("previous_cycles", ProfileSections.PreviousCycles, (e, path) =>
            {
                if (!r.Object(e, path, ["season", "outcome", "interviews"])) return null;
                var season = r.Int(e, "season", path + ".season");
                var outcome = r.Enum(e, "outcome", path + ".outcome", Outcomes);
                if (season is null) r.RequireField(e, "season", path);
                if (outcome is null) r.RequireField(e, "outcome", path);
                return season is null || outcome is null ? null
                    : new PreviousCycle(season.Value, outcome.Value, r.Int(e, "interviews", path + ".interviews"));
            }),
            Strategy = r.Child(root, "strategy", "strategy", (e, path) =>
            {
                if (!r.Object(e, path, ["pinned_signals", "forbidden_signals", "pinned_regions", "forbidden_regions"])) return null;
                return new StrategyChoices
                {
                    PinnedSignals = r.Array(e, "pinned_signals", path + ".pinned_signals", (x, p) =>
                    {
                        if (!r.Object(x, p, ["program_code", "kind"])) return null;
                        var code = r.String(x, "program_code", p + ".program_code");
                        if (code is null) { r.RequireField(x, "program_code", p); return null; }
                        return new PinnedSignal(code, r.Enum(x, "kind", p + ".kind", SignalKinds));
                    }) ?? [],
                    ForbiddenSignals = r.Array(e, "forbidden_signals", path + ".forbidden_signals", (x, p) => r.StringValue(x, p)) ?? [],
                    PinnedRegions = r.Array(e, "pinned_regions", path + ".pinned_regions", (x, p) => r.StringValue(x, p)) ?? [],
                    ForbiddenRegions = r.Array(e, "forbidden_regions", path + ".forbidden_regions", (x, p) => r.StringValue(x, p)) ?? [],
                };
            }) ?? StrategyChoices.None,
        };
        profile = profile with { UnknownSections = unknown };
        if (r.Errors.Any) return new ProfileParseResult(null, r.Errors);
        var rangeErrors = ProfileValidation.Validate(profile);
        return rangeErrors.Any ? new ProfileParseResult(null, rangeErrors) : new ProfileParseResult(profile, new FieldErrors());
    }

    public static string Write(CandidateProfile profile) => Encoding.UTF8.GetString(WriteUtf8(profile));

    /// <summary>Canonical JSON for a profile: fixed field order, unknowns omitted, so it round-trips through <see cref="Parse"/>.</summary>
    public static byte[] WriteUtf8(CandidateProfile profile)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            if (profile.ImgType is { } t) w.WriteString("img_type", NameOf(ImgTypes, t));
            if (profile.VisaNeed is { } v) w.WriteString("visa_need", NameOf(VisaNeeds, v));
            if (profile.YearOfGraduation is { } yog) w.WriteNumber("year_of_graduation", yog);
            if (profile.Season is { } season) w.WriteNumber("season", season);
            var unknown = profile.UnknownSections;
            if (!unknown.HasFlag(ProfileSections.Exams))
                WriteArray(w, "exams", profile.Exams, e =>
                {
                    w.WriteString("exam", NameOf(ExamKinds, e.Exam));
                    if (e.Score is { } s) w.WriteNumber("score", s);
                    if (e.Passed is { } p) w.WriteBoolean("passed", p);
                    w.WriteNumber("attempt", e.Attempt);
                });
            if (!unknown.HasFlag(ProfileSections.Usce))
                WriteArray(w, "usce", profile.Usce, u =>
                {
                    w.WriteString("kind", NameOf(UsceKinds, u.Kind));
                    if (u.Specialty is not null) w.WriteString("specialty", u.Specialty);
                    w.WriteNumber("months", u.Months);
                    if (u.State is not null) w.WriteString("state", u.State);
                });
            if (!unknown.HasFlag(ProfileSections.Letters))
                WriteArray(w, "letters", profile.Letters, l =>
                {
                    w.WriteBoolean("us", l.Us);
                    if (l.Specialty is not null) w.WriteString("specialty", l.Specialty);
                    if (l.WriterRole is not null) w.WriteString("writer_role", l.WriterRole);
                    if (l.Strength is { } s) w.WriteString("strength", NameOf(Strengths, s));
                });
            if (!unknown.HasFlag(ProfileSections.Research))
                WriteArray(w, "research", profile.Research, x =>
                {
                    w.WriteString("kind", x.Kind);
                    w.WriteBoolean("us_collaborators", x.UsCollaborators);
                });
            WriteStrings(w, "target_specialties", profile.TargetSpecialties);
            WriteStrings(w, "preferred_states", profile.PreferredStates);
            WriteStrings(w, "avoided_states", profile.AvoidedStates);
            if (profile.Budget is { } b)
            {
                w.WriteStartObject("budget");
                if (b.Applications is { } n) w.WriteNumber("applications", n);
                if (b.Dollars is { } d) w.WriteNumber("dollars", d);
                w.WriteEndObject();
            }
            if (!unknown.HasFlag(ProfileSections.PreviousCycles))
                WriteArray(w, "previous_cycles", profile.PreviousCycles, c =>
                {
                    w.WriteNumber("season", c.Season);
                    w.WriteString("outcome", NameOf(Outcomes, c.Outcome));
                    if (c.Interviews is { } i) w.WriteNumber("interviews", i);
                });
            if (!profile.Strategy.IsEmpty)
            {
                var st = profile.Strategy;
                w.WriteStartObject("strategy");
                WriteArray(w, "pinned_signals", st.PinnedSignals, x =>
                {
                    w.WriteString("program_code", x.ProgramCode);
                    if (x.Kind is { } k) w.WriteString("kind", NameOf(SignalKinds, k));
                });
                WriteStrings(w, "forbidden_signals", st.ForbiddenSignals);
                WriteStrings(w, "pinned_regions", st.PinnedRegions);
                WriteStrings(w, "forbidden_regions", st.ForbiddenRegions);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        return stream.ToArray();
    }

    private static void WriteArray<T>(Utf8JsonWriter w, string name, IReadOnlyList<T> items, Action<T> writeFields)
    {
        w.WriteStartArray(name);
        foreach (var item in items)
        {
            w.WriteStartObject();
            writeFields(item);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IReadOnlyList<string> items)
    {
        w.WriteStartArray(name);
        foreach (var item in items) w.WriteStringValue(item);
        w.WriteEndArray();
    }

    internal static readonly IReadOnlyDictionary<string, ImgType> ImgTypes = new Dictionary<string, ImgType>
    { ["non_us_img"] = ImgType.NonUsImg, ["us_img"] = ImgType.UsImg };
    internal static readonly IReadOnlyDictionary<string, VisaNeed> VisaNeeds = new Dictionary<string, VisaNeed>
    { ["none"] = VisaNeed.None, ["j1"] = VisaNeed.J1, ["h1b"] = VisaNeed.H1b, ["either"] = VisaNeed.Either };
    internal static readonly IReadOnlyDictionary<string, ExamKind> ExamKinds = new Dictionary<string, ExamKind>
    { ["step1"] = ExamKind.Step1, ["step2ck"] = ExamKind.Step2Ck, ["step3"] = ExamKind.Step3 };
    internal static readonly IReadOnlyDictionary<string, UsceKind> UsceKinds = new Dictionary<string, UsceKind>
    {
        ["hands_on"] = UsceKind.HandsOn, ["externship"] = UsceKind.Externship, ["sub_internship"] = UsceKind.SubInternship,
        ["observership"] = UsceKind.Observership, ["research_clinical"] = UsceKind.ResearchClinical,
    };
    internal static readonly IReadOnlyDictionary<string, LetterStrength> Strengths = new Dictionary<string, LetterStrength>
    { ["strong"] = LetterStrength.Strong, ["standard"] = LetterStrength.Standard, ["weak"] = LetterStrength.Weak };
    internal static readonly IReadOnlyDictionary<string, CycleOutcome> Outcomes = new Dictionary<string, CycleOutcome>
    { ["matched"] = CycleOutcome.Matched, ["unmatched"] = CycleOutcome.Unmatched, ["withdrawn"] = CycleOutcome.Withdrawn };

    internal static readonly IReadOnlyDictionary<string, SignalKind> SignalKinds = new Dictionary<string, SignalKind>
    { ["gold"] = SignalKind.Gold, ["silver"] = SignalKind.Silver };

    internal static string NameOf<T>(IReadOnlyDictionary<string, T> map, T value) where T : struct, Enum =>
        map.First(kv => EqualityComparer<T>.Default.Equals(kv.Value, value)).Key;

    /// <summary>Reads typed values and collects field errors instead of throwing.</summary>
    private sealed class Reader
    {
        public FieldErrors Errors { get; } = new();

        private static string Kind(JsonValueKind kind) => kind switch
        {
            JsonValueKind.Object => "an object", JsonValueKind.Array => "an array", JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number", JsonValueKind.True or JsonValueKind.False => "a boolean", _ => "null",
        };

        public bool Object(JsonElement e, string path, IReadOnlyCollection<string> allowed)
        {
            if (e.ValueKind != JsonValueKind.Object)
            {
                Errors.Add(path, $"must be an object, got {Kind(e.ValueKind)}");
                return false;
            }
            foreach (var property in e.EnumerateObject())
                if (!allowed.Contains(property.Name))
                {
                    var field = path == "$" ? property.Name : $"{path}.{property.Name}";
                    Errors.Add(field, $"unknown field '{property.Name}'; allowed: {string.Join(", ", allowed)}");
                }
            return true;
        }

        public void RequireField(JsonElement e, string name, string path)
        {
            if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
                Errors.Add(path == "$" ? name : $"{path}.{name}", "is required");
        }

        private static bool TryGet(JsonElement e, string name, out JsonElement value) =>
            e.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

        public int? Int(JsonElement e, string name, string path)
        {
            if (!TryGet(e, name, out var v)) return null;
            if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i)) return i;
            Errors.Add(path, $"must be a whole number, got {(v.ValueKind == JsonValueKind.Number ? v.GetRawText() : Kind(v.ValueKind))}");
            return null;
        }

        public decimal? Decimal(JsonElement e, string name, string path)
        {
            if (!TryGet(e, name, out var v)) return null;
            if (v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d)) return d;
            Errors.Add(path, $"must be a number, got {Kind(v.ValueKind)}");
            return null;
        }

        public bool? Bool(JsonElement e, string name, string path)
        {
            if (!TryGet(e, name, out var v)) return null;
            if (v.ValueKind is JsonValueKind.True or JsonValueKind.False) return v.GetBoolean();
            Errors.Add(path, $"must be true or false, got {Kind(v.ValueKind)}");
            return null;
        }

        public string? String(JsonElement e, string name, string path) =>
            TryGet(e, name, out var v) ? StringValue(v, path) : null;

        public string? StringValue(JsonElement v, string path)
        {
            if (v.ValueKind == JsonValueKind.String) return v.GetString();
            Errors.Add(path, $"must be a string, got {Kind(v.ValueKind)}");
            return null;
        }

        public T? Enum<T>(JsonElement e, string name, string path, IReadOnlyDictionary<string, T> values) where T : struct
        {
            var s = String(e, name, path);
            if (s is null) return null;
            if (values.TryGetValue(s, out var value)) return value;
            Errors.Add(path, $"'{s}' is not one of {string.Join(", ", values.Keys)}");
            return null;
        }

        public T? Child<T>(JsonElement e, string name, string path, Func<JsonElement, string, T?> read) where T : class =>
            TryGet(e, name, out var v) ? read(v, path) : null;

        /// <summary>Null when the array is absent (unknown); items that fail are left out, their errors recorded.</summary>
        public List<T>? Array<T>(JsonElement e, string name, string path, Func<JsonElement, string, T?> item) where T : class
        {
            if (!TryGet(e, name, out var v)) return null;
            if (v.ValueKind != JsonValueKind.Array)
            {
                Errors.Add(path, $"must be an array, got {Kind(v.ValueKind)}");
                return null;
            }
            var list = new List<T>();
            var i = 0;
            foreach (var element in v.EnumerateArray())
            {
                if (item(element, $"{path}[{i}]") is { } value) list.Add(value);
                i++;
            }
            return list;
        }
    }
}
