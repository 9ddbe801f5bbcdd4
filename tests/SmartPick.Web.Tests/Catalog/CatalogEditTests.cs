using System.Text.Json;
using Shouldly;
using SmartPick.Contracts;
using SmartPick.Web.Tests.Infrastructure;
using Wolverine.Tracking;

namespace SmartPick.Web.Tests.Catalog;

public sealed class CatalogEditTests(AppFixture app) : CatalogTest(app)
{
    [Fact]
    public async Task an_edit_makes_a_new_version_records_who_changed_which_field_and_publishes_the_version()
    {
        var org = await App.CreateOrgAsync("cat");
        var admin = await App.CreateUserAsync(org, SmartPickRoles.OrgAdmin, name: "Ada Admin");
        var details = await GetJsonAs(admin, "/api/catalog/programs?page_size=1");
        var program = details.GetProperty("items")[0];
        var code = program.GetProperty("program_code").GetString()!;
        var before = details.GetProperty("catalog_version").GetString()!;
        var oldPositions = program.GetProperty("positions");
        var newPositions = oldPositions.ValueKind == JsonValueKind.Number ? oldPositions.GetInt32() + 1 : 7;

        JsonElement edited = default;
        var tracked = await Host.ExecuteAndWaitAsync(async () =>
            edited = await Json(await As(admin, x => x.Put.Json(WithFields(program, ("positions", newPositions), ("expected_version", before)))
                .ToUrl($"/api/catalog/programs/{code}"))), 30_000);

        var after = edited.GetProperty("catalog_version").GetString()!;
        after.ShouldNotBe(before);
        edited.GetProperty("version_number").GetInt32().ShouldBe(2);
        edited.GetProperty("program").GetProperty("positions").GetInt32().ShouldBe(newPositions);
        tracked.FindSingleTrackedMessageOfType<CatalogVersionPublished>().CatalogVersion.ShouldBe(after);

        var summary = await GetJsonAs(admin, "/api/catalog");
        summary.GetProperty("catalog_version").GetString().ShouldBe(after);
        summary.GetProperty("label").GetString().ShouldBe("demo"); // still the demo catalog, edited

        var versions = await GetJsonAs(admin, "/api/catalog/versions");
        versions.GetArrayLength().ShouldBe(2);
        versions[0].GetProperty("catalog_version").GetString().ShouldBe(after);
        versions[0].GetProperty("previous_catalog_version").GetString().ShouldBe(before);
        versions[0].GetProperty("source").GetString().ShouldBe("edit");
        versions[0].GetProperty("changed").GetInt32().ShouldBe(1);

        var history = await GetJsonAs(admin, $"/api/catalog/programs/{code}/history");
        var change = history.GetProperty("changes").EnumerateArray().Single();
        change.GetProperty("kind").GetString().ShouldBe("changed");
        change.GetProperty("source").GetString().ShouldBe("edit");
        change.GetProperty("changed_by").GetProperty("name").GetString().ShouldBe("Ada Admin");
        var field = change.GetProperty("fields").EnumerateArray().Single();
        field.GetProperty("field").GetString().ShouldBe("positions");
        field.GetProperty("from").GetString().ShouldBe(oldPositions.ValueKind == JsonValueKind.Number ? oldPositions.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture) : "");
        field.GetProperty("to").GetString().ShouldBe(newPositions.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task an_edit_against_an_old_version_is_refused_as_stale()
    {
        var org = await App.CreateOrgAsync("cat");
        var admin = await App.OrgAdminAsync(org);
        var page = await GetJsonAs(admin, "/api/catalog/programs?page_size=2");
        var before = page.GetProperty("catalog_version").GetString()!;
        var first = page.GetProperty("items")[0];
        var second = page.GetProperty("items")[1];
        await As(admin, x => x.Put.Json(WithFields(first, ("notes", "checked by phone"), ("expected_version", before)))
            .ToUrl($"/api/catalog/programs/{first.GetProperty("program_code").GetString()}"));

        var stale = await As(admin, x =>
        {
            x.Put.Json(WithFields(second, ("notes", "also checked"), ("expected_version", before)))
                .ToUrl($"/api/catalog/programs/{second.GetProperty("program_code").GetString()}");
            x.StatusCodeShouldBe(412);
        });
        (await Json(stale)).GetProperty("detail").GetString()!.ShouldContain(before);
        (await GetJsonAs(admin, "/api/catalog/versions")).GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task an_invalid_edit_is_a_bad_request_naming_each_field_and_changes_nothing()
    {
        var org = await App.CreateOrgAsync("cat");
        var admin = await App.OrgAdminAsync(org);
        var page = await GetJsonAs(admin, "/api/catalog/programs?page_size=1");
        var program = page.GetProperty("items")[0];
        var code = program.GetProperty("program_code").GetString()!;

        var result = await As(admin, x =>
        {
            x.Put.Json(WithFields(program, ("img_share", 140), ("visa_h1b", "sometimes"), ("program_name", "")))
                .ToUrl($"/api/catalog/programs/{code}");
            x.StatusCodeShouldBe(400);
        });

        var errors = (await Json(result)).GetProperty("errors");
        errors.TryGetProperty("img_share", out _).ShouldBeTrue();
        errors.TryGetProperty("visa_h1b", out _).ShouldBeTrue();
        errors.TryGetProperty("program_name", out _).ShouldBeTrue();
        (await GetJsonAs(admin, "/api/catalog")).GetProperty("catalog_version").GetString()
            .ShouldBe(page.GetProperty("catalog_version").GetString());
        (await GetJsonAs(admin, $"/api/catalog/programs/{code}/history")).GetProperty("changes").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task an_edit_cannot_rename_the_program_code_and_an_unknown_code_is_not_found()
    {
        var org = await App.CreateOrgAsync("cat");
        var admin = await App.OrgAdminAsync(org);
        var program = (await GetJsonAs(admin, "/api/catalog/programs?page_size=1")).GetProperty("items")[0];
        var code = program.GetProperty("program_code").GetString()!;

        var renamed = await As(admin, x =>
        {
            x.Put.Json(WithFields(program, ("program_code", "9999999C9"))).ToUrl($"/api/catalog/programs/{code}");
            x.StatusCodeShouldBe(400);
        });
        (await Json(renamed)).GetProperty("errors").TryGetProperty("program_code", out _).ShouldBeTrue();

        await As(admin, x =>
        {
            x.Put.Json(WithFields(program, ("program_code", "9999999C9"))).ToUrl("/api/catalog/programs/9999999C9");
            x.StatusCodeShouldBe(404);
        });
        await GetJsonAs(admin, "/api/catalog/programs/9999999C9", 404);
        await GetJsonAs(admin, "/api/catalog/programs/9999999C9/history", 404);
    }

    [Fact]
    public async Task a_search_filters_by_text_specialty_state_and_visa_and_pages()
    {
        var org = await App.CreateOrgAsync("cat");
        var advisor = await App.AdvisorAsync(org);
        var demo = SmartPick.Catalog.Demo.DemoCatalog.Generate().Programs;
        var expected = demo.Count(p => p.SpecialtyCode == "140" && p.State == "NY" && p.VisaJ1 == SmartPick.Matching.Model.Tristate.Yes);

        var page = await GetJsonAs(advisor, "/api/catalog/programs?specialty=140&state=ny&visa=j1&page=1&page_size=3");

        page.GetProperty("total").GetInt32().ShouldBe(expected);
        page.GetProperty("items").GetArrayLength().ShouldBe(Math.Min(3, expected));
        foreach (var item in page.GetProperty("items").EnumerateArray())
        {
            item.GetProperty("specialty_code").GetString().ShouldBe("140");
            item.GetProperty("state").GetString().ShouldBe("NY");
            item.GetProperty("visa_j1").GetString().ShouldBe("yes");
        }

        var one = demo[5];
        var byText = await GetJsonAs(advisor, $"/api/catalog/programs?q={Uri.EscapeDataString(one.ProgramCode.ToLowerInvariant())}");
        byText.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("program_code").GetString()).ShouldContain(one.ProgramCode);

        var bad = await GetJsonAs(advisor, "/api/catalog/programs?visa=sometimes&page_size=0", 400);
        bad.GetProperty("errors").TryGetProperty("visa", out _).ShouldBeTrue();
        bad.GetProperty("errors").TryGetProperty("page_size", out _).ShouldBeTrue();
    }

    private static Dictionary<string, object?> WithFields(JsonElement program, params (string Field, object? Value)[] changes)
    {
        var body = program.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone());
        foreach (var (field, value) in changes) body[field] = value;
        return body;
    }
}
