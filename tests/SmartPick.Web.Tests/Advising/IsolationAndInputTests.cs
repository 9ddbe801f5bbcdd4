using System.Text.Json;
using Alba;
using Shouldly;
using SmartPick.Contracts;
using SmartPick.Web.Tests.Infrastructure;

namespace SmartPick.Web.Tests.Advising;

public sealed class IsolationAndInputTests(AppFixture app) : AdvisingTest(app)
{
    private static IEnumerable<ProbeRequest> EveryIdRoute(Guid id, Guid examId) =>
    [
        ProbeRequest.Get($"/api/candidates/{id}"),
        ProbeRequest.Get($"/api/candidates/{id}/list"),
        ProbeRequest.Get($"/api/candidates/{id}/lists"),
        ProbeRequest.Get($"/api/candidates/{id}/progress"),
        ProbeRequest.Get($"/api/candidates/{id}/cycles"),
        ProbeRequest.Get($"/api/candidates/{id}/timeline"),
        ProbeRequest.Post($"/api/candidates/{id}/exams", new { exam = new { exam = "step2ck", score = 240 }, taken_on = "2024-01-01" }),
        ProbeRequest.Post($"/api/candidates/{id}/exams/{examId}/correction", new { score = 241, reason = "probe" }),
        ProbeRequest.Post($"/api/candidates/{id}/usce", new { usce = new { kind = "hands_on", months = 1 }, institution = "X" }),
        ProbeRequest.Post($"/api/candidates/{id}/letters", new { letter = new { us = true } }),
        ProbeRequest.Post($"/api/candidates/{id}/research", new { research = new { kind = "qi", us_collaborators = true } }),
        ProbeRequest.Post($"/api/candidates/{id}/preferences", new { preferred_states = new[] { "TX" } }),
        ProbeRequest.Post($"/api/candidates/{id}/notes", new { text = "probe" }),
        ProbeRequest.Post($"/api/candidates/{id}/cycles", new { season = 2027 }),
        ProbeRequest.Post($"/api/candidates/{id}/cycles/2026/applications", new { count = 10 }),
        ProbeRequest.Post($"/api/candidates/{id}/cycles/2026/interviews", new { program_code = "P" }),
        ProbeRequest.Post($"/api/candidates/{id}/cycles/2026/rank-list", new { programs_ranked = 1 }),
        ProbeRequest.Post($"/api/candidates/{id}/cycles/2026/outcome", new { outcome = "unmatched" }),
        ProbeRequest.Post($"/api/candidates/{id}/what-if", new { changes = new object[] { new { code = "pass_step3" } } }),
        ProbeRequest.Post($"/api/candidates/{id}/archive", new { reason = "probe" }),
    ];

    [Fact]
    public async Task another_organizations_advisor_gets_404_and_no_data_on_every_route_and_changes_nothing()
    {
        var owner = await App.CreateOrgAsync("owner");
        var advisor = await App.AdvisorAsync(owner);
        var id = await OpenFileAsync(advisor, NewFile("Zainab Secretname", "zainab.secret@example.org"));
        var exam = await PostAsync(advisor, $"/api/candidates/{id}/exams", new { exam = new { exam = "step2ck", score = 231 }, taken_on = "2024-01-01" });
        await PostAsync(advisor, $"/api/candidates/{id}/cycles", new { season = 2026 });
        await SettledListAsync(advisor, id);
        var version = await VersionAsync(advisor, id);

        var outsider = await App.AdvisorAsync(await App.CreateOrgAsync("other"));
        await App.ShouldAllBeNotFoundAsync(outsider, EveryIdRoute(id, exam.GetProperty("item_id").GetGuid()),
            "Zainab", "Secretname", "zainab.secret");

        (await VersionAsync(advisor, id)).ShouldBe(version);
        var cohort = await GetAsync(outsider, "/api/candidates");
        cohort.GetProperty("total").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task a_candidate_sees_only_their_own_file_and_cannot_use_staff_routes()
    {
        var org = await App.CreateOrgAsync("cand");
        var advisor = await App.AdvisorAsync(org);
        var mine = await OpenFileAsync(advisor, NewFile("Own Person", "own@example.org"));
        var other = await OpenFileAsync(advisor, NewFile("Hidden Person", "hidden@example.org"));
        await SettledListAsync(advisor, mine);
        var candidate = await App.CreateUserAsync(org, SmartPickRoles.Candidate, mine);

        var me = await GetAsync(candidate, "/api/me");
        me.GetProperty("id").GetGuid().ShouldBe(mine);
        me.GetProperty("name").GetString().ShouldBe("Own Person");
        foreach (var route in new[] { "/api/me/list", "/api/me/lists", "/api/me/progress", "/api/me/timeline", "/api/me/cycles" })
            (await GetAsync(candidate, route)).GetProperty("candidate_id").GetGuid().ShouldBe(mine);

        foreach (var route in new[] { $"/api/candidates/{other}", $"/api/candidates/{other}/list", $"/api/candidates/{other}/timeline", "/api/candidates", "/api/cohort" })
        {
            var result = await As(candidate, x => { x.Get.Url(route); x.IgnoreStatusCode(); });
            result.Context.Response.StatusCode.ShouldBeOneOf(403, 404);
            (await result.ReadAsTextAsync()).ShouldNotContain("Hidden");
        }
        await As(candidate, x => { x.Post.Json(new { text = "self-edit" }).ToUrl($"/api/candidates/{mine}/notes"); x.StatusCodeShouldBe(403); });
    }

    public static TheoryData<string, string> BadBodies() => new()
    {
        { "exams", "{not json" },
        { "exams", """{"exam": {"exam": "step2ck", "score": "high"}, "taken_on": "2024-01-01"}""" },
        { "exams", """{"exam": {"exam": "step2ck", "score": 301}, "taken_on": "2024-01-01"}""" },
        { "exams", """{"exam": {"exam": "step2ck", "score": 0}, "taken_on": "2024-01-01"}""" },
        { "exams", """{"exam": {"exam": "step2ck", "score": 240}, "taken_on": "2999-01-01"}""" },
        { "exams", """{"exam": {"exam": "step9", "score": 240}, "taken_on": "2024-01-01"}""" },
        { "exams", """{"exam": {"exam": "step2ck", "score": 240}, "taken_on": "2024-01-01", "surprise": 1}""" },
        { "exams", "[]" },
        { "usce", """{"usce": {"kind": "hands_on", "months": -3, "specialty": "astrology"}, "institution": "X"}""" },
        { "usce", """{"usce": {"kind": "hands_on", "months": 3}, "institution": "BIG"}""" },
        { "letters", """{"letter": {"us": "maybe"}}""" },
        { "notes", """{"text": "BIG"}""" },
        { "notes", """{"text": 42}""" },
        { "preferences", """{"target_specialties": ["dermatology", "cosmetology"]}""" },
        { "preferences", """{"preferred_states": ["XX"]}""" },
        { "cycles", """{"season": "next"}""" },
        { "cycles", """{"season": 1066}""" },
        { "cycles/2026/applications", """{"count": 100000}""" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task bad_input_is_refused_with_4xx_and_changes_nothing(string route, string body)
    {
        var org = await App.CreateOrgAsync("bad");
        var advisor = await App.AdvisorAsync(org);
        var id = await OpenFileAsync(advisor);
        await SettledListAsync(advisor, id);
        var version = await VersionAsync(advisor, id);
        var json = body.Replace("BIG", new string('x', 1_000_000), StringComparison.Ordinal);

        var result = await As(advisor, x =>
        {
            x.Post.Url($"/api/candidates/{id}/{route}");
            x.Body.TextIs(json);
            x.ConfigureHttpContext(c => c.Request.ContentType = "application/json");
            x.IgnoreStatusCode();
        });

        result.Context.Response.StatusCode.ShouldBeInRange(400, 499);
        (await result.ReadAsTextAsync()).Length.ShouldBeLessThan(10_000);
        (await VersionAsync(advisor, id)).ShouldBe(version);
    }

    [Fact]
    public async Task field_errors_are_keyed_by_the_snake_case_field()
    {
        var org = await App.CreateOrgAsync("fields");
        var advisor = await App.AdvisorAsync(org);
        var answer = await PostAsync(advisor, "/api/candidates", new
        {
            name = "",
            email = "nope",
            medical_school_country = "Egypt",
            target_specialties = new[] { "internal_medicine", "astrology" },
            preferred_states = new[] { "ZZ" },
        }, 400);
        var errors = answer.GetProperty("errors");
        foreach (var field in new[] { "name", "email", "target_specialties[1]", "preferred_states[0]" })
            errors.TryGetProperty(field, out _).ShouldBeTrue(field);
    }
}
