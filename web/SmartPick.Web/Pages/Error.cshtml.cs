using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SmartPick.Web.Pages;

/// <summary>
/// The page a browser gets for an unknown page or id, a refusal without a page of its own, or a failure on our side;
/// the API keeps answering problem details. The status the page was shown for is the status it answers with.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }
    public string Heading { get; private set; } = "";
    public string Explanation { get; private set; } = "";
    /// <summary>The failed request's trace id, for a failure on our side.</summary>
    public string? RequestId { get; private set; }

    public IActionResult OnGet(int status) => Show(status);
    public IActionResult OnPost(int status) => Show(status);
    public IActionResult OnPut(int status) => Show(status);
    public IActionResult OnDelete(int status) => Show(status);

    private PageResult Show(int status)
    {
        Status = status is >= 400 and <= 599 ? status : 404;
        (Heading, Explanation) = Status switch
        {
            404 => ("We could not find that page",
                "The address may be mistyped, or the page or record it points to no longer exists or is not yours to see."),
            403 => ("You don't have access to this page", "Your account is signed in, but its role does not include this part of SmartPick."),
            405 => ("That action is not available here", "This page cannot do what the browser asked. Go back and try again from the page itself."),
            409 or 412 => ("Someone changed this in the meantime", "Reload the page to see the latest version, then make your change again."),
            429 => ("Too many requests", "Wait a minute, then try again."),
            >= 500 => ("Something went wrong on our side", "Nothing you did caused this. Try again in a moment; if it keeps happening, tell your agency."),
            _ => ("That request could not be completed", "Go back and try again."),
        };
        if (Status >= 500) RequestId = Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;
        Response.StatusCode = Status;
        return Page();
    }
}
