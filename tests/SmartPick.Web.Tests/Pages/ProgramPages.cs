using System.Text.Json;
using System.Text.RegularExpressions;
using Alba;
using Shouldly;
using SmartPick.Contracts;
using SmartPick.Web.Tests.Infrastructure;

namespace SmartPick.Web.Tests.Pages;

public sealed class ProgramPages(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task when_an_advisor_browses_the_catalog_a_program_name_opens_its_page_without_an_edit_button()
    {
        var org = await App.CreateOrgAsync("prg");
        var advisor = await App.AdvisorAsync(org);

        var catalog = await App.PageAs(advisor, "/catalog");
        var link = Regex.Match(catalog, "<a href=\"(/catalog/programs/[^\"]+)\" data-testid=\"program-link\"><strong>([^<]+)</strong>");
        link.Success.ShouldBeTrue();

        var html = await App.PageAs(advisor, link.Groups[1].Value);
        html.ShouldContain($"<h1>{link.Groups[2].Value}</h1>");
        html.ShouldContain("data-testid=\"history-empty\"");
        html.ShouldNotContain("Edit program");
        await As(advisor, x => { x.Get.Url(link.Groups[1].Value + "/edit"); x.StatusCodeShouldBe(403); });
    }

    [Fact]
    public async Task when_an_admin_edits_a_program_the_page_shows_the_new_value_and_who_changed_it()
    {
        var org = await App.CreateOrgAsync("prg");
        var admin = await App.CreateUserAsync(org, SmartPickRoles.OrgAdmin, name: "Edna Editor");
        var (code, program) = await FirstProgramAsync(admin);
        var fields = await EditFormAsync(admin, code);
        fields["positions"] = "99";
        fields["notes"] = "Confirmed by phone";

        var saved = await App.SubmitAs(admin, $"/catalog/programs/{code}/edit", $"/catalog/programs/{code}/edit", fields, 302);

        saved.Context.Response.Headers.Location.ToString().ShouldBe($"/catalog/programs/{code}?saved=2");
        var html = await App.PageAs(admin, $"/catalog/programs/{code}?saved=2");
        html.ShouldContain("Saved as catalog version 2.");
        var history = PageForms.Text(Regex.Match(html, "<ol class=\"timeline\" data-testid=\"history\">.*?</ol>", RegexOptions.Singleline).Value);
        history.ShouldContain("Changed by Edna Editor, from the catalog editor (version 2)");
        var oldPositions = program.GetProperty("positions").ValueKind == JsonValueKind.Number ? program.GetProperty("positions").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture) : "(empty)";
        history.ShouldContain($"positions : {oldPositions} → 99");
        history.ShouldContain("notes : ");
        var api = await (await As(admin, x => x.Get.Url($"/api/catalog/programs/{code}"))).ReadAsJsonAsync<JsonElement>();
        api.GetProperty("program").GetProperty("positions").GetInt32().ShouldBe(99);
    }

    [Fact]
    public async Task when_an_edit_breaks_the_sheet_rules_each_field_says_why_and_nothing_is_saved()
    {
        var org = await App.CreateOrgAsync("prg");
        var admin = await App.OrgAdminAsync(org);
        var (code, _) = await FirstProgramAsync(admin);
        var fields = await EditFormAsync(admin, code);
        fields["state"] = "ZZ";
        fields["img_share"] = "lots";

        var result = await App.SubmitAs(admin, $"/catalog/programs/{code}/edit", $"/catalog/programs/{code}/edit", fields, 400);
        var html = await result.ReadAsTextAsync();
        html.ShouldContain("id=\"f-img-share-error\">IMG share must be a number");

        fields["img_share"] = "150";
        result = await App.SubmitAs(admin, $"/catalog/programs/{code}/edit", $"/catalog/programs/{code}/edit", fields, 400);
        html = await result.ReadAsTextAsync();
        html.ShouldContain("id=\"f-state-error\"");
        html.ShouldContain("id=\"f-img-share-error\"");
        html.ShouldContain("aria-invalid=\"true\"");
        var versions = await (await As(admin, x => x.Get.Url("/api/catalog/versions"))).ReadAsJsonAsync<JsonElement>();
        versions.GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task when_someone_else_changed_the_catalog_meanwhile_the_edit_is_refused_with_a_clear_message()
    {
        var org = await App.CreateOrgAsync("prg");
        var admin = await App.OrgAdminAsync(org);
        var page = await As(admin, x => x.Get.Url("/api/catalog/programs?page_size=2"));
        var items = (await page.ReadAsJsonAsync<JsonElement>()).GetProperty("items");
        var code = items[0].GetProperty("program_code").GetString()!;
        var other = items[1];
        var fields = await EditFormAsync(admin, code);

        // Another admin saves a change to another program after this form was loaded.
        var otherBody = JsonSerializer.Deserialize<Dictionary<string, object?>>(other.GetRawText())!;
        otherBody["notes"] = "Changed meanwhile";
        await As(admin, x => { x.Put.Json(otherBody).ToUrl($"/api/catalog/programs/{other.GetProperty("program_code").GetString()}"); x.StatusCodeShouldBe(200); });

        fields["positions"] = "42";
        var result = await App.SubmitAs(admin, $"/catalog/programs/{code}/edit", $"/catalog/programs/{code}/edit", fields, 412);

        var html = await result.ReadAsTextAsync();
        html.ShouldContain("data-testid=\"stale\"");
        html.ShouldContain("Someone else changed the catalog while you were editing, so nothing was saved.");
        html.ShouldContain("name=\"positions\" value=\"42\"");
        var api = await (await As(admin, x => x.Get.Url($"/api/catalog/programs/{code}"))).ReadAsJsonAsync<JsonElement>();
        api.GetProperty("program").GetProperty("positions").ToString().ShouldNotBe("42");
    }

    [Fact]
    public async Task another_organizations_edit_is_not_visible_and_an_unknown_program_is_not_found()
    {
        var orgA = await App.CreateOrgAsync("prga");
        var orgB = await App.CreateOrgAsync("prgb");
        var adminA = await App.OrgAdminAsync(orgA);
        var advisorB = await App.AdvisorAsync(orgB);
        var (code, _) = await FirstProgramAsync(adminA);
        var fields = await EditFormAsync(adminA, code);
        fields["program_name"] = "Only In Agency A";
        await App.SubmitAs(adminA, $"/catalog/programs/{code}/edit", $"/catalog/programs/{code}/edit", fields, 302);

        var theirs = await App.PageAs(advisorB, $"/catalog/programs/{code}");
        theirs.ShouldNotContain("Only In Agency A");
        theirs.ShouldContain("data-testid=\"history-empty\"");
        await As(advisorB, x => { x.Get.Url("/catalog/programs/NO-SUCH-PROGRAM"); x.StatusCodeShouldBe(404); });
        await As(adminA, x => { x.Get.Url("/catalog/programs/NO-SUCH-PROGRAM/edit"); x.StatusCodeShouldBe(404); });
    }

    private async Task<(string Code, JsonElement Program)> FirstProgramAsync(TestUser user)
    {
        var page = await (await As(user, x => x.Get.Url("/api/catalog/programs?page_size=1"))).ReadAsJsonAsync<JsonElement>();
        var program = page.GetProperty("items")[0];
        return (program.GetProperty("program_code").GetString()!, program);
    }

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
        var notes = Regex.Match(form, "<textarea [^>]*name=\"notes\"[^>]*>(.*?)</textarea>", RegexOptions.Singleline);
        fields["notes"] = System.Net.WebUtility.HtmlDecode(notes.Groups[1].Value);
        fields.ShouldContainKey("expected_version");
        fields.ShouldContainKey("program_name");
        return fields;
    }
}
