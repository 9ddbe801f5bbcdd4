namespace SmartPick.Web.OpenApi;

/// <summary>One area of the API: the tag its operations carry in the document, and what the area is for.</summary>
public sealed record ApiArea(string Tag, string Description);

/// <summary>
/// The areas the API document groups its operations by, and which route prefix belongs to which. An operation
/// whose endpoint names a tag itself (<c>WithTags</c>, <c>[Tags]</c>) keeps it; every other one takes the area of
/// the longest prefix of its route here. The order of <see cref="All"/> is the order of the document's tags.
/// </summary>
public static class ApiAreas
{
    public static readonly ApiArea Auth = new("Auth", "Sign in for a bearer token, refresh it, sign out; password reset; invitation links.");
    public static readonly ApiArea Account = new("Account", "The signed-in user's own name and password.");
    public static readonly ApiArea Organization = new("Organization", "The organization's settings, members and invitations.");
    public static readonly ApiArea Platform = new("Platform", "Organizations of the platform and their first administrators (platform admins).");
    public static readonly ApiArea Candidates = new("Candidates",
        "Candidate files: open one, record what happens (exams, clinical experience, letters, research, preferences, cycles, notes), read the file, its lists, progress and timeline, and ask what-if.");
    public static readonly ApiArea MyFile = new("My file", "A candidate's own file, read by the candidate.");
    public static readonly ApiArea Cohort = new("Cohort", "The organization's cohort at a glance: where candidates stand and who needs attention.");
    public static readonly ApiArea Lists = new("Lists", "Runs that work out every candidate's list again after the catalog or a season's facts change.");
    public static readonly ApiArea Catalog = new("Catalog", "The organization's program catalog: search, read and edit programs, import and export the sheet, versions and history.");
    public static readonly ApiArea Seasons = new("Seasons", "The season table: application fees, signal counts and regions per Match season.");
    public static readonly ApiArea Calendar = new("Calendar", "A season's dates and the calendar feeds that carry them.");
    public static readonly ApiArea Nudges = new("Nudges", "Email reminders: the schedule, a preview, delivery failures, a candidate's choices and unsubscribe links.");

    public static readonly IReadOnlyList<ApiArea> All =
        [Auth, Account, Organization, Platform, Candidates, MyFile, Cohort, Lists, Catalog, Seasons, Calendar, Nudges];

    /// <summary>Route prefixes (whole segments) and their area; the longest that matches wins.</summary>
    private static readonly (string Prefix, ApiArea Area)[] Prefixes =
    [
        ("/api/auth", Auth),
        ("/api/account", Account),
        ("/api/org", Organization),
        ("/api/org/seasons", Seasons),
        ("/api/org/calendar", Calendar),
        ("/api/org/calendar-feed", Calendar),
        ("/api/org/nudges", Nudges),
        ("/api/platform", Platform),
        ("/api/candidates", Candidates),
        ("/api/me", MyFile),
        ("/api/me/calendar-feed", Calendar),
        ("/api/me/nudges", Nudges),
        ("/api/cohort", Cohort),
        ("/api/list-regenerations", Lists),
        ("/api/catalog", Catalog),
        ("/api/nudges", Nudges),
        ("/feeds", Calendar),
        ("/u", Nudges),
    ];

    /// <summary>The area of a route template (<c>/api/candidates/{id}/exams</c>), or null when no prefix matches.</summary>
    public static ApiArea? ForRoute(string route)
    {
        var path = new PathString(route.StartsWith('/') ? route : "/" + route);
        ApiArea? best = null;
        var bestLength = -1;
        foreach (var (prefix, area) in Prefixes)
        {
            if (prefix.Length > bestLength && path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
            {
                best = area;
                bestLength = prefix.Length;
            }
        }
        return best;
    }

    public static ApiArea? Named(string tag) => All.FirstOrDefault(a => a.Tag == tag);
}
