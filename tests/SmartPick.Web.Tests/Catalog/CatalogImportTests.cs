using System.Text;
using Shouldly;
using SmartPick.Catalog.Demo;
using SmartPick.Web.Tests.Infrastructure;

namespace SmartPick.Web.Tests.Catalog;

public sealed class CatalogImportTests(AppFixture app) : CatalogTest(app)
{
    [Fact]
    public async Task a_new_organization_starts_from_the_demo_catalog_labelled_demo()
    {
        var org = await App.CreateOrgAsync("cat");
        var advisor = await App.AdvisorAsync(org);
        var demo = DemoCatalog.Generate();

        var summary = await GetJsonAs(advisor, "/api/catalog");

        summary.GetProperty("label").GetString().ShouldBe("demo");
        summary.GetProperty("catalog_version").GetString().ShouldBe(demo.Version);
        summary.GetProperty("program_count").GetInt32().ShouldBe(demo.Programs.Count);
        var versions = await GetJsonAs(advisor, "/api/catalog/versions");
        versions.GetArrayLength().ShouldBe(1);
        versions[0].GetProperty("source").GetString().ShouldBe("demo catalog");
    }

    [SharedCatalogSheetFact]
    public async Task the_real_catalog_sheet_imports_cleanly_and_exports_back_as_it_was_read()
    {
        var org = await App.CreateOrgAsync("cat");
        var admin = await App.OrgAdminAsync(org);
        var bytes = await File.ReadAllBytesAsync(SharedCatalogSheet.Path);
        var sheetCodes = Encoding.UTF8.GetString(bytes).Split("\r\n").Skip(1).Select(line => line.Split(',')[0]).ToHashSet(StringComparer.Ordinal);
        var demoCodesNotInSheet = DemoCatalog.Generate().Programs.Count(p => !sheetCodes.Contains(p.ProgramCode));

        var preview = await Json(await UploadFileAs(admin, bytes, "us-programs.csv", CsvType, mode: "replace"));

        preview.GetProperty("error_count").GetInt32().ShouldBe(0);
        preview.GetProperty("can_apply").GetBoolean().ShouldBeTrue();
        var programCount = preview.GetProperty("program_count").GetInt32();
        programCount.ShouldBeGreaterThan(6000);
        preview.GetProperty("removed").GetInt32().ShouldBe(demoCodesNotInSheet);
        (preview.GetProperty("added").GetInt32() + preview.GetProperty("changed").GetInt32() + preview.GetProperty("unchanged").GetInt32())
            .ShouldBe(programCount);
        var resultingVersion = preview.GetProperty("resulting_version").GetString();

        var applied = await Json(await ApplyAs(admin, preview.GetProperty("import_id").GetString()!, confirmRemovals: demoCodesNotInSheet));
        applied.GetProperty("catalog_version").GetString().ShouldBe(resultingVersion);

        var summary = await GetJsonAs(admin, "/api/catalog");
        summary.GetProperty("catalog_version").GetString().ShouldBe(resultingVersion);
        summary.GetProperty("label").GetString().ShouldBe("imported");
        summary.GetProperty("program_count").GetInt32().ShouldBe(programCount);

        // The sheet repeats a few rows verbatim; the preview names each as a warning and the catalog keeps the
        // program once. No cell of this sheet starts with a formula character, so the spreadsheet-safe guard
        // leaves every cell as read: the export is the file without the repeated lines, byte for byte, plus the
        // evidence columns (the file predates them), empty on every row.
        var repeatedLines = preview.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("line").GetInt32()).ToHashSet();
        var sourceLines = Encoding.UTF8.GetString(bytes).Split("\r\n");
        var expected = string.Join("\r\n", sourceLines
            .Select((line, index) => index == 0 ? line + ",nonus_img_interview_rate,us_img_interview_rate,signal_interview_rate,no_signal_interview_rate,evidence_source,evidence_observed_on"
                : line.Length == 0 ? line : line + ",,,,,,")
            .Where((_, index) => !repeatedLines.Contains(index + 1)));
        var exported = await ExportCsvAs(admin);
        exported.ShouldBe(expected);
    }

    [Fact]
    public async Task a_sheet_with_a_row_error_is_previewed_with_the_error_and_cannot_be_applied()
    {
        var org = await App.CreateOrgAsync("cat");
        var admin = await App.OrgAdminAsync(org);
        var before = (await GetJsonAs(admin, "/api/catalog")).GetProperty("catalog_version").GetString();
        var lines = (await ExportCsvAs(admin)).Split("\r\n");
        var cells = lines[3].Split(',');
        cells[11] = "maybe"; // visa_j1 on data row 3, which is line 4 of the file
        lines[3] = string.Join(',', cells);

        var preview = await Json(await UploadBodyAs(admin, string.Join("\r\n", lines)));

        preview.GetProperty("error_count").GetInt32().ShouldBe(1);
        preview.GetProperty("can_apply").GetBoolean().ShouldBeFalse();
        var error = preview.GetProperty("errors")[0];
        error.GetProperty("line").GetInt32().ShouldBe(4);
        error.GetProperty("column").GetString().ShouldBe("visa_j1");
        error.GetProperty("value").GetString().ShouldBe("maybe");

        var refused = await Json(await ApplyAs(admin, preview.GetProperty("import_id").GetString()!, 409));
        refused.GetProperty("detail").GetString()!.ShouldContain("error");
        (await GetJsonAs(admin, "/api/catalog")).GetProperty("catalog_version").GetString().ShouldBe(before);
    }

    [Fact]
    public async Task an_import_is_refused_when_the_catalog_changed_since_its_preview()
    {
        var org = await App.CreateOrgAsync("cat");
        var admin = await App.OrgAdminAsync(org);
        var csv = await ExportCsvAs(admin);
        var firstLine = DataLines(csv)[0];
        var preview = await Json(await UploadBodyAs(admin, csv.Replace(firstLine, firstLine.Replace(",Demo ", ",Demo Renamed ", StringComparison.Ordinal), StringComparison.Ordinal)));
        preview.GetProperty("changed").GetInt32().ShouldBe(1);

        // Meanwhile another import changes the catalog.
        var other = await Json(await UploadBodyAs(admin, csv.Replace(firstLine + "\r\n", "", StringComparison.Ordinal), mode: "replace"));
        other.GetProperty("removed").GetInt32().ShouldBe(1);
        await ApplyAs(admin, other.GetProperty("import_id").GetString()!, confirmRemovals: 1);

        var refused = await Json(await ApplyAs(admin, preview.GetProperty("import_id").GetString()!, 409));
        refused.GetProperty("detail").GetString()!.ShouldContain("changed since the preview");
        await ApplyAs(admin, other.GetProperty("import_id").GetString()!, 409, confirmRemovals: 1);
    }

    [Fact]
    public async Task by_default_a_sheet_updates_its_rows_and_removes_nothing()
    {
        var org = await App.CreateOrgAsync("catupd");
        var admin = await App.OrgAdminAsync(org);
        var csv = await ExportCsvAs(admin);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var total = lines.Length - 1;
        // Two rows only, one of them renamed: the other programs stay.
        var renamed = lines[1].Replace(",Demo ", ",Demo Renamed ", StringComparison.Ordinal);
        var preview = await Json(await UploadBodyAs(admin, string.Join("\r\n", lines[0], renamed, lines[2]) + "\r\n"));
        preview.GetProperty("mode").GetString().ShouldBe("update");
        preview.GetProperty("sheet_rows").GetInt32().ShouldBe(2);
        preview.GetProperty("removed").GetInt32().ShouldBe(0);
        preview.GetProperty("changed").GetInt32().ShouldBe(1);
        preview.GetProperty("program_count").GetInt32().ShouldBe(total);
        var change = preview.GetProperty("changes").EnumerateArray().Single();
        change.GetProperty("kind").GetString().ShouldBe("changed");
        change.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("field").GetString()).ShouldContain("program_name");

        await ApplyAs(admin, preview.GetProperty("import_id").GetString()!);
        (await GetJsonAs(admin, "/api/catalog")).GetProperty("program_count").GetInt32().ShouldBe(total);
    }

    [Fact]
    public async Task replacing_the_whole_catalog_needs_the_number_it_removes_typed_back()
    {
        var org = await App.CreateOrgAsync("catrep");
        var admin = await App.OrgAdminAsync(org);
        var csv = await ExportCsvAs(admin);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var preview = await Json(await UploadBodyAs(admin, string.Join("\r\n", lines[0], lines[1], lines[2]) + "\r\n", mode: "replace"));
        preview.GetProperty("mode").GetString().ShouldBe("replace");
        var removed = preview.GetProperty("removed").GetInt32();
        removed.ShouldBe(lines.Length - 3);
        var id = preview.GetProperty("import_id").GetString()!;

        (await Json(await ApplyAs(admin, id, 409))).GetProperty("detail").GetString()!.ShouldContain($"removes {removed} program");
        await ApplyAs(admin, id, 409, confirmRemovals: removed - 1);
        (await GetJsonAs(admin, "/api/catalog")).GetProperty("program_count").GetInt32().ShouldBe(lines.Length - 1);
        await ApplyAs(admin, id, confirmRemovals: removed);
        (await GetJsonAs(admin, "/api/catalog")).GetProperty("program_count").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task a_previewed_sheet_is_previewed_again_the_other_way_without_uploading_it_again()
    {
        var org = await App.CreateOrgAsync("catagain");
        var admin = await App.OrgAdminAsync(org);
        var csv = await ExportCsvAs(admin);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var update = await Json(await UploadBodyAs(admin, string.Join("\r\n", lines[0], lines[1], lines[2]) + "\r\n"));
        update.GetProperty("removed").GetInt32().ShouldBe(0);
        var id = update.GetProperty("import_id").GetString()!;

        var replace = await Json(await As(admin, x => x.Post.Url($"/api/catalog/imports/{id}/preview?mode=replace")));

        replace.GetProperty("mode").GetString().ShouldBe("replace");
        replace.GetProperty("file_name").GetString().ShouldBe(update.GetProperty("file_name").GetString());
        replace.GetProperty("sheet_rows").GetInt32().ShouldBe(2);
        replace.GetProperty("program_count").GetInt32().ShouldBe(2);
        replace.GetProperty("removed").GetInt32().ShouldBe(lines.Length - 3);
        replace.GetProperty("import_id").GetString().ShouldNotBe(id);
        // And back: the same sheet as an update keeps every program again.
        var back = await Json(await As(admin, x => x.Post.Url($"/api/catalog/imports/{replace.GetProperty("import_id").GetString()}/preview?mode=update")));
        back.GetProperty("removed").GetInt32().ShouldBe(0);
        back.GetProperty("program_count").GetInt32().ShouldBe(lines.Length - 1);

        // Applied, or another organization's, or unknown: not previewed again.
        await ApplyAs(admin, id);
        await As(admin, x => { x.Post.Url($"/api/catalog/imports/{id}/preview"); x.StatusCodeShouldBe(409); });
        var other = await App.OrgAdminAsync(await App.CreateOrgAsync("catother"));
        await As(other, x => { x.Post.Url($"/api/catalog/imports/{back.GetProperty("import_id").GetString()}/preview"); x.StatusCodeShouldBe(404); });
        await As(await App.AdvisorAsync(org), x => { x.Post.Url($"/api/catalog/imports/{back.GetProperty("import_id").GetString()}/preview"); x.StatusCodeShouldBe(403); });
    }

    [Fact]
    public async Task an_xlsx_export_imports_back_to_the_same_catalog()
    {
        var org = await App.CreateOrgAsync("cat");
        var admin = await App.OrgAdminAsync(org);
        var version = (await GetJsonAs(admin, "/api/catalog")).GetProperty("catalog_version").GetString();

        var preview = await Json(await UploadFileAs(admin, await ExportXlsxAs(admin), "catalog.xlsx", XlsxType));

        preview.GetProperty("format").GetString().ShouldBe("xlsx");
        preview.GetProperty("error_count").GetInt32().ShouldBe(0);
        preview.GetProperty("resulting_version").GetString().ShouldBe(version);
        (preview.GetProperty("added").GetInt32() + preview.GetProperty("changed").GetInt32() + preview.GetProperty("removed").GetInt32()).ShouldBe(0);
    }

    [Fact]
    public async Task the_blank_template_has_the_exports_columns_and_no_programs_and_a_row_typed_into_it_imports()
    {
        var org = await App.CreateOrgAsync("cat");
        var admin = await App.OrgAdminAsync(org);
        var export = await ExportCsvAs(admin);

        var template = await (await As(admin, x => x.Get.Url("/api/catalog/template?format=csv"))).ReadAsTextAsync();
        template.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ShouldBe([export.Split("\r\n")[0]]);
        var xlsx = await As(admin, x => x.Get.Url("/api/catalog/template?format=xlsx"));
        xlsx.Context.Response.ContentType.ShouldBe(XlsxType);

        // A row of the current catalog typed into the template: read without errors, and nothing changes or is removed.
        var preview = await Json(await UploadBodyAs(admin, template + DataLines(export)[0] + "\r\n"));
        preview.GetProperty("error_count").GetInt32().ShouldBe(0);
        (preview.GetProperty("added").GetInt32() + preview.GetProperty("changed").GetInt32() + preview.GetProperty("removed").GetInt32()).ShouldBe(0);

        await As(admin, x =>
        {
            x.Get.Url("/api/catalog/template?format=pdf");
            x.StatusCodeShouldBe(400);
        });
    }

    [Fact]
    public async Task an_upload_that_is_not_a_sheet_is_a_bad_request_with_the_reason()
    {
        var org = await App.CreateOrgAsync("cat");
        var admin = await App.OrgAdminAsync(org);

        var empty = await Json(await UploadBodyAs(admin, "", 400));
        empty.GetProperty("errors").GetProperty("file")[0].GetString()!.ShouldContain("empty");

        var garbage = await Json(await UploadFileAs(admin, [(byte)'P', (byte)'K', 1, 2, 3], "broken.xlsx", XlsxType));
        garbage.GetProperty("can_apply").GetBoolean().ShouldBeFalse();
        garbage.GetProperty("errors")[0].GetProperty("message").GetString()!.ShouldContain("XLSX");
    }

    [Fact]
    public async Task a_cell_or_file_name_with_a_nul_is_previewed_with_the_error_shown_not_a_500()
    {
        var org = await App.CreateOrgAsync("cat");
        var admin = await App.OrgAdminAsync(org);
        var lines = (await ExportCsvAs(admin)).Split("\r\n");
        var cells = lines[1].Split(',');
        cells[1] = "Bad\0Name\u202E" + new string('x', 5_000); // program_name: NUL, a bidi override, far too long
        lines[1] = string.Join(',', cells);

        // The refused cell's text is stored with the preview to show it back; PostgreSQL cannot store a NUL in a
        // JSON document, and the preview answered 500 (the page's import form too, and for a file name with a NUL).
        var preview = await Json(await UploadFileAs(admin, Encoding.UTF8.GetBytes(string.Join("\r\n", lines)), "odd\0name\u202E.csv", CsvType));

        preview.GetProperty("file_name").GetString().ShouldBe("odd\u2400name\uFFFD.csv");
        preview.GetProperty("can_apply").GetBoolean().ShouldBeFalse();
        var error = preview.GetProperty("errors")[0];
        error.GetProperty("line").GetInt32().ShouldBe(2);
        error.GetProperty("column").GetString().ShouldBe("program_name");
        var shown = error.GetProperty("value").GetString()!;
        shown.ShouldStartWith("Bad\u2400Name\uFFFDxxx");
        shown.Length.ShouldBe(201, "cut at 200 characters, with an ellipsis");
        // The import it stored reads back (previewed again from what was stored).
        var again = await Json(await As(admin, x =>
        {
            x.Post.Url($"/api/catalog/imports/{preview.GetProperty("import_id").GetString()}/preview?mode=update");
            x.StatusCodeShouldBe(200);
        }));
        again.GetProperty("file_name").GetString().ShouldBe("odd\u2400name\uFFFD.csv");

        // Bytes that are not UTF-8 (a sheet saved as Windows-1252 writes é as the one byte E9) were read as U+FFFD and imported so.
        var latin1 = (await ExportCsvAs(admin)).Split("\r\n");
        var third = latin1[2].Split(',');
        third[1] = "Caf\u0001 " + third[1];
        var bytes = Encoding.UTF8.GetBytes(string.Join("\r\n", latin1[0], latin1[1], string.Join(',', third)) + "\r\n");
        var at = Array.IndexOf(bytes, (byte)1);
        bytes[at] = 0xE9;
        var refused = await Json(await UploadFileAs(admin, bytes, "latin1.csv", CsvType));
        refused.GetProperty("can_apply").GetBoolean().ShouldBeFalse();
        refused.GetProperty("errors")[0].GetProperty("line").GetInt32().ShouldBe(3);
        refused.GetProperty("errors")[0].GetProperty("message").GetString()!.ShouldContain("not UTF-8");
    }

    [Fact]
    public async Task an_exported_cell_that_a_spreadsheet_would_run_is_guarded_and_imports_back_unchanged()
    {
        var org = await App.CreateOrgAsync("cat");
        var admin = await App.OrgAdminAsync(org);
        var program = (await GetJsonAs(admin, "/api/catalog/programs?page_size=1")).GetProperty("items")[0];
        var code = program.GetProperty("program_code").GetString()!;
        var body = WithFields(program, ("notes", "=HYPERLINK(\"http://example.invalid\")"));
        await As(admin, x => x.Put.Json(body).ToUrl($"/api/catalog/programs/{code}"));

        var csv = await ExportCsvAs(admin);
        csv.ShouldContain(",\"'=HYPERLINK(\"\"http://example.invalid\"\")\",");

        var preview = await Json(await UploadBodyAs(admin, csv));
        preview.GetProperty("unchanged").GetInt32().ShouldBe(preview.GetProperty("program_count").GetInt32());
    }

    private static Dictionary<string, object?> WithFields(System.Text.Json.JsonElement program, params (string Field, object? Value)[] changes)
    {
        var body = program.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone());
        foreach (var (field, value) in changes) body[field] = value;
        return body;
    }
}
