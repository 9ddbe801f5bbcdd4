using Alba;
using Shouldly;

namespace SmartPick.Web.Tests.Infrastructure;

/// <summary>One request that names another tenant's (or another candidate's) ids.</summary>
public sealed record ProbeRequest(HttpMethod Method, string Url, object? Body = null)
{
    public static ProbeRequest Get(string url) => new(HttpMethod.Get, url);
    public static ProbeRequest Post(string url, object? body = null) => new(HttpMethod.Post, url, body ?? new { });
    public static ProbeRequest Put(string url, object? body = null) => new(HttpMethod.Put, url, body ?? new { });
    public static ProbeRequest Delete(string url) => new(HttpMethod.Delete, url);
    public override string ToString() => $"{Method} {Url}";
}

/// <summary>
/// The tenant-isolation check every id-taking endpoint joins: replays the owner's ids as an outsider
/// (another tenant's user, or another candidate) and expects 404 with none of the owner's data in the body.
/// </summary>
public static class Isolation
{
    public static async Task ShouldAllBeNotFoundAsync(this AppFixture app, TestUser outsider, IEnumerable<ProbeRequest> requests,
        params string[] ownerSecrets)
    {
        var token = await app.TokenAsync(outsider);
        var failures = new List<string>();
        foreach (var request in requests)
        {
            var result = await app.Host.Scenario(x =>
            {
                x.WithRequestHeader("Authorization", $"Bearer {token}");
                switch (request.Method.Method)
                {
                    case "GET": x.Get.Url(request.Url); break;
                    case "DELETE": x.Delete.Url(request.Url); break;
                    case "PUT": x.Put.Json(request.Body!).ToUrl(request.Url); break;
                    default: x.Post.Json(request.Body!).ToUrl(request.Url); break;
                }
                x.IgnoreStatusCode();
            });
            var status = result.Context.Response.StatusCode;
            var body = await result.ReadAsTextAsync();
            if (status != 404) failures.Add($"{request}: expected 404, got {status}");
            foreach (var secret in ownerSecrets.Where(s => body.Contains(s, StringComparison.OrdinalIgnoreCase)))
            {
                failures.Add($"{request}: the answer leaks '{secret}'");
            }
        }
        failures.ShouldBeEmpty();
    }
}
