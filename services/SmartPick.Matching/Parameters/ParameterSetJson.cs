using System.Text.Json;

namespace SmartPick.Matching.Parameters;

/// <summary>A parameter set as JSON: what <c>calibrate</c> writes and <c>rank</c>/<c>evaluate</c> read with <c>--parameters</c>.</summary>
public static class ParameterSetJson
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static string Write(ParameterSet ps) => JsonSerializer.Serialize(ps, Options);

    /// <summary>Reads a parameter set; null with the reason when the JSON is not one.</summary>
    public static ParameterSet? Read(string json, out string? error)
    {
        try
        {
            var ps = JsonSerializer.Deserialize<ParameterSet>(json, Options);
            error = ps is null ? "the file holds no parameter set" : null;
            return ps;
        }
        catch (JsonException e)
        {
            error = e.Message;
            return null;
        }
    }
}
