namespace SmartPick.Web.Infrastructure;

/// <summary>
/// Whether a request is a browser asking for a page (it accepts HTML and is not for the API, its document, the
/// jobs dashboard or a feed): such requests get the branded error pages, every other caller problem details.
/// </summary>
public static class BrowserRequests
{
    private static readonly string[] NotPages = ["/api", "/openapi", "/scalar", "/ops", "/feeds", "/health"];

    public static bool WantsPage(HttpContext http)
    {
        foreach (var prefix in NotPages)
            if (http.Request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase)) return false;
        return http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
    }
}
