using System.Text.Json;
using Microsoft.Playwright;

namespace SmartPick.Browser.Tests;

/// <summary>
/// API writes from a signed-in page's cookie, as a cookie client makes them: the antiforgery token from
/// <c>GET /api/auth/antiforgery</c> goes in the header it names.
/// </summary>
public static class ApiWrites
{
    public static async Task<IAPIResponse> PostJsonAsync(this IPage page, string url, object data)
    {
        var issued = await page.APIRequest.GetAsync("/api/auth/antiforgery");
        if (!issued.Ok) throw new InvalidOperationException($"No antiforgery token: {issued.Status} {await issued.TextAsync()}");
        var body = (await issued.JsonAsync())!.Value;
        return await page.APIRequest.PostAsync(url, new APIRequestContextOptions
        {
            DataObject = data,
            Headers = new Dictionary<string, string> { [body.GetProperty("header_name").GetString()!] = body.GetProperty("token").GetString()! },
        });
    }
}
