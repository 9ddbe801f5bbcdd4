using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace SmartPick.Web.Infrastructure;

/// <summary>
/// The one gate every request passes before its endpoint: query strings, route values, form fields and JSON
/// bodies are checked against <see cref="AcceptedText"/>, and a JSON body is read once with the host's own
/// serializer settings into the type its endpoint takes (Wolverine and minimal APIs alike). Whatever does not
/// pass is answered 400 with field-level problem details (<c>errors</c> keyed by the snake_case path, such as
/// <c>exam.score</c> or <c>target_specialties[1]</c>); a page gets the same list as an HTML form error. Nothing
/// that fails here reaches a handler or the database, and no answer names a .NET type.
/// </summary>
public sealed class InputGateMiddleware(RequestDelegate next, IOptions<HttpJsonOptions> json)
{
    /// <summary>The key of errors about the body as a whole (not valid JSON, <c>null</c>, missing).</summary>
    public const string BodyField = "body";

    public async Task InvokeAsync(HttpContext context)
    {
        var errors = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        var request = context.Request;

        foreach (var (key, values) in request.Query)
        {
            if (!AcceptedText.IsAccepted(key, lineBreaks: false)) Add(errors, "query", AcceptedText.RefusedMessage);
            else if (values.Any(v => v is not null && !AcceptedText.IsAccepted(v, lineBreaks: false))) Add(errors, key, AcceptedText.RefusedMessage);
        }
        foreach (var (key, value) in request.RouteValues)
        {
            if (value is string s && !AcceptedText.IsAccepted(s, lineBreaks: false)) Add(errors, key, AcceptedText.RefusedMessage);
        }

        if (errors.Count == 0 && request.HasFormContentType)
        {
            await CheckFormAsync(context, errors);
        }
        else if (errors.Count == 0 && (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method))
                 && IsJson(request.ContentType) && context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>() is { RequestType: { } bodyType })
        {
            await CheckJsonBodyAsync(context, bodyType, errors);
        }

        if (errors.Count == 0)
        {
            await next(context);
            return;
        }
        var byField = errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
        if (IsApi(request))
        {
            await Results.ValidationProblem(byField, title: "The request has invalid fields").ExecuteAsync(context);
        }
        else
        {
            await WriteFormErrorPageAsync(context, byField);
        }
    }

    private static async Task CheckFormAsync(HttpContext context, SortedDictionary<string, List<string>> errors)
    {
        var request = context.Request;
        request.EnableBuffering();
        try
        {
            var form = await request.ReadFormAsync(context.RequestAborted);
            foreach (var (key, values) in form)
            {
                if (!AcceptedText.IsAccepted(key) || values.Any(v => v is not null && !AcceptedText.IsAccepted(v))) Add(errors, key, AcceptedText.RefusedMessage);
            }
            // The form reader turns bytes that are not UTF-8 (a lone surrogate's, a stray 0xFF) into U+FFFD without a
            // word: the text would be stored changed. Such a field is refused like any other broken text.
            if (IsUrlEncoded(request.ContentType))
            {
                request.Body.Position = 0;
                foreach (var key in await FieldsNotUtf8Async(request.Body, context.RequestAborted)) Add(errors, key, AcceptedText.RefusedMessage);
                request.Body.Position = 0;
            }
        }
        catch (InvalidDataException)
        {
            // ASP.NET Core's own form reader refuses a %00 outright; find which fields held it.
            request.Body.Position = 0;
            using var reader = new StreamReader(request.Body, Encoding.UTF8, leaveOpen: true);
            var raw = request.HasFormContentType && request.ContentType!.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
                ? await reader.ReadToEndAsync(context.RequestAborted)
                : "";
            foreach (var pair in raw.Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = pair.Split('=', 2);
                var key = Decode(parts[0]);
                var value = parts.Length > 1 ? Decode(parts[1]) : "";
                if (key is null || value is null || !AcceptedText.IsAccepted(key) || !AcceptedText.IsAccepted(value)) Add(errors, key is { } k && AcceptedText.IsAccepted(k) ? k : BodyField, AcceptedText.RefusedMessage);
            }
            if (errors.Count == 0) Add(errors, BodyField, "could not be read as a form");
        }

        static string? Decode(string text)
        {
            try
            {
                return Uri.UnescapeDataString(text.Replace('+', ' '));
            }
            catch (UriFormatException)
            {
                return null;
            }
        }
    }

    private static bool IsUrlEncoded(string? contentType) =>
        contentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The names of the fields of a url-encoded body whose name or value, once %-decoded, is not valid UTF-8.</summary>
    private static async Task<IReadOnlyList<string>> FieldsNotUtf8Async(Stream body, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        var bad = new List<string>();
        for (var start = 0; start < bytes.Length;)
        {
            var end = Array.IndexOf(bytes, (byte)'&', start);
            if (end < 0) end = bytes.Length;
            var pair = bytes.AsSpan(start, end - start);
            var eq = pair.IndexOf((byte)'=');
            var nameText = Utf8OrNull(PercentDecode(eq < 0 ? pair : pair[..eq]));
            if (nameText is null || (eq >= 0 && Utf8OrNull(PercentDecode(pair[(eq + 1)..])) is null))
                bad.Add(nameText is { } n && AcceptedText.IsAccepted(n) ? n : BodyField);
            start = end + 1;
        }
        return bad;

        static string? Utf8OrNull(byte[] bytes)
        {
            try
            {
                return StrictUtf8.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                return null;
            }
        }
    }

    /// <summary>%XX escapes and '+' decoded to bytes, as the form reader decodes them (a malformed escape stays as it is).</summary>
    private static byte[] PercentDecode(ReadOnlySpan<byte> text)
    {
        var bytes = new byte[text.Length];
        var n = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '+') bytes[n++] = (byte)' ';
            else if (text[i] == '%' && i + 2 < text.Length && IsHex(text[i + 1]) && IsHex(text[i + 2]))
            {
                bytes[n++] = (byte)(Convert.ToInt32(((char)text[i + 1]).ToString() + (char)text[i + 2], 16));
                i += 2;
            }
            else bytes[n++] = text[i];
        }
        return bytes[..n];

        static bool IsHex(byte b) => b is >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F';
    }

    private async Task CheckJsonBodyAsync(HttpContext context, Type bodyType, SortedDictionary<string, List<string>> errors)
    {
        var request = context.Request;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted);
        var bytes = buffer.ToArray();
        // The endpoint reads the same bytes again.
        request.Body = new MemoryStream(bytes, writable: false);

        // No body at all is the endpoint's to judge (some take their input from the route alone).
        if (bytes.Length == 0) return;
        if (!CheckTokens(bytes, errors)) return;
        try
        {
            if (JsonSerializer.Deserialize(bytes, bodyType, json.Value.SerializerOptions) is null)
            {
                Add(errors, BodyField, "must be a JSON object, not null");
            }
        }
        catch (JsonException e)
        {
            var field = FieldOf(e.Path);
            if (e.Message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
            {
                // The unknown member's own name is quoted first in the message; the path may stop at its parent.
                var name = e.Message.Split('\'') is { Length: > 2 } parts ? parts[1] : null;
                if (name is not null && !field.EndsWith(name, StringComparison.Ordinal)) field = field == BodyField ? name : $"{field}.{name}";
                Add(errors, field, "is not a known field");
            }
            else
            {
                Add(errors, field, "has a value of the wrong type or format");
            }
        }
    }

    /// <summary>Reads every token: the body must be well-formed JSON and every string (names too) accepted text.</summary>
    private static bool CheckTokens(byte[] bytes, SortedDictionary<string, List<string>> errors)
    {
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 64 });
        // One frame per open object or array: the current property name, or the current element index.
        var frames = new List<(bool Array, int Index, string? Name)>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        NextElement(frames);
                        frames.Add((reader.TokenType == JsonTokenType.StartArray, -1, null));
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        var name = ReadString(ref reader);
                        frames[^1] = (false, -1, name ?? "?");
                        if (name is null) Add(errors, PathOf(frames), AcceptedText.RefusedMessage);
                        break;
                    case JsonTokenType.String:
                        NextElement(frames);
                        if (ReadString(ref reader) is null) Add(errors, PathOf(frames), AcceptedText.RefusedMessage);
                        break;
                    default:
                        NextElement(frames);
                        break;
                }
            }
        }
        catch (JsonException e)
        {
            Add(errors, BodyField, $"is not valid JSON (line {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1})");
            return false;
        }
        return errors.Count == 0;
    }

    /// <summary>The string at the reader, or null when it is not accepted text (including unpaired surrogates).</summary>
    private static string? ReadString(ref Utf8JsonReader reader)
    {
        try
        {
            var text = reader.GetString()!;
            return AcceptedText.IsAccepted(text) ? text : null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static void NextElement(List<(bool Array, int Index, string? Name)> frames)
    {
        if (frames.Count > 0 && frames[^1].Array) frames[^1] = (true, frames[^1].Index + 1, null);
    }

    private static string PathOf(List<(bool Array, int Index, string? Name)> frames)
    {
        var path = new StringBuilder();
        foreach (var (array, index, name) in frames)
        {
            if (array) path.Append('[').Append(index).Append(']');
            else if (name is not null) path.Append(path.Length == 0 ? "" : ".").Append(name);
        }
        return path.Length == 0 ? BodyField : path.ToString();
    }

    /// <summary>System.Text.Json's path (<c>$.exam.score</c>, <c>$['odd key']</c>, <c>$</c>) as a field key.</summary>
    public static string FieldOf(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$") return BodyField;
        var path = jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
        path = path.Replace("['", ".", StringComparison.Ordinal).Replace("']", "", StringComparison.Ordinal).TrimStart('.');
        return path.Length == 0 ? BodyField : path;
    }

    private static bool IsJson(string? contentType) =>
        string.IsNullOrEmpty(contentType) || contentType.Contains("json", StringComparison.OrdinalIgnoreCase);

    private static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || !request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    private static void Add(SortedDictionary<string, List<string>> errors, string field, string message)
    {
        if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
        if (!list.Contains(message)) list.Add(message);
    }

    /// <summary>A page's form: the same field list, as a page a person can go back from.</summary>
    private static Task WriteFormErrorPageAsync(HttpContext context, IDictionary<string, string[]> errors)
    {
        var html = HtmlEncoder.Default;
        var items = string.Concat(errors.Select(e => $"<li><strong>{html.Encode(e.Key)}</strong> {html.Encode(string.Join("; ", e.Value))}.</li>"));
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>The form could not be sent - SmartPick</title>" +
            "<link rel=\"stylesheet\" href=\"/css/site.css\"></head><body><main><h1>The form could not be sent</h1>" +
            $"<div class=\"notice error\" role=\"alert\"><p>Nothing was saved. These fields need changing:</p><ul>{items}</ul></div>" +
            "<p>Go back, correct the text and send the form again.</p></main></body></html>", context.RequestAborted);
    }
}

/// <summary>
/// Minimal APIs throw <see cref="BadHttpRequestException"/> for what the gate does not see (a query value that is
/// not a number, a body of the wrong content type): the same 400 problem details with an <c>errors</c> entry,
/// in every environment, and no .NET names.
/// </summary>
public sealed class BadRequestExceptionHandler : Microsoft.AspNetCore.Diagnostics.IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || context.Response.HasStarted) return false;
        var (field, message) = bad.StatusCode switch
        {
            StatusCodes.Status415UnsupportedMediaType => ("content_type", "must be application/json"),
            StatusCodes.Status413PayloadTooLarge => (InputGateMiddleware.BodyField, "is too large"),
            _ when ParameterOf(bad.Message) is { } name => (JsonNamingPolicy.SnakeCaseLower.ConvertName(name), "has a value that cannot be read"),
            _ => (InputGateMiddleware.BodyField, "could not be read"),
        };
        await Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, statusCode: bad.StatusCode,
            title: "The request has invalid fields").ExecuteAsync(context);
        return true;
    }

    /// <summary>The parameter named in a binding failure ("Failed to bind parameter "bool? useCookies" from "x"").</summary>
    private static string? ParameterOf(string message)
    {
        const string marker = "parameter \"";
        var start = message.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0) return null;
        start += marker.Length;
        var end = message.IndexOf('"', start);
        if (end < 0) return null;
        var declaration = message[start..end];
        var name = declaration[(declaration.LastIndexOf(' ') + 1)..];
        return name.Length > 0 && name.All(char.IsLetterOrDigit) ? name : null;
    }
}
