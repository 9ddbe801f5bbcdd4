using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Alba;
using SmartPick.Web.Tests.Infrastructure;

namespace SmartPick.Web.Tests.Catalog;

/// <summary>Small helpers for catalog scenarios: uploads (multipart or raw body), JSON reads, the shared sheet.</summary>
public abstract class CatalogTest(AppFixture app) : AppTest(app)
{
    public const string CsvType = "text/csv";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Uploads a sheet as a multipart form field "file", the way a browser form sends it.</summary>
    protected Task<IScenarioResult> UploadFileAs(TestUser user, byte[] content, string fileName, string contentType, int status = 200, string? mode = null) =>
        As(user, x =>
        {
            x.Post.Url("/api/catalog/imports");
            if (mode is not null) x.ConfigureHttpContext(http => http.Request.QueryString = new Microsoft.AspNetCore.Http.QueryString("?mode=" + mode));
            x.ConfigureHttpContext(http =>
            {
                using var form = new MultipartFormDataContent();
                var file = new ByteArrayContent(content);
                file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
                form.Add(file, "file", fileName);
                var body = new MemoryStream();
                form.CopyTo(body, null, CancellationToken.None);
                body.Position = 0;
                http.Request.ContentType = form.Headers.ContentType!.ToString();
                http.Request.ContentLength = body.Length;
                http.Request.Body = body;
            });
            x.StatusCodeShouldBe(status);
        });

    /// <summary>Uploads a sheet as the raw request body with its content type.</summary>
    protected Task<IScenarioResult> UploadBodyAs(TestUser user, string csv, int status = 200, string? mode = null) =>
        As(user, x =>
        {
            x.Post.Text(csv).ToUrl("/api/catalog/imports");
            if (mode is not null) x.ConfigureHttpContext(http => http.Request.QueryString = new Microsoft.AspNetCore.Http.QueryString("?mode=" + mode));
            x.WithRequestHeader("Content-Type", CsvType);
            x.StatusCodeShouldBe(status);
        });

    protected Task<IScenarioResult> ApplyAs(TestUser user, string importId, int status = 200, int? confirmRemovals = null) =>
        As(user, x =>
        {
            x.Post.Url($"/api/catalog/imports/{importId}/apply");
            if (confirmRemovals is { } n) x.ConfigureHttpContext(http => http.Request.QueryString = new Microsoft.AspNetCore.Http.QueryString($"?confirm_removals={n}"));
            x.StatusCodeShouldBe(status);
        });

    protected async Task<JsonElement> GetJsonAs(TestUser user, string url, int status = 200)
    {
        var result = await As(user, x =>
        {
            x.Get.Url(url);
            x.StatusCodeShouldBe(status);
        });
        return await result.ReadAsJsonAsync<JsonElement>();
    }

    protected async Task<string> ExportCsvAs(TestUser user)
    {
        var result = await As(user, x => x.Get.Url("/api/catalog/export?format=csv"));
        return await result.ReadAsTextAsync();
    }

    protected async Task<byte[]> ExportXlsxAs(TestUser user)
    {
        var result = await As(user, x => x.Get.Url("/api/catalog/export?format=xlsx"));
        using var copy = new MemoryStream();
        await result.Context.Response.Body.CopyToAsync(copy);
        return copy.ToArray();
    }

    protected static async Task<JsonElement> Json(IScenarioResult result) => await result.ReadAsJsonAsync<JsonElement>();

    protected static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    /// <summary>The sheet's data lines (header excluded), as the CSV export writes them.</summary>
    protected static string[] DataLines(string csv) =>
        csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
}

/// <summary>
/// Locates the shared data folder: ../shared/data next to the repository root (the folder holding
/// SmartPick.sln), found by walking up from the test's base directory.
/// </summary>
public static class SharedCatalogSheet
{
    public static readonly string? DataRoot = Find();

    public static string Path => System.IO.Path.Combine(DataRoot ?? throw new InvalidOperationException("shared data is absent"),
        "catalog", "us-programs.csv");

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(System.IO.Path.Combine(dir.FullName, "SmartPick.sln"))) continue;
            var data = System.IO.Path.GetFullPath(System.IO.Path.Combine(dir.FullName, "..", "shared", "data"));
            return File.Exists(System.IO.Path.Combine(data, "catalog", "us-programs.csv")) ? data : null;
        }
        return null;
    }
}

/// <summary>A fact that needs the real catalog sheet and skips itself, saying why, when it is absent.</summary>
public sealed class SharedCatalogSheetFactAttribute : FactAttribute
{
    public SharedCatalogSheetFactAttribute()
    {
        if (SharedCatalogSheet.DataRoot is null)
            Skip = "../shared/data/catalog/us-programs.csv (next to the repository root) is absent; the real catalog sheet cannot be imported";
    }
}
