using System.Text.Json;
using Shouldly;
using SmartPick.Web.Tests.Advising;
using SmartPick.Web.Tests.Infrastructure;

namespace SmartPick.Web.Tests.Pages;

/// <summary>An advisor corrects an exam result and archives a file from the file page, as from the API.</summary>
public sealed class FileCorrectionAndArchivePages(AppFixture app) : AdvisingTest(app)
{
    [Fact]
    public async Task an_advisor_corrects_an_exam_result_on_the_page_and_the_timeline_shows_the_correction_with_its_reason()
    {
        var org = await App.CreateOrgAsync("correct");
        var advisor = await App.AdvisorAsync(org);
        var id = await OpenFileAsync(advisor);
        var recorded = await PostAsync(advisor, $"/api/candidates/{id}/exams", new { exam = new { exam = "step2ck", score = 282 }, taken_on = "2024-02-01" });
        var examId = recorded.GetProperty("item_id").GetGuid().ToString();

        var page = await App.PageAs(advisor, $"/candidates/{id}");
        page.ShouldContain("data-testid=\"form-correction\"");
        PageForms.Text(page).ShouldContain("Step 2 CK, attempt 1: 282 (1 Feb 2024)");

        // Without a reason: the field says why, nothing is recorded (the list the exam changed is settled first).
        await SettledListAsync(advisor, id);
        var version = await VersionAsync(advisor, id);
        var refused = await App.SubmitAs(advisor, $"/candidates/{id}", $"/candidates/{id}?handler=Correction",
            new Dictionary<string, string> { ["correction.ExamId"] = examId, ["correction.Score"] = "228" }, 400);
        (await refused.ReadAsTextAsync()).ShouldContain("Say why the result is corrected");
        (await VersionAsync(advisor, id)).ShouldBe(version);

        var done = await App.SubmitAs(advisor, $"/candidates/{id}", $"/candidates/{id}?handler=Correction",
            new Dictionary<string, string> { ["correction.ExamId"] = examId, ["correction.Score"] = "228", ["correction.Reason"] = "typed 282 for 228" }, 302);
        done.Context.Response.Headers.Location.ToString().ShouldStartWith($"/candidates/{id}?recorded=correction");

        var file = await GetAsync(advisor, $"/api/candidates/{id}");
        file.GetProperty("exams")[0].GetProperty("score").GetInt32().ShouldBe(228);
        var text = PageForms.Text(await App.PageAs(advisor, $"/candidates/{id}"));
        text.ShouldContain("Correction: exam result set to 228");
        text.ShouldContain("typed 282 for 228");
        text.ShouldContain("corrected before");
    }

    [Fact]
    public async Task archiving_from_the_page_needs_the_box_ticked_then_the_file_is_read_only_and_leaves_the_cohort()
    {
        var org = await App.CreateOrgAsync("archive");
        var advisor = await App.AdvisorAsync(org);
        var id = await OpenFileAsync(advisor);
        (await App.PageAs(advisor, $"/candidates/{id}")).ShouldContain("data-testid=\"form-archive\"");

        await SettledListAsync(advisor, id);
        var version = await VersionAsync(advisor, id);
        var refused = await App.SubmitAs(advisor, $"/candidates/{id}", $"/candidates/{id}?handler=Archive",
            new Dictionary<string, string> { ["archive.Reason"] = "left the agency", ["archive.Confirm"] = "false" }, 400);
        (await refused.ReadAsTextAsync()).ShouldContain("Tick the box to confirm");
        (await VersionAsync(advisor, id)).ShouldBe(version);

        await App.SubmitAs(advisor, $"/candidates/{id}", $"/candidates/{id}?handler=Archive",
            new Dictionary<string, string> { ["archive.Reason"] = "left the agency", ["archive.Confirm"] = "true" }, 302);

        var html = await App.PageAs(advisor, $"/candidates/{id}");
        html.ShouldContain("This file is archived");
        html.ShouldNotContain("data-testid=\"form-archive\"");
        html.ShouldNotContain("data-testid=\"form-exam\"");
        PageForms.Text(html).ShouldContain("left the agency");
        var cohort = await GetAsync(advisor, "/api/candidates");
        cohort.GetProperty("candidates").EnumerateArray().ShouldNotContain(c => c.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task another_organizations_advisor_cannot_correct_or_archive_the_file_from_the_page()
    {
        var org = await App.CreateOrgAsync("archive-a");
        var advisor = await App.AdvisorAsync(org);
        var id = await OpenFileAsync(advisor);
        var outsider = await App.AdvisorAsync(await App.CreateOrgAsync("archive-b"));
        var outsiderFile = await OpenFileAsync(outsider);
        await SettledListAsync(advisor, id);
        var version = await VersionAsync(advisor, id);

        // The outsider's own page gives a valid form token; the post names the other organization's file.
        await App.SubmitAs(outsider, $"/candidates/{outsiderFile}", $"/candidates/{id}?handler=Archive",
            new Dictionary<string, string> { ["archive.Confirm"] = "true" }, 404);
        await App.SubmitAs(outsider, $"/candidates/{outsiderFile}", $"/candidates/{id}?handler=Correction",
            new Dictionary<string, string> { ["correction.ExamId"] = Guid.NewGuid().ToString(), ["correction.Score"] = "228", ["correction.Reason"] = "x" }, 404);
        (await VersionAsync(advisor, id)).ShouldBe(version);
    }
}
