using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Alba;
using Shouldly;
using SmartPick.Contracts;
using SmartPick.Web.OpenApi;
using SmartPick.Web.Tests.Infrastructure;

namespace SmartPick.Web.Tests.ApiDocument;

/// <summary>
/// The API document at <c>/openapi/v1.json</c>: clean under a standard linter's recommended rules, every operation
/// grouped by area with a written summary, the bearer scheme required exactly where the server asks for a
/// signed-in user, and request examples the API accepts.
/// </summary>
public sealed partial class ApiDocumentTests(AppFixture app) : AppTest(app)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    [RedoclyFact]
    public async Task the_document_has_no_error_and_no_warning_under_redoclys_recommended_rules()
    {
        var folder = Directory.CreateTempSubdirectory("smartpick-openapi-");
        try
        {
            var path = Path.Combine(folder.FullName, "openapi.json");
            await File.WriteAllTextAsync(path, await DocumentTextAsync());
            var report = await RedoclyCli.LintAsync(path);
            var totals = report.GetProperty("totals");
            (totals.GetProperty("errors").GetInt32() + totals.GetProperty("warnings").GetInt32())
                .ShouldBe(0, $"Redocly CLI {RedoclyCli.Version}, recommended rules:\n{RedoclyCli.Describe(report)}");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task every_operation_has_a_written_summary_an_operation_id_and_one_declared_area()
    {
        var document = await DocumentAsync();
        var declared = document.GetProperty("tags").EnumerateArray()
            .ToDictionary(t => t.GetProperty("name").GetString()!, t => t.TryGetProperty("description", out var d) ? d.GetString() : null);
        declared.Keys.ShouldBeSubsetOf(ApiAreas.All.Select(a => a.Tag));
        declared.Values.ShouldAllBe(d => !string.IsNullOrWhiteSpace(d));

        var ids = new HashSet<string>();
        var operations = Operations(document).ToList();
        operations.Count.ShouldBeGreaterThan(80);
        foreach (var (method, route, operation) in operations)
        {
            var name = $"{method.ToUpperInvariant()} {route}";
            var id = operation.TryGetProperty("operationId", out var i) ? i.GetString() : null;
            id.ShouldNotBeNull($"{name} has no operationId");
            OperationIdShape().IsMatch(id).ShouldBeTrue($"{name}: operationId {id}");
            ids.Add(id).ShouldBeTrue($"{name}: operationId {id} is not unique");

            var summary = operation.TryGetProperty("summary", out var s) ? s.GetString() ?? "" : "";
            summary.ShouldNotBeNullOrWhiteSpace($"{name} has no summary");
            // Written for the operation: words, not a generated id or the method and route again.
            summary.ShouldContain(" ", Case.Sensitive, $"{name}: summary '{summary}'");
            summary.ShouldNotContain(route, Case.Insensitive, $"{name}: summary '{summary}'");

            var tags = operation.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!).ToList();
            tags.Count.ShouldBe(1, $"{name}: tags {string.Join(", ", tags)}");
            declared.ShouldContainKey(tags[0], $"{name}: tag {tags[0]} is not one of the document's areas");
        }

        document.GetProperty("info").GetProperty("license").GetProperty("name").GetString().ShouldNotBeNullOrWhiteSpace();
        // The server is the one the document came from: "/", relative to it. A full address never ends in a slash.
        foreach (var url in document.GetProperty("servers").EnumerateArray().Select(s => s.GetProperty("url").GetString()!))
            (url == "/" || !url.EndsWith('/')).ShouldBeTrue($"server url {url}");
    }

    [Fact]
    public async Task the_bearer_scheme_is_required_exactly_by_the_operations_that_turn_away_an_anonymous_caller()
    {
        var document = await DocumentAsync();
        var bearer = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        bearer.GetProperty("type").GetString().ShouldBe("http");
        bearer.GetProperty("scheme").GetString().ShouldBe("bearer");
        bearer.GetProperty("description").GetString()!.ShouldContain("POST /api/auth/login");

        var anonymous = new List<string>();
        foreach (var (method, route, operation) in Operations(document))
        {
            var name = $"{method.ToUpperInvariant()} {route}";
            var requirements = operation.GetProperty("security").EnumerateArray().ToList();
            requirements.Count.ShouldBe(1, name);
            var needsToken = requirements[0].TryGetProperty("bearer", out _);
            if (!needsToken)
            {
                requirements[0].EnumerateObject().ShouldBeEmpty($"{name}: an operation without the bearer scheme says so with an empty requirement");
                anonymous.Add(name);
            }
            if (needsToken) operation.GetProperty("responses").TryGetProperty("401", out _).ShouldBeTrue($"{name} documents no 401");

            // The server is the judge: a caller without a token is turned away (401) exactly where the document asks for one.
            var url = FillRoute(route);
            var answer = await Host.Scenario(x =>
            {
                x.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = AppFixture.ClientAddress());
                switch (method)
                {
                    case "get": x.Get.Url(url); break;
                    case "delete": x.Delete.Url(url); break;
                    case "put": x.Put.Json(new { }).ToUrl(url); break;
                    default: x.Post.Json(new { }).ToUrl(url); break;
                }
                x.IgnoreStatusCode();
            });
            var status = answer.Context.Response.StatusCode;
            if (needsToken) status.ShouldBe(401, $"{name} asks for a bearer token, but an anonymous caller was not turned away");
            else status.ShouldNotBe(401, $"{name} asks for no token, but turned an anonymous caller away");
        }

        // Those that need no signed-in user, by design: signing in, password reset, invitation links, and the links in
        // emails and calendar apps that carry their own token.
        anonymous.Order().ShouldBe(new[]
        {
            "GET /api/auth/invitations/{token}", "GET /feeds/{file}", "GET /u/{token}",
            "POST /api/auth/forgot", "POST /api/auth/invitations/accept", "POST /api/auth/login", "POST /api/auth/refresh",
            "POST /api/auth/reset", "POST /api/nudges/unsubscribe/{token}", "POST /u/{token}",
        }.Order());
    }

    [Fact]
    public async Task the_documented_request_examples_are_accepted_by_the_api()
    {
        var document = await DocumentAsync();
        foreach (var (key, json) in ApiExamples.Requests)
        {
            var (method, route) = (key.Split(' ')[0].ToLowerInvariant(), key.Split(' ')[1]);
            var example = document.GetProperty("paths").GetProperty(route).GetProperty(method)
                .GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example");
            JsonNode.DeepEquals(JsonNode.Parse(example.GetRawText()), JsonNode.Parse(json)).ShouldBeTrue($"{key}: the document shows another example");
        }

        var org = await App.CreateOrgAsync("examples");
        var advisor = await App.AdvisorAsync(org);
        var admin = await App.OrgAdminAsync(org);
        var programs = await Json(await As(advisor, x => x.Get.Url("/api/catalog/programs?specialty=140&page_size=1")));
        var code = programs.GetProperty("items")[0].GetProperty("program_code").GetString()!;

        var opened = await Send(advisor, "POST /api/candidates", "/api/candidates", 201);
        var id = opened.GetProperty("id").GetGuid();
        var sent = new List<string> { "POST /api/candidates" };
        foreach (var key in new[] { "POST /api/candidates/{id}/exams", "POST /api/candidates/{id}/preferences", "POST /api/candidates/{id}/usce", "POST /api/candidates/{id}/what-if" })
        {
            await Send(advisor, key, key.Split(' ')[1].Replace("{id}", id.ToString(), StringComparison.Ordinal), 200);
            sent.Add(key);
        }
        await Send(admin, "PUT /api/catalog/programs/{code}", $"/api/catalog/programs/{code}", 200, body => body["program_code"] = code);
        await Send(admin, "PUT /api/org/settings", "/api/org/settings", 200);
        sent.AddRange(["PUT /api/catalog/programs/{code}", "PUT /api/org/settings"]);

        // The sign-in example names no account of this run: its shape passes, its credentials are refused.
        await Host.Scenario(x =>
        {
            x.Post.Json(JsonNode.Parse(ApiExamples.Requests["POST /api/auth/login"])!.AsObject()).ToUrl("/api/auth/login");
            x.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = AppFixture.ClientAddress());
            x.StatusCodeShouldBe(401);
        });
        sent.Add("POST /api/auth/login");

        sent.Order().ShouldBe(ApiExamples.Requests.Keys.Order(), "every documented example is sent here");
    }

    private async Task<JsonElement> Send(TestUser user, string key, string url, int status, Action<JsonObject>? change = null)
    {
        var body = JsonNode.Parse(ApiExamples.Requests[key])!.AsObject();
        change?.Invoke(body);
        var result = await As(user, x =>
        {
            if (key.StartsWith("PUT ", StringComparison.Ordinal)) x.Put.Json(body).ToUrl(url);
            else x.Post.Json(body).ToUrl(url);
            x.StatusCodeShouldBe(status);
        });
        return await Json(result);
    }

    private static async Task<JsonElement> Json(IScenarioResult result) => await result.ReadAsJsonAsync<JsonElement>();

    private async Task<string> DocumentTextAsync() => await (await Host.Scenario(x => x.Get.Url("/openapi/v1.json"))).ReadAsTextAsync();

    private async Task<JsonElement> DocumentAsync() => JsonDocument.Parse(await DocumentTextAsync()).RootElement.Clone();

    private static IEnumerable<(string Method, string Route, JsonElement Operation)> Operations(JsonElement document)
    {
        foreach (var path in document.GetProperty("paths").EnumerateObject())
            foreach (var item in path.Value.EnumerateObject().Where(i => Methods.Contains(i.Name)))
                yield return (item.Name, path.Name, item.Value);
    }

    /// <summary>A route with a value of the right shape in each parameter (an id nobody has).</summary>
    private static string FillRoute(string route) => RouteParameter().Replace(route, m => m.Groups[1].Value switch
    {
        "season" => "2026",
        "code" => "9999140C0",
        "slug" => "no-such-organization",
        "token" => "no-such-token",
        "file" => "no-such-token.ics",
        _ => Guid.NewGuid().ToString(),
    });

    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex("^[a-z][A-Za-z0-9]*$")]
    private static partial Regex OperationIdShape();
}
