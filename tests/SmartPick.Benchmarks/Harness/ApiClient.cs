using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace SmartPick.Benchmarks.Harness;

/// <summary>The harness's HTTP side: one pooled client for all simulated users, bearer tokens per advisor.</summary>
public sealed class ApiClient : IDisposable
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private ApiClient(HttpClient http) => Http = http;

    public HttpClient Http { get; }

    public static ApiClient For(string baseUrl, int connections, CookieContainer? cookies = null)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Math.Max(1, connections),
            PooledConnectionLifetime = TimeSpan.FromMinutes(30),
            UseCookies = cookies is not null,
            // A redirect (e.g. to the sign-in page) is an answer to count, not one to follow.
            AllowAutoRedirect = false,
            CookieContainer = cookies ?? new CookieContainer(),
        };
        return new ApiClient(new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) });
    }

    /// <summary>Signs in through <c>POST /api/auth/login</c> and returns the bearer token.</summary>
    public async Task<string> TokenAsync(BenchUser user)
    {
        using var response = await Http.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = InProcessHost.Password });
        await EnsureAsync(response, "sign-in");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    /// <summary>
    /// Signs in through the sign-in page, as a browser does (its form and antiforgery token); the client's
    /// cookie container keeps the cookie. Fails unless <paramref name="check"/> then answers 200.
    /// </summary>
    public async Task CookieSignInAsync(BenchUser user, string check)
    {
        var form = await Http.GetStringAsync("/signin");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        if (!token.Success) throw new InvalidOperationException("The sign-in page has no antiforgery token");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = user.Email, ["Password"] = InProcessHost.Password, ["__RequestVerificationToken"] = token.Groups[1].Value,
        });
        using var response = await Http.PostAsync("/signin", content);
        if (response.StatusCode != HttpStatusCode.Redirect && response.StatusCode != HttpStatusCode.Found)
            throw new InvalidOperationException($"Page sign-in answered {(int)response.StatusCode}");
        using var page = await Http.GetAsync(check);
        await EnsureAsync(page, "GET " + check + " after the page sign-in");
    }

    public async Task<Guid> OpenFileAsync(string token, object body)
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/candidates", token, body);
        await EnsureAsync(response, "open a file");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, object? body = null,
        CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null) request.Content = JsonContent.Create(body, options: Json);
        return await Http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
    }

    public async Task<JsonElement> GetJsonAsync(string path, string token)
    {
        using var response = await SendAsync(HttpMethod.Get, path, token);
        await EnsureAsync(response, "GET " + path);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (response.IsSuccessStatusCode) return;
        throw new InvalidOperationException($"{what} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public void Dispose() => Http.Dispose();
}
