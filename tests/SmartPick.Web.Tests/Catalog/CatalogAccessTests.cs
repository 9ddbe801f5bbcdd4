using Shouldly;
using SmartPick.Contracts;
using SmartPick.Web.Tests.Infrastructure;

namespace SmartPick.Web.Tests.Catalog;

/// <summary>
/// Who may do what with the catalog: staff (org admins and advisors) read it; only org admins import and
/// edit it, because it is the agency's own tracking sheet (PRODUCT.md); candidates do not see it.
/// </summary>
public sealed class CatalogAccessTests(AppFixture app) : CatalogTest(app)
{
    [Fact]
    public async Task an_advisor_reads_the_catalog_but_cannot_import_or_edit_it()
    {
        var org = await App.CreateOrgAsync("cat");
        var admin = await App.OrgAdminAsync(org);
        var advisor = await App.AdvisorAsync(org);
        var csv = await ExportCsvAs(advisor);
        var program = (await GetJsonAs(advisor, "/api/catalog/programs?page_size=1")).GetProperty("items")[0];
        var code = program.GetProperty("program_code").GetString()!;
        await GetJsonAs(advisor, $"/api/catalog/programs/{code}");
        await GetJsonAs(advisor, $"/api/catalog/programs/{code}/history");
        await GetJsonAs(advisor, "/api/catalog/versions");

        await UploadBodyAs(advisor, csv, 403);
        var preview = await Json(await UploadBodyAs(admin, csv));
        await ApplyAs(advisor, preview.GetProperty("import_id").GetString()!, 403);
        await As(advisor, x =>
        {
            x.Put.Json(new { program_name = "Changed by an advisor" }).ToUrl($"/api/catalog/programs/{code}");
            x.StatusCodeShouldBe(403);
        });
    }

    [Fact]
    public async Task a_candidate_cannot_read_or_change_the_catalog()
    {
        var org = await App.CreateOrgAsync("cat");
        var candidate = await App.CreateUserAsync(org, SmartPickRoles.Candidate, Guid.NewGuid());

        foreach (var url in new[] { "/api/catalog", "/api/catalog/programs", "/api/catalog/versions", "/api/catalog/export", "/api/catalog/template" })
        {
            await As(candidate, x =>
            {
                x.Get.Url(url);
                x.StatusCodeShouldBe(403);
            });
        }
        await UploadBodyAs(candidate, "program_code\r\n", 403);
    }

    [Fact]
    public async Task another_organization_sees_only_its_own_catalog()
    {
        var owner = await App.CreateOrgAsync("cat");
        var admin = await App.OrgAdminAsync(owner);
        var outsiderOrg = await App.CreateOrgAsync("cat");
        var outsider = await App.OrgAdminAsync(outsiderOrg);

        // The owner adds a program no demo catalog has and renames a demo program.
        var csv = await ExportCsvAs(admin);
        var first = DataLines(csv)[0];
        var cells = first.Split(',');
        const string secretName = "Owner Agency Private Program Name";
        var added = "9999140C0," + secretName + ",Private Hospital,Albany,NY,140,Internal Medicine,categorical,community,4,50,yes,no,,unknown,,unknown,,,agency notes,2026-10-01,,,,,,";
        var renamed = cells[0] + ",Owner Agency Renamed Program," + string.Join(',', cells.Skip(2));
        var preview = await Json(await UploadBodyAs(admin, csv.Replace(first, renamed, StringComparison.Ordinal) + added + "\r\n"));
        preview.GetProperty("error_count").GetInt32().ShouldBe(0);
        var importId = preview.GetProperty("import_id").GetString()!;
        var unapplied = await Json(await UploadBodyAs(admin, csv));
        await ApplyAs(admin, importId);

        await App.ShouldAllBeNotFoundAsync(outsider,
        [
            ProbeRequest.Get("/api/catalog/programs/9999140C0"),
            ProbeRequest.Get("/api/catalog/programs/9999140C0/history"),
            ProbeRequest.Put("/api/catalog/programs/9999140C0", new { program_name = "x" }),
            ProbeRequest.Post($"/api/catalog/imports/{unapplied.GetProperty("import_id").GetString()}/apply"),
            ProbeRequest.Post($"/api/catalog/imports/{unapplied.GetProperty("import_id").GetString()}/preview?mode=replace"),
        ], secretName);

        var outsiderView = await GetJsonAs(outsider, $"/api/catalog/programs/{cells[0]}");
        outsiderView.GetProperty("program").GetProperty("program_name").GetString().ShouldBe(cells[1]);
        (await GetJsonAs(outsider, "/api/catalog")).GetProperty("label").GetString().ShouldBe("demo");
        (await ExportCsvAs(outsider)).ShouldNotContain("Owner Agency");
        (await GetJsonAs(outsider, "/api/catalog/programs?q=Owner%20Agency")).GetProperty("total").GetInt32().ShouldBe(0);
    }
}
