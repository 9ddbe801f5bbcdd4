using System.Text.Json;
using Shouldly;
using SmartPick.Web.Tests.Infrastructure;

namespace SmartPick.Web.Tests.Advising;

/// <summary>Values no real file can hold are refused with a field error, and nothing is recorded.</summary>
public sealed class BadValueTests(AppFixture app) : AdvisingTest(app)
{
    private static IEnumerable<string> Fields(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name);

    [Fact]
    public async Task a_graduation_year_decades_before_any_applicant_is_refused()
    {
        var org = await App.CreateOrgAsync("badyog");
        var advisor = await App.AdvisorAsync(org);
        var result = await As(advisor, x =>
        {
            x.Post.Json(new
            {
                name = "Old Year", email = "old@example.org", medical_school_country = "Egypt", img_type = "non_us_img",
                visa_need = "j1", year_of_graduation = 1950, target_specialties = new[] { "internal_medicine" },
            }).ToUrl("/api/candidates");
            x.StatusCodeShouldBe(400);
        });
        Fields(await result.ReadAsJsonAsync<JsonElement>()).ShouldContain("year_of_graduation");
        (await GetAsync(advisor, "/api/candidates")).GetProperty("candidates").GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData("step2ck", 180, true, "2025-05-10")]
    [InlineData("step2ck", 150, true, "2015-05-10")]
    [InlineData("step2ck", 240, false, "2025-05-10")]
    [InlineData("step3", 150, true, "2024-03-01")]
    public async Task a_pass_below_the_passing_score_or_a_fail_above_it_is_refused(string exam, int score, bool passed, string takenOn)
    {
        var org = await App.CreateOrgAsync("badpass");
        var advisor = await App.AdvisorAsync(org);
        var id = await OpenFileAsync(advisor);
        await SettledListAsync(advisor, id);
        var version = await VersionAsync(advisor, id);
        var problem = await PostAsync(advisor, $"/api/candidates/{id}/exams",
            new { exam = new { exam, score, passed }, taken_on = takenOn }, status: 400);
        Fields(problem).ShouldContain("exam.passed");
        (await VersionAsync(advisor, id)).ShouldBe(version);
    }

    [Fact]
    public async Task a_passing_score_recorded_as_a_pass_is_accepted()
    {
        var org = await App.CreateOrgAsync("okpass");
        var advisor = await App.AdvisorAsync(org);
        var id = await OpenFileAsync(advisor);
        await PostAsync(advisor, $"/api/candidates/{id}/exams", new { exam = new { exam = "step2ck", score = 231, passed = true }, taken_on = "2025-05-10" });
    }

    [Fact]
    public async Task programs_a_command_names_must_be_in_the_catalog()
    {
        var org = await App.CreateOrgAsync("badcode");
        var advisor = await App.AdvisorAsync(org);
        var id = await OpenFileAsync(advisor);
        var url = $"/api/candidates/{id}";
        await PostAsync(advisor, $"{url}/cycles", new { season = 2027 });
        await SettledListAsync(advisor, id);
        var version = await VersionAsync(advisor, id);

        var interview = await PostAsync(advisor, $"{url}/cycles/2027/interviews", new { program_code = "9999999Z0", invited_on = "2026-10-20" }, status: 400);
        interview.GetProperty("errors").GetProperty("program_code")[0].GetString()!.ShouldContain("9999999Z0");
        var applications = await PostAsync(advisor, $"{url}/cycles/2027/applications",
            new { program_codes = new[] { (await ProgramCodesAsync(advisor, 1))[0], "9999999Z0" }, submitted_on = "2026-09-02" }, status: 400);
        Fields(applications).ShouldBe(["program_codes[1]"]);
        var strategy = await PostAsync(advisor, $"{url}/strategy", new { pinned_signals = new[] { new { program_code = "9999999Z0" } } }, status: 400);
        Fields(strategy).ShouldContain("pinned_signals[0].program_code");
        (await VersionAsync(advisor, id)).ShouldBe(version);

        var real = (await ProgramCodesAsync(advisor, 1))[0];
        await PostAsync(advisor, $"{url}/cycles/2027/interviews", new { program_code = real, invited_on = "2026-10-20" });
    }

    [Fact]
    public async Task another_organizations_file_stays_not_found_whatever_the_program_code()
    {
        var orgA = await App.CreateOrgAsync("codea");
        var orgB = await App.CreateOrgAsync("codeb");
        var id = await OpenFileAsync(await App.AdvisorAsync(orgA));
        await PostAsync(await App.AdvisorAsync(orgB), $"/api/candidates/{id}/cycles/2027/interviews", new { program_code = "9999999Z0" }, status: 404);
    }
}
