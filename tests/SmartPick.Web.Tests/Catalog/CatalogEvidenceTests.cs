using System.Text.Json;
using System.Text.RegularExpressions;
using Alba;
using Shouldly;
using SmartPick.Contracts;
using SmartPick.Web.Tests.Infrastructure;
using SmartPick.Web.Tests.Pages;

namespace SmartPick.Web.Tests.Catalog;

public sealed class CatalogEvidenceTests(AppFixture app) : CatalogTest(app)
{
    private const string Source = "Agency call with the coordinator";

    private async Task<JsonElement> FirstProgramAsync(TestUser user) =>
        (await GetJsonAs(user, "/api/catalog/programs?page_size=1")).GetProperty("items")[0];

    private static Dictionary<string, object?> WithFields(JsonElement program, params (string Field, object? Value)[] changes)
    {
        var body = program.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone());
        foreach (var (field, value) in changes) body[field] = value;
        return body;
    }

    private static (string, object?)[] Evidence(object? nonUsImg, object? usImg, object? signal, object? noSignal, string source, string? observedOn) =>
    [
        ("nonus_img_interview_rate", nonUsImg), ("us_img_interview_rate", usImg), ("signal_interview_rate", signal),
        ("no_signal_interview_rate", noSignal), ("evidence_source", source), ("evidence_observed_on", observedOn),
    ];

    private static string EvidenceText(string html) =>
        PageForms.Text(Regex.Match(html, "<ul aria-labelledby=\"evidence-heading\" data-testid=\"evidence\">.*?</ul>", RegexOptions.Singleline).Value);

    /// <summary>The edit form's fields as the page filled them in (inputs, selected options, the text area).</summary>
    private async Task<Dictionary<string, string>> EditFormAsync(TestUser admin, string code)
    {
        var html = await App.PageAs(admin, $"/catalog/programs/{code}/edit");
        var form = Regex.Match(html, "<form method=\"post\" class=\"card\".*?</form>", RegexOptions.Singleline).Value;
        var fields = new Dictionary<string, string>();
        foreach (Match m in Regex.Matches(form, "<input [^>]*name=\"([^\"]+)\" value=\"([^\"]*)\""))
            if (m.Groups[1].Value != "__RequestVerificationToken") fields[m.Groups[1].Value] = System.Net.WebUtility.HtmlDecode(m.Groups[2].Value);
        foreach (Match m in Regex.Matches(form, "<select id=\"[^\"]+\" name=\"([^\"]+)\"[^>]*>(.*?)</select>", RegexOptions.Singleline))
            fields[m.Groups[1].Value] = Regex.Match(m.Groups[2].Value, "<option value=\"([^\"]*)\" selected>").Groups[1].Value;
        fields["notes"] = System.Net.WebUtility.HtmlDecode(Regex.Match(form, "<textarea [^>]*name=\"notes\"[^>]*>(.*?)</textarea>", RegexOptions.Singleline).Groups[1].Value);
        return fields;
    }

    [Fact]
    public async Task an_admin_sets_evidence_through_the_api_and_the_program_page_says_it_in_plain_words_with_its_history()
    {
        var org = await App.CreateOrgAsync("evd");
        var admin = await App.CreateUserAsync(org, SmartPickRoles.OrgAdmin, name: "Eve Evidence");
        var program = await FirstProgramAsync(admin);
        var code = program.GetProperty("program_code").GetString()!;

        var edited = await Json(await As(admin, x => x.Put.Json(WithFields(program, Evidence(0.03m, null, 0.43m, 0.15m, Source, "2025-01")))
            .ToUrl($"/api/catalog/programs/{code}")));

        var view = edited.GetProperty("program");
        view.GetProperty("nonus_img_interview_rate").GetDecimal().ShouldBe(0.03m);
        view.GetProperty("us_img_interview_rate").ValueKind.ShouldBe(JsonValueKind.Null);
        view.GetProperty("signal_interview_rate").GetDecimal().ShouldBe(0.43m);
        view.GetProperty("evidence_source").GetString().ShouldBe(Source);
        view.GetProperty("evidence_observed_on").GetString().ShouldBe("2025-01");
        var read = (await GetJsonAs(admin, $"/api/catalog/programs/{code}")).GetProperty("program");
        read.GetProperty("no_signal_interview_rate").GetDecimal().ShouldBe(0.15m);

        var html = await App.PageAs(admin, $"/catalog/programs/{code}");
        var evidence = EvidenceText(html);
        evidence.ShouldContain($"Invited 3% of non-US IMG applicants to interview (2024–25, source {Source})");
        evidence.ShouldContain("US IMG applicants: not published");
        evidence.ShouldContain($"Invited 43% of applicants who sent the program a signal to interview (2024–25, source {Source})");
        evidence.ShouldContain("Invited 15% of applicants who did not signal to interview");

        var fields = (await GetJsonAs(admin, $"/api/catalog/programs/{code}/history")).GetProperty("changes")[0].GetProperty("fields")
            .EnumerateArray().Select(f => f.GetProperty("field").GetString()).ToList();
        fields.ShouldContain("nonus_img_interview_rate");
        fields.ShouldContain("evidence_source");
        var history = PageForms.Text(Regex.Match(html, "<ol class=\"timeline\" data-testid=\"history\">.*?</ol>", RegexOptions.Singleline).Value);
        history.ShouldContain("Changed by Eve Evidence, from the catalog editor");
        history.ShouldContain("Interview rate, non-US IMGs : ");
        history.ShouldContain("→ 0.03");
        history.ShouldContain("Source of the interview rates : ");
    }

    [Fact]
    public async Task bad_evidence_through_the_api_is_a_bad_request_naming_each_field_and_changes_nothing()
    {
        var org = await App.CreateOrgAsync("evd");
        var admin = await App.OrgAdminAsync(org);
        var page = await GetJsonAs(admin, "/api/catalog/programs?page_size=1");
        var program = page.GetProperty("items")[0];
        var code = program.GetProperty("program_code").GetString()!;

        var result = await As(admin, x =>
        {
            x.Put.Json(WithFields(program, Evidence(3, 1.5m, -0.1m, 0.12345m, "line one\nline two", "2025/01"))).ToUrl($"/api/catalog/programs/{code}");
            x.StatusCodeShouldBe(400);
        });

        var errors = (await Json(result)).GetProperty("errors");
        errors.GetProperty("nonus_img_interview_rate")[0].GetString()!.ShouldContain("not a percent: write 0.03 for 3%");
        errors.GetProperty("us_img_interview_rate")[0].GetString()!.ShouldContain("not a percent");
        errors.GetProperty("signal_interview_rate")[0].GetString()!.ShouldContain("from 0 to 1");
        errors.GetProperty("no_signal_interview_rate")[0].GetString()!.ShouldContain("decimal places");
        errors.GetProperty("evidence_source")[0].GetString()!.ShouldContain("line break");
        errors.GetProperty("evidence_observed_on")[0].GetString()!.ShouldContain("yyyy-MM");
        (await GetJsonAs(admin, "/api/catalog")).GetProperty("catalog_version").GetString().ShouldBe(page.GetProperty("catalog_version").GetString());
    }

    [Fact]
    public async Task an_admin_edits_evidence_on_the_page_and_a_percent_sign_is_shown_on_its_field()
    {
        var org = await App.CreateOrgAsync("evd");
        var admin = await App.OrgAdminAsync(org);
        var code = (await FirstProgramAsync(admin)).GetProperty("program_code").GetString()!;
        var url = $"/catalog/programs/{code}/edit";
        var fields = await EditFormAsync(admin, code);
        fields.ShouldContainKey("nonus_img_interview_rate");
        fields.ShouldContainKey("evidence_observed_on");

        fields["nonus_img_interview_rate"] = "3%";
        fields["us_img_interview_rate"] = "2";
        fields["evidence_observed_on"] = "1999-12";
        var refused = await App.SubmitAs(admin, url, url, fields, 400);
        var html = await refused.ReadAsTextAsync();
        html.ShouldContain("id=\"f-nonus-img-interview-rate-error\">Non-US IMG interview rate must be a share from 0 to 1, not a percent: write 0.03 for 3%.");
        html.ShouldContain("name=\"nonus_img_interview_rate\" value=\"3%\"");
        (await GetJsonAs(admin, "/api/catalog/versions")).GetArrayLength().ShouldBe(1);

        fields["nonus_img_interview_rate"] = "0.03";
        html = await (await App.SubmitAs(admin, url, url, fields, 400)).ReadAsTextAsync();
        html.ShouldContain("id=\"f-us-img-interview-rate-error\"");
        html.ShouldContain("write 0.02 for 2%");
        html.ShouldContain("id=\"f-evidence-observed-on-error\"");
        html.ShouldNotContain("id=\"f-nonus-img-interview-rate-error\"");

        fields["us_img_interview_rate"] = "";
        fields["signal_interview_rate"] = "";
        fields["no_signal_interview_rate"] = "";
        fields["evidence_source"] = Source;
        fields["evidence_observed_on"] = "2025-09-15";
        await App.SubmitAs(admin, url, url, fields, 302);

        var evidence = EvidenceText(await App.PageAs(admin, $"/catalog/programs/{code}"));
        evidence.ShouldContain($"Invited 3% of non-US IMG applicants to interview (2025–26, source {Source})");
        evidence.ShouldContain("US IMG applicants: not published");
        evidence.ShouldContain("Applicants who sent the program a signal: not published");
        var api = (await GetJsonAs(admin, $"/api/catalog/programs/{code}")).GetProperty("program");
        api.GetProperty("nonus_img_interview_rate").GetDecimal().ShouldBe(0.03m);
        api.GetProperty("evidence_observed_on").GetString().ShouldBe("2025-09-15");
    }

    [Fact]
    public async Task another_organizations_program_is_not_found_for_reading_or_editing_its_evidence()
    {
        var owner = await App.CreateOrgAsync("evd");
        var admin = await App.OrgAdminAsync(owner);
        var outsider = await App.OrgAdminAsync(await App.CreateOrgAsync("evd"));

        const string code = "9998140C0";
        var csv = await ExportCsvAs(admin);
        var added = code + ",Owner Only Program,Private Hospital,Albany,NY,140,Internal Medicine,categorical,community,4,50,yes,no,,unknown,,unknown,,,agency notes,2026-10-01,0.04,0.05,,,Owner agency call,2025-01";
        var preview = await Json(await UploadBodyAs(admin, csv + added + "\r\n"));
        preview.GetProperty("error_count").GetInt32().ShouldBe(0);
        await ApplyAs(admin, preview.GetProperty("import_id").GetString()!);
        EvidenceText(await App.PageAs(admin, $"/catalog/programs/{code}")).ShouldContain("Invited 4% of non-US IMG applicants to interview (2024–25, source Owner agency call)");

        await As(outsider, x => { x.Get.Url($"/catalog/programs/{code}"); x.StatusCodeShouldBe(404); });
        await As(outsider, x => { x.Get.Url($"/catalog/programs/{code}/edit"); x.StatusCodeShouldBe(404); });
        await As(outsider, x =>
        {
            x.Put.Json(new Dictionary<string, object?> { ["program_name"] = "x", ["nonus_img_interview_rate"] = 0.5m }).ToUrl($"/api/catalog/programs/{code}");
            x.StatusCodeShouldBe(404);
        });
        (await GetJsonAs(admin, $"/api/catalog/programs/{code}")).GetProperty("program").GetProperty("nonus_img_interview_rate").GetDecimal().ShouldBe(0.04m);
    }

    [Fact]
    public async Task an_advisor_can_read_evidence_but_not_edit_it()
    {
        var org = await App.CreateOrgAsync("evd");
        var advisor = await App.AdvisorAsync(org);
        var program = await FirstProgramAsync(advisor);
        var code = program.GetProperty("program_code").GetString()!;

        var html = await App.PageAs(advisor, $"/catalog/programs/{code}");
        html.ShouldContain("data-testid=\"evidence\"");
        await As(advisor, x =>
        {
            x.Put.Json(WithFields(program, Evidence(0.5m, 0.5m, null, null, "advisor guess", "2025-01"))).ToUrl($"/api/catalog/programs/{code}");
            x.StatusCodeShouldBe(403);
        });
        await As(advisor, x => { x.Get.Url($"/catalog/programs/{code}/edit"); x.StatusCodeShouldBe(403); });
        (await GetJsonAs(advisor, "/api/catalog/versions")).GetArrayLength().ShouldBe(1);
    }
}
