using System.Security.Claims;
using SmartPick.Contracts;

namespace SmartPick.Web.Pages.Shared;

/// <summary>One link of the main navigation.</summary>
public sealed record NavLink(string Href, string Text);

/// <summary>The main navigation by role: each user sees only the places they may enter.</summary>
public static class Navigation
{
    public static IReadOnlyList<NavLink> For(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true) return [new("/try", "Try it"), new("/methods", "How it works"), new("/signin", "Sign in")];
        var links = new List<NavLink>();
        if (user.IsStaff())
        {
            links.Add(new("/cohort", "Cohort"));
            links.Add(new("/catalog", "Catalog"));
        }
        if (user.IsInRole(SmartPickRoles.OrgAdmin) && user.OrganizationId() is not null) links.Add(new("/org", "Agency"));
        if (user.IsInRole(SmartPickRoles.Candidate) && user.CandidateFile() is not null) links.Add(new("/me", "My file"));
        if (user.IsInRole(SmartPickRoles.PlatformAdmin)) links.Add(new("/platform", "Platform"));
        links.Add(new("/try", "Try it"));
        links.Add(new("/account", "Account"));
        return links;
    }

    /// <summary>Whether <paramref name="href"/> is the current section (so it gets aria-current).</summary>
    public static bool IsCurrent(string href, string path) =>
        path.Equals(href, StringComparison.OrdinalIgnoreCase)
        || (href != "/" && path.StartsWith(href + "/", StringComparison.OrdinalIgnoreCase))
        || (href == "/cohort" && path.StartsWith("/candidates", StringComparison.OrdinalIgnoreCase));
}
