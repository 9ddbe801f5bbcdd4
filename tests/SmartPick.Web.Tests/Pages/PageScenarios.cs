using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Alba;
using Shouldly;
using SmartPick.Contracts;
using SmartPick.Web.Tests.Infrastructure;

namespace SmartPick.Web.Tests.Pages;

public sealed partial class PageScenarios(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task when_anyone_opens_the_try_page_the_form_is_there_without_signing_in()
    {
        var result = await Host.Scenario(x =>
        {
            x.Get.Url("/try");
            x.StatusCodeShouldBe(200);
        });
        var html = await result.ReadAsTextAsync();
        html.ShouldContain("Try SmartPick without an account");
        html.ShouldContain("<label for=\"f-form-step2ck\">Step 2 CK score</label>");
    }

    [Fact]
    public async Task when_the_try_form_has_an_impossible_score_the_field_says_why()
    {
        var post = await PostTryAsync(new()
        {
            ["Form.ImgType"] = "non_us_img", ["Form.VisaNeed"] = "j1",
            ["Form.YearOfGraduation"] = "2018", ["Form.Step2Ck"] = "999", ["Form.Specialty"] = "internal_medicine",
        }, 400);
        var body = await post.ReadAsTextAsync();
        body.ShouldContain("id=\"f-form-step2ck-error\">Step 2 CK score must be between 1 and 300.");
        body.ShouldContain("aria-invalid=\"true\"");
    }

    [Fact]
    public async Task when_the_try_form_has_a_graduation_year_decades_back_the_field_says_why()
    {
        var post = await PostTryAsync(new()
        {
            ["Form.ImgType"] = "non_us_img", ["Form.VisaNeed"] = "j1",
            ["Form.YearOfGraduation"] = "1950", ["Form.Season"] = "2027", ["Form.Step2Ck"] = "230", ["Form.Specialty"] = "internal_medicine",
        }, 400);
        (await post.ReadAsTextAsync()).ShouldContain("id=\"f-form-yearofgraduation-error\">Year of graduation must be 1982 or later");
    }

    /// <summary>Posts the /try form as a browser does: antiforgery field and cookie from a GET first.</summary>
    private async Task<Alba.IScenarioResult> PostTryAsync(Dictionary<string, string> fields, int status)
    {
        var get = await Host.Scenario(x => x.Get.Url("/try"));
        var token = AntiforgeryField().Match(await get.ReadAsTextAsync()).Groups[1].Value;
        var cookie = get.Context.Response.Headers.SetCookie.ToString().Split(';')[0];
        fields["__RequestVerificationToken"] = token;
        return await Host.Scenario(x =>
        {
            x.Post.FormData(fields).ToUrl("/try");
            x.WithRequestHeader("Cookie", cookie);
            x.StatusCodeShouldBe(status);
        });
    }

    [Fact]
    public async Task when_an_advisor_opens_a_file_of_another_organization_it_is_not_found()
    {
        var orgA = await App.CreateOrgAsync("pga");
        var orgB = await App.CreateOrgAsync("pgb");
        var advisorA = await App.AdvisorAsync(orgA);
        var advisorB = await App.AdvisorAsync(orgB);
        var opened = await As(advisorA, x =>
        {
            x.Post.Json(new
            {
                name = "Dr. Page Test", email = "page@example.org", medical_school_country = "Egypt", img_type = "non_us_img",
                visa_need = "j1", year_of_graduation = 2019, target_specialties = new[] { "internal_medicine" },
            }).ToUrl("/api/candidates");
            x.StatusCodeShouldBe(201);
        });
        var id = (await opened.ReadAsJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var own = await As(advisorA, x =>
        {
            x.Get.Url($"/candidates/{id}");
            x.StatusCodeShouldBe(200);
        });
        (await own.ReadAsTextAsync()).ShouldContain("Dr. Page Test");
        await As(advisorB, x =>
        {
            x.Get.Url($"/candidates/{id}");
            x.StatusCodeShouldBe(404);
        });
        await As(advisorB, x =>
        {
            x.Get.Url($"/candidates/{id}/list");
            x.StatusCodeShouldBe(404);
        });
    }

    [Fact]
    public async Task when_a_candidate_asks_for_staff_pages_they_are_refused()
    {
        var org = await App.CreateOrgAsync("pgc");
        var candidate = await App.CreateUserAsync(org, SmartPickRoles.Candidate, Guid.NewGuid());
        await As(candidate, x =>
        {
            x.Get.Url("/cohort");
            x.StatusCodeShouldBe(403);
        });
        await As(candidate, x =>
        {
            x.Get.Url("/catalog");
            x.StatusCodeShouldBe(403);
        });
    }

    [Fact]
    public async Task when_an_advisor_opens_the_cohort_the_table_and_counts_render()
    {
        var org = await App.CreateOrgAsync("pgd");
        var advisor = await App.AdvisorAsync(org);
        var result = await As(advisor, x =>
        {
            x.Get.Url("/cohort?sort=name&status=Open");
            x.StatusCodeShouldBe(200);
        });
        var html = await result.ReadAsTextAsync();
        html.ShouldContain("data-testid=\"cohort-table\"");
        html.ShouldContain("0 candidates");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
