using System.Text.Json;
using Alba;
using Shouldly;
using SmartPick.Web.Tests.Advising;

namespace SmartPick.Web.Tests.Infrastructure;

/// <summary>
/// What text the product accepts and how bad input is answered, at the edge, once: 400 with field-level problem
/// details (an <c>errors</c> entry per field) on every kind of endpoint, never a 500 and never a .NET type name.
/// </summary>
public sealed class InputGateTests(AppFixture app) : AdvisingTest(app)
{
    private async Task<(int Status, string Body)> SendAsync(TestUser? user, HttpMethod method, string url, string? json)
    {
        var token = user is null ? null : await App.TokenAsync(user);
        var result = await Host.Scenario(x =>
        {
            if (token is not null) x.WithRequestHeader("Authorization", $"Bearer {token}");
            if (method == HttpMethod.Get) x.Get.Url(url);
            else if (method == HttpMethod.Put) x.Put.Url(url);
            else x.Post.Url(url);
            if (json is not null)
            {
                x.Body.TextIs(json);
                x.ConfigureHttpContext(c => c.Request.ContentType = "application/json");
            }
            x.IgnoreStatusCode();
        });
        return (result.Context.Response.StatusCode, await result.ReadAsTextAsync());
    }

    private static void ShouldBeFieldError(int status, string body, string field, string what)
    {
        status.ShouldBe(400, $"{what}: {body}");
        using var doc = JsonDocument.Parse(body);
        doc.RootElement.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue($"{what}: no error for '{field}' in {body}");
        body.ShouldNotContain("System.", Case.Sensitive, what);
        body.ShouldNotContain("SmartPick.", Case.Sensitive, what);
    }

    [Fact]
    public async Task nul_control_and_bidi_override_characters_are_refused_with_a_field_error_wherever_text_comes_in()
    {
        var org = await App.CreateOrgAsync("text");
        var advisor = await App.AdvisorAsync(org);
        var admin = await App.OrgAdminAsync(org);
        var id = await OpenFileAsync(advisor);
        await SettledListAsync(advisor, id);
        var version = await VersionAsync(advisor, id);

        var note = await SendAsync(advisor, HttpMethod.Post, $"/api/candidates/{id}/notes", """{"text": "before\u0000after"}""");
        ShouldBeFieldError(note.Status, note.Body, "text", "NUL in a note");
        var bell = await SendAsync(advisor, HttpMethod.Post, $"/api/candidates/{id}/notes", """{"text": "ring\u0007"}""");
        ShouldBeFieldError(bell.Status, bell.Body, "text", "BEL in a note");
        var preference = await SendAsync(advisor, HttpMethod.Post, $"/api/candidates/{id}/preferences", """{"preferred_states": ["TX", "N\u0000Y"]}""");
        ShouldBeFieldError(preference.Status, preference.Body, "preferred_states[1]", "NUL in a list element");
        (await VersionAsync(advisor, id)).ShouldBe(version);

        var renamed = JsonSerializer.Serialize(new { name = "Amina \u202Egnp.exe", email = "bidi@example.org", medical_school_country = "Pakistan",
            img_type = "non_us_img", visa_need = "j1", year_of_graduation = 2020, target_specialties = new[] { "internal_medicine" } });
        var bidi = await SendAsync(advisor, HttpMethod.Post, "/api/candidates", renamed);
        ShouldBeFieldError(bidi.Status, bidi.Body, "name", "a right-to-left override in a name");

        var search = await SendAsync(advisor, HttpMethod.Get, "/api/catalog/programs?q=%00", null);
        ShouldBeFieldError(search.Status, search.Body, "q", "NUL in a search");

        var settings = await SendAsync(admin, HttpMethod.Put, "/api/org/settings", """{"name": "Agency\u0000"}""");
        ShouldBeFieldError(settings.Status, settings.Body, "name", "NUL in the organization's name");

        var signIn = await SendAsync(null, HttpMethod.Post, "/api/auth/login", """{"email": "a\u0000@example.org", "password": "x"}""");
        ShouldBeFieldError(signIn.Status, signIn.Body, "email", "NUL in an anonymous sign-in");

        // Multi-line text keeps its line breaks and tabs.
        await PostAsync(advisor, $"/api/candidates/{id}/notes", new { text = "line one\r\n\tline two" });
    }

    [Fact]
    public async Task a_page_form_with_a_nul_gets_a_400_form_error_naming_the_field()
    {
        var form = await Host.Scenario(x => x.Get.Url("/signin"));
        var html = await form.ReadAsTextAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var cookie = form.Context.Response.Headers.SetCookie.ToString().Split(';')[0];

        var result = await Host.Scenario(x =>
        {
            x.Post.FormData(new Dictionary<string, string>
            {
                ["Email"] = "someone\0@example.org", ["Password"] = "whatever-it-is", ["__RequestVerificationToken"] = token,
            }).ToUrl("/signin");
            x.WithRequestHeader("Cookie", cookie);
            x.WithRequestHeader("Accept", "text/html");
            x.IgnoreStatusCode();
        });
        var page = await result.ReadAsTextAsync();
        result.Context.Response.StatusCode.ShouldBe(400, page);
        page.ShouldContain("Email");
        page.ShouldContain("must not contain control characters");
    }

    public static TheoryData<string> CommandRoutes() =>
    [
        "/api/candidates",
        "/api/candidates/{id}/exams",
        "/api/candidates/{id}/exams/{item}/correction",
        "/api/candidates/{id}/usce",
        "/api/candidates/{id}/letters",
        "/api/candidates/{id}/research",
        "/api/candidates/{id}/preferences",
        "/api/candidates/{id}/notes",
        "/api/candidates/{id}/cycles",
        "/api/candidates/{id}/cycles/2026/applications",
        "/api/candidates/{id}/cycles/2026/interviews",
        "/api/candidates/{id}/cycles/2026/rank-list",
        "/api/candidates/{id}/cycles/2026/outcome",
        "/api/candidates/{id}/what-if",
        "/api/candidates/{id}/archive",
        "PUT /api/org/settings",
        "PUT /api/org/seasons/2026",
        "/api/org/invitations",
        "/api/auth/login",
        "/api/auth/invitations/accept",
    ];

    [Theory]
    [MemberData(nameof(CommandRoutes))]
    public async Task a_null_body_is_a_400_with_a_field_error(string route)
    {
        var org = await App.CreateOrgAsync("null");
        var admin = await App.OrgAdminAsync(org);
        var id = await OpenFileAsync(admin);
        var exam = await PostAsync(admin, $"/api/candidates/{id}/exams", new { exam = new { exam = "step2ck", score = 231 }, taken_on = "2024-01-01" });
        var put = route.StartsWith("PUT ", StringComparison.Ordinal);
        var url = route.Replace("PUT ", "", StringComparison.Ordinal).Replace("{id}", id.ToString(), StringComparison.Ordinal)
            .Replace("{item}", exam.GetProperty("item_id").GetGuid().ToString(), StringComparison.Ordinal);

        var (status, body) = await SendAsync(admin, put ? HttpMethod.Put : HttpMethod.Post, url, "null");
        ShouldBeFieldError(status, body, "body", $"null to {route}");
    }

    [Theory]
    [MemberData(nameof(CommandRoutes))]
    public async Task an_empty_json_body_is_a_400_with_problem_details_never_a_500(string route)
    {
        var org = await App.CreateOrgAsync("empty");
        var admin = await App.OrgAdminAsync(org);
        var id = await OpenFileAsync(admin);
        var exam = await PostAsync(admin, $"/api/candidates/{id}/exams", new { exam = new { exam = "step2ck", score = 231 }, taken_on = "2024-01-01" });
        var put = route.StartsWith("PUT ", StringComparison.Ordinal);
        var url = route.Replace("PUT ", "", StringComparison.Ordinal).Replace("{id}", id.ToString(), StringComparison.Ordinal)
            .Replace("{item}", exam.GetProperty("item_id").GetGuid().ToString(), StringComparison.Ordinal);

        // Content-Length: 0 with a JSON content type, as an HTTP client sends an empty body; Kestrel then says the
        // request has no body (the test server does not unless told), and a nullable body parameter binds to null.
        var token = await App.TokenAsync(admin);
        var result = await Host.Scenario(x =>
        {
            x.WithRequestHeader("Authorization", $"Bearer {token}");
            if (put) x.Put.Url(url);
            else x.Post.Url(url);
            x.ConfigureHttpContext(c =>
            {
                c.Request.ContentType = "application/json";
                c.Request.ContentLength = 0;
                c.Features.Set<Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature>(new WithoutBody());
            });
            x.IgnoreStatusCode();
        });
        var status = result.Context.Response.StatusCode;
        var body = await result.ReadAsTextAsync();
        status.ShouldBe(400, $"an empty body to {route}: {body}");
        using var doc = JsonDocument.Parse(body);
        doc.RootElement.GetProperty("status").GetInt32().ShouldBe(400, body);
        body.ShouldNotContain("System.", Case.Sensitive, route);
        if (route == "PUT /api/org/settings") ShouldBeFieldError(status, body, "body", "an empty body to the settings");
    }

    public static TheoryData<string, string, string> MalformedMinimalApiBodies() => new()
    {
        { "/api/auth/login", "{\"email\": ", "body" },
        { "/api/auth/login", """{"email": 5, "password": "x"}""", "email" },
        { "/api/auth/login", """{"email": "a@example.org", "password": "x", "remember": true}""", "remember" },
        { "/api/auth/login?use_cookies=maybe", """{"email": "a@example.org", "password": "x"}""", "use_cookies" },
        { "/api/auth/refresh", """{"refresh_token": ["x"]}""", "refresh_token" },
        { "/api/auth/forgot", """{"email": {"a": 1}}""", "email" },
        { "/api/auth/invitations/accept", """{"token": 1, "display_name": "x", "password": "y"}""", "token" },
        { "PUT /api/org/settings", """{"time_zone": []}""", "time_zone" },
        { "PUT /api/org/settings", """{"colour": "red"}""", "colour" },
        { "/api/org/invitations", """{"email": "x@example.org", "role": "advisor", "candidate_id": "not-a-guid"}""", "candidate_id" },
        { "/api/platform/organizations", """{"slug": 1, "name": "x", "time_zone": "UTC"}""", "slug" },
        { "/api/platform/organizations", "[1, 2", "body" },
    };

    [Theory]
    [MemberData(nameof(MalformedMinimalApiBodies))]
    public async Task malformed_json_wrong_types_and_unknown_fields_are_field_level_400s_on_the_minimal_apis(string route, string json, string field)
    {
        var org = await App.CreateOrgAsync("malformed");
        var user = route.Contains("/platform/", StringComparison.Ordinal) ? await App.PlatformAdminAsync()
            : route.Contains("/org/", StringComparison.Ordinal) ? await App.OrgAdminAsync(org)
            : null;
        var put = route.StartsWith("PUT ", StringComparison.Ordinal);
        var (status, body) = await SendAsync(user, put ? HttpMethod.Put : HttpMethod.Post, route.Replace("PUT ", "", StringComparison.Ordinal), json);
        ShouldBeFieldError(status, body, field, $"{json} to {route}");
    }

    private sealed class WithoutBody : Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature
    {
        public bool CanHaveBody => false;
    }
}
