using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SmartPick.Attacks;

/// <summary>One parameter of an operation: its name, where it goes (path or query) and its schema's type and format.</summary>
public sealed record ApiParameter(string Name, string In, string? Type, string? Format);

/// <summary>A body field: its JSON path below the body (<c>exam.score</c>, <c>target_specialties[0]</c>) and its schema.</summary>
public sealed record ApiField(string Path, JsonElement Schema);

/// <summary>One operation of the OpenAPI document, with a body that passes its schema's shape when it takes JSON.</summary>
public sealed record ApiOperation(string Method, string Template, IReadOnlyList<ApiParameter> Parameters, bool TakesJson,
    JsonElement? BodySchema, IReadOnlyList<ApiField> Fields)
{
    public IEnumerable<ApiParameter> PathParameters => Parameters.Where(p => p.In == "path");
    public bool IsWrite => Method is "POST" or "PUT" or "PATCH" or "DELETE";
    public override string ToString() => $"{Method} {Template}";
}

/// <summary>
/// The app's HTTP surface as its own OpenAPI document describes it (<c>/openapi/v1.json</c>): every operation, its
/// path and query parameters, and for a JSON body its fields and a sample body built from the schema (enums take
/// their first value; a field name the product knows gets a value it accepts, so a sample usually reaches the
/// handler rather than stopping at validation).
/// </summary>
public sealed class ApiSurface
{
    private readonly JsonElement _schemas;

    private ApiSurface(JsonElement document, IReadOnlyList<ApiOperation> operations)
    {
        _schemas = document.TryGetProperty("components", out var c) && c.TryGetProperty("schemas", out var s) ? s : default;
        Operations = operations;
    }

    public IReadOnlyList<ApiOperation> Operations { get; }

    public static async Task<ApiSurface> LoadAsync(HttpClient http, CancellationToken ct = default)
    {
        using var response = await http.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), ct);
        response.EnsureSuccessStatusCode();
        return Parse(await response.Content.ReadAsStringAsync(ct));
    }

    public static ApiSurface Parse(string json)
    {
        var document = JsonDocument.Parse(json).RootElement.Clone();
        var schemas = document.TryGetProperty("components", out var c) && c.TryGetProperty("schemas", out var s) ? s : default;
        var operations = new List<ApiOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var op in path.Value.EnumerateObject())
            {
                if (op.Name == "parameters") continue;
                var parameters = new List<ApiParameter>();
                if (op.Value.TryGetProperty("parameters", out var ps))
                {
                    foreach (var p in ps.EnumerateArray())
                    {
                        var schema = p.TryGetProperty("schema", out var ss) ? ss : default;
                        parameters.Add(new ApiParameter(p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!,
                            TypeOf(schema), schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out var f) ? f.GetString() : null));
                    }
                }
                JsonElement? body = null;
                var takesJson = false;
                if (op.Value.TryGetProperty("requestBody", out var rb) && rb.TryGetProperty("content", out var content)
                    && content.TryGetProperty("application/json", out var media))
                {
                    takesJson = true;
                    if (media.TryGetProperty("schema", out var bs)) body = bs;
                }
                var fields = new List<ApiField>();
                if (body is { } b) CollectFields(schemas, b, "", fields, 0);
                operations.Add(new ApiOperation(op.Name.ToUpperInvariant(), path.Name, parameters, takesJson, body, fields));
            }
        }
        return new ApiSurface(document, operations);
    }

    /// <summary>A body that has the shape the schema asks for, with plausible values.</summary>
    public JsonNode? SampleBody(ApiOperation operation) =>
        Overrides.TryGetValue(operation.ToString(), out var known) ? JsonNode.Parse(known)
        : operation.BodySchema is { } schema ? Sample(_schemas, schema, "", 0) : null;

    /// <summary>Bodies whose valid values the schema cannot tell (free-text codes, dates that must keep an order).</summary>
    private static readonly Dictionary<string, string> Overrides = new(StringComparer.Ordinal)
    {
        ["POST /api/candidates/{id}/exams"] = """{"exams":{"exam":"step2ck","score":231,"passed":true},"taken_on":"2024-01-10"}""",
        ["POST /api/candidates/{id}/exams/{examId}/correction"] = """{"score":232,"reason":"score report reissued"}""",
        ["POST /api/candidates/{id}/research"] = """{"research":{"kind":"qi","us_collaborators":true},"title":"A QI project"}""",
        ["POST /api/candidates/{id}/usce"] = """{"usce":{"kind":"hands_on","specialty":"internal_medicine","months":2,"state":"TX"},"institution":"Community Hospital"}""",
        ["POST /api/candidates/{id}/letters"] = """{"letters":{"us":true,"specialty":"internal_medicine","writer_role":"attending","strength":"strong"}}""",
        ["POST /api/candidates/{id}/what-if"] = """{"changes":[{"code":"pass_step3"}]}""",
        ["POST /api/candidates/{id}/cycles/{season}/outcome"] = """{"outcome":"unmatched"}""",
        ["POST /api/candidates/{id}/cycles/{season}/interviews"] = """{"program_code":"P1"}""",
        ["PUT /api/org/calendar/{season}"] = """{"eras_opens_at":"2025-06-04T09:00:00-04:00","submission_opens_at":"2025-09-03T09:00:00-04:00","program_review_starts_at":"2025-09-24T09:00:00-04:00","ranking_opens_at":"2026-02-01T12:00:00-05:00","rank_order_list_deadline":"2026-03-04T21:00:00-05:00","match_week_starts_at":"2026-03-16T12:00:00-04:00","match_day_at":"2026-03-20T12:00:00-04:00"}""",
    };

    /// <summary>The schema's type, ignoring <c>null</c> in a type list (<c>["null", "string"]</c> is "string").</summary>
    private static string? TypeOf(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("type", out var type)) return null;
        if (type.ValueKind == JsonValueKind.String) return type.GetString();
        var types = type.EnumerateArray().Select(t => t.GetString()).Where(t => t != "null").ToList();
        // int-like fields are ["null", "integer", "string"]: they are integers.
        return types.Contains("integer") ? "integer" : types.Contains("number") ? "number" : types.FirstOrDefault();
    }

    /// <summary>Follows <c>$ref</c> and unwraps <c>oneOf [null, X]</c> to X.</summary>
    private static JsonElement Resolve(JsonElement schemas, JsonElement schema)
    {
        for (var i = 0; i < 10 && schema.ValueKind == JsonValueKind.Object; i++)
        {
            if (schema.TryGetProperty("$ref", out var r) && schemas.ValueKind == JsonValueKind.Object)
            {
                var name = r.GetString()!.Split('/')[^1];
                if (!schemas.TryGetProperty(name, out schema)) return default;
                continue;
            }
            if (schema.TryGetProperty("oneOf", out var oneOf) || schema.TryGetProperty("anyOf", out oneOf))
            {
                var candidate = oneOf.EnumerateArray().FirstOrDefault(o => !(o.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null"));
                if (candidate.ValueKind != JsonValueKind.Object) return default;
                schema = candidate;
                continue;
            }
            break;
        }
        return schema;
    }

    private static void CollectFields(JsonElement schemas, JsonElement schema, string prefix, List<ApiField> fields, int depth)
    {
        schema = Resolve(schemas, schema);
        if (depth > 4 || schema.ValueKind != JsonValueKind.Object) return;
        if (schema.TryGetProperty("properties", out var properties))
        {
            foreach (var p in properties.EnumerateObject())
            {
                var path = prefix.Length == 0 ? p.Name : prefix + "." + p.Name;
                var resolved = Resolve(schemas, p.Value);
                fields.Add(new ApiField(path, resolved));
                CollectFields(schemas, resolved, path, fields, depth + 1);
            }
        }
        else if (TypeOf(schema) == "array" && schema.TryGetProperty("items", out var items))
        {
            CollectFields(schemas, items, prefix + "[0]", fields, depth + 1);
        }
    }

    private static JsonNode? Sample(JsonElement schemas, JsonElement schema, string name, int depth)
    {
        if (KnownValue(name) is { } known) return known;
        schema = Resolve(schemas, schema);
        if (schema.ValueKind != JsonValueKind.Object || depth > 6) return null;
        if (schema.TryGetProperty("enum", out var values)) return JsonValue.Create(values.EnumerateArray().First().ToString());
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        switch (TypeOf(schema))
        {
            case "object" or null when schema.TryGetProperty("properties", out var properties):
                var obj = new JsonObject();
                foreach (var p in properties.EnumerateObject()) obj[p.Name] = Sample(schemas, p.Value, p.Name, depth + 1);
                return obj;
            case "array":
                var item = schema.TryGetProperty("items", out var items) ? Sample(schemas, items, Singular(name), depth + 1) : null;
                return item is null ? new JsonArray() : new JsonArray(item);
            case "integer": return JsonValue.Create(format == "int64" ? 0 : 1);
            case "number": return JsonValue.Create(0.5);
            case "boolean": return JsonValue.Create(true);
            case "string":
                return format switch
                {
                    "uuid" => JsonValue.Create(Guid.NewGuid()),
                    "date" => JsonValue.Create("2024-03-01"),
                    "date-time" => JsonValue.Create("2025-06-01T12:00:00Z"),
                    _ => JsonValue.Create("probe"),
                };
            default: return null;
        }
    }

    private static string Singular(string name) => name.EndsWith('s') ? name[..^1] : name;

    /// <summary>Values the product's validators accept for fields it names the same way everywhere.</summary>
    private static JsonNode? KnownValue(string name) => name switch
    {
        "expected_version" => null,
        "email" or "sender_email" => JsonValue.Create($"probe-{Guid.NewGuid():N}@example.org"),
        "specialty" or "specialty_code" or "target_specialtie" => JsonValue.Create("internal_medicine"),
        "state" or "preferred_state" or "avoided_state" => JsonValue.Create("TX"),
        "season" => JsonValue.Create(2026),
        "score" => JsonValue.Create(231),
        "year_of_graduation" => JsonValue.Create(2019),
        "medical_school_country" => JsonValue.Create("India"),
        "time_zone" => JsonValue.Create("America/New_York"),
        "months" => JsonValue.Create(2),
        "count" => JsonValue.Create(40),
        "programs_ranked" => JsonValue.Create(12),
        "role" => JsonValue.Create("advisor"),
        "slug" => JsonValue.Create("p" + Guid.NewGuid().ToString("N")[..12]),
        "password" => JsonValue.Create("Probe-Password-2026!"),
        "applications" => JsonValue.Create(60),
        _ => null,
    };

    /// <summary>Replaces the value at <paramref name="path"/> (as <see cref="ApiField.Path"/> names it), creating parents.</summary>
    public static JsonNode Set(JsonNode body, string path, JsonNode? value)
    {
        var parts = path.Replace("[0]", ".[0]", StringComparison.Ordinal).Split('.');
        var node = body;
        for (var i = 0; i < parts.Length; i++)
        {
            var last = i == parts.Length - 1;
            var part = parts[i];
            if (part == "[0]")
            {
                if (node is not JsonArray array) return body;
                if (array.Count == 0) array.Add(last ? null : new JsonObject());
                if (last) array[0] = value;
                else node = array[0] ??= new JsonObject();
            }
            else
            {
                if (node is not JsonObject obj) return body;
                if (last) obj[part] = value;
                else
                {
                    var next = obj[part];
                    if (next is null)
                    {
                        next = parts[i + 1] == "[0]" ? new JsonArray() : new JsonObject();
                        obj[part] = next;
                    }
                    node = next;
                }
            }
        }
        return body;
    }

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
