using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SmartPick.Attacks;

/// <summary>One answer as the checks need it: status, content type, and the headers and body as text.</summary>
public sealed record Answer(int Status, string? ContentType, string Headers, string Body)
{
    public bool IsProblem => ContentType?.StartsWith("application/problem+json", StringComparison.OrdinalIgnoreCase) == true;

    public JsonElement Json() => JsonDocument.Parse(Body).RootElement.Clone();
}

/// <summary>Sends requests exactly as built (raw bytes, any content type, any header) and reads the whole answer.</summary>
public sealed class AttackHttp(HttpClient http)
{
    public HttpClient Client => http;

    public Task<Answer> JsonAsync(HttpMethod method, string path, string? token, JsonNode? body, CancellationToken ct = default) =>
        SendAsync(method, path, token, body is null ? null : Encoding.UTF8.GetBytes(body.ToJsonString()), body is null ? null : "application/json", null, ct);

    public async Task<Answer> SendAsync(HttpMethod method, string path, string? token, byte[]? body, string? contentType,
        IReadOnlyDictionary<string, string>? headers, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            if (contentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) request.Headers.TryAddWithoutValidation(name, value);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        var headerText = string.Join('\n', response.Headers.Concat(response.Content.Headers).Select(h => h.Key + ": " + string.Join(", ", h.Value)));
        return new Answer((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), headerText, text);
    }

    /// <summary>A JSON request that must succeed (seeding); the answer's JSON, or an exception naming the request.</summary>
    public async Task<JsonElement> MustAsync(HttpMethod method, string path, string? token, object? body = null)
    {
        var node = body is null ? null : JsonSerializer.SerializeToNode(body);
        var answer = await JsonAsync(method, path, token, node);
        if (answer.Status is < 200 or > 299) throw new InvalidOperationException($"{method} {path} answered {answer.Status}: {answer.Body}");
        return answer.Body.Length == 0 ? default : answer.Json();
    }
}
