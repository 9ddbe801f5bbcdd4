using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartPick.Advising.CandidateFiles;

/// <summary>
/// The JSON shape of command answers (snake_case, enums as snake_case strings), the same as the host's HTTP
/// JSON. Command answers are serialized here once so an idempotent replay returns the very same bytes.
/// </summary>
internal static class AdvisingJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static string SnakeCase(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
}
