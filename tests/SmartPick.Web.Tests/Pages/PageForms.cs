using System.Text.RegularExpressions;
using Alba;
using SmartPick.Web.Tests.Infrastructure;

namespace SmartPick.Web.Tests.Pages;

/// <summary>
/// Submits a page's form the way a browser does: opens the page as the user to get the antiforgery field and
/// cookie, then posts the fields (plus the token) with the same sign-in.
/// </summary>
public static partial class PageForms
{
    public static async Task<IScenarioResult> SubmitAs(this AppFixture app, TestUser user, string pageUrl, string postUrl,
        IDictionary<string, string> fields, int status)
    {
        var token = await app.TokenAsync(user);
        var get = await app.Host.Scenario(x =>
        {
            x.WithRequestHeader("Authorization", $"Bearer {token}");
            x.Get.Url(pageUrl);
            x.StatusCodeShouldBe(200);
        });
        var html = await get.ReadAsTextAsync();
        var antiforgery = AntiforgeryField().Match(html).Groups[1].Value;
        var cookie = get.Context.Response.Headers.SetCookie.ToString().Split(';')[0];
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = antiforgery };
        return await app.Host.Scenario(x =>
        {
            x.WithRequestHeader("Authorization", $"Bearer {token}");
            x.WithRequestHeader("Cookie", cookie);
            var query = postUrl.IndexOf('?', StringComparison.Ordinal);
            x.Post.FormData(form).ToUrl(query < 0 ? postUrl : postUrl[..query]);
            // The page handler is chosen by the query string, which the form post keeps apart from the path.
            if (query >= 0) x.ConfigureHttpContext(http => http.Request.QueryString = new Microsoft.AspNetCore.Http.QueryString(postUrl[query..]));
            x.StatusCodeShouldBe(status);
        });
    }

    public static async Task<string> PageAs(this AppFixture app, TestUser user, string url, int status = 200)
    {
        var token = await app.TokenAsync(user);
        var result = await app.Host.Scenario(x =>
        {
            x.WithRequestHeader("Authorization", $"Bearer {token}");
            x.Get.Url(url);
            x.StatusCodeShouldBe(status);
        });
        return await result.ReadAsTextAsync();
    }

    /// <summary>The text of the page with tags removed and whitespace collapsed, for reading content without markup.</summary>
    public static string Text(string html) =>
        System.Net.WebUtility.HtmlDecode(Whitespace().Replace(Tags().Replace(html, " "), " "));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("\\s+")]
    private static partial Regex Whitespace();
}
