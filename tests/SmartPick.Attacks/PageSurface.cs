namespace SmartPick.Attacks;

/// <summary>
/// One Razor page: its route, its handlers (<c>GET</c>, <c>POST Note</c>…), the role that opens it in a tenant,
/// and the addresses the attacks open. In an address, <c>{candidate}</c> is a candidate file's id, <c>{code}</c> a
/// catalog program code, <c>{guid}</c> and <c>{secret}</c> random values (a user id, a link's token).
/// </summary>
public sealed record PageRoute(string Page, string Template, IReadOnlyList<string> Handlers, string Viewer, IReadOnlyList<string> Addresses)
{
    /// <summary>Whether an address names a tenant's record (a candidate file), so that only its owner may see it.</summary>
    public static bool NamesTenantRecord(string address) => address.Contains("{candidate}", StringComparison.Ordinal);

    public override string ToString() => Template;
}

/// <summary>
/// The app's pages. Pages are not in the OpenAPI document and the app has no endpoint listing them, so this list is
/// kept by hand; the web test <c>the_page_list_of_the_attacks_is_the_apps_own</c> compares it with the routes and
/// handlers of the in-process host's <c>EndpointDataSource</c>, so it cannot go stale.
/// </summary>
public static class PageSurface
{
    public const string Anonymous = "anonymous", Advisor = "advisor", OrgAdmin = "org_admin", Candidate = "candidate", PlatformAdmin = "platform_admin", SignedIn = "signed_in";

    public static readonly IReadOnlyList<PageRoute> Routes =
    [
        new("/Index", "/", ["GET"], Anonymous, ["/"]),
        new("/Methods", "/methods", [], Anonymous, ["/methods"]),
        new("/Try", "/try", ["GET", "POST"], Anonymous, ["/try"]),
        new("/Error", "/error/{status:int}", ["GET", "POST", "PUT", "DELETE"], Anonymous, ["/error/404", "/error/409"]),
        new("/Account/Denied", "/denied", [], Anonymous, ["/denied"]),
        new("/Account/SignIn", "/signin", ["GET", "POST"], Anonymous, ["/signin"]),
        new("/Account/SignOut", "/signout", ["GET", "POST"], Anonymous, ["/signout"]),
        new("/Account/Forgot", "/account/forgot", ["GET", "POST"], Anonymous, ["/account/forgot"]),
        new("/Account/Reset", "/account/reset", ["GET", "POST"], Anonymous, ["/account/reset?user={guid}&code={secret}"]),
        new("/Account/Invitation", "/invitations/{token}", ["GET", "POST"], Anonymous, ["/invitations/{secret}"]),
        new("/Account/Index", "/account", ["GET", "POST Name", "POST Password"], SignedIn, ["/account"]),
        new("/Cohort", "/cohort", ["GET"], Advisor, ["/cohort", "/cohort?q=candidate&sort=name"]),
        new("/Candidates/New", "/candidates/new", ["GET", "POST"], Advisor, ["/candidates/new"]),
        new("/Candidates/File", "/candidates/{id:guid}",
            ["GET", "POST Exam", "POST Usce", "POST Letter", "POST Research", "POST Preferences", "POST Note", "POST Cycle", "POST Applications",
             "POST Interview", "POST RankList", "POST Outcome", "POST Correction", "POST Archive"],
            Advisor, ["/candidates/{candidate}", "/candidates/{candidate}?recorded=note"]),
        new("/Candidates/Cycles", "/candidates/{id:guid}/cycles", ["GET"], Advisor, ["/candidates/{candidate}/cycles"]),
        new("/Candidates/List", "/candidates/{id:guid}/list", ["GET", "POST Strategy", "GET Export"], Advisor,
            ["/candidates/{candidate}/list", "/candidates/{candidate}/list?number=1", "/candidates/{candidate}/list?number=2&chosen=true",
             "/candidates/{candidate}/list?addUsce=true&passStep3=true", "/candidates/{candidate}/list?handler=Export&format=csv"]),
        new("/Catalog/Index", "/catalog", ["GET"], Advisor, ["/catalog", "/catalog?q=medicine&p=2"]),
        new("/Catalog/Program", "/catalog/programs/{code}", ["GET"], Advisor, ["/catalog/programs/{code}"]),
        new("/Catalog/Edit", "/catalog/programs/{code}/edit", ["GET", "POST"], OrgAdmin, ["/catalog/programs/{code}/edit"]),
        new("/Catalog/Import", "/catalog/import", ["GET", "POST Preview", "POST Apply"], OrgAdmin, ["/catalog/import"]),
        new("/Me/Index", "/me", ["GET"], Candidate, ["/me"]),
        new("/Me/Cycles", "/me/cycles", ["GET"], Candidate, ["/me/cycles"]),
        new("/Me/Nudges", "/me/nudges", ["GET", "POST Preferences", "POST CreateFeed", "POST RevokeFeed"], Candidate, ["/me/nudges"]),
        new("/Org/Index", "/org", ["GET", "POST Settings", "POST Nudges", "POST Invite", "POST Revoke", "POST Resend", "POST Role", "POST Remove"],
            OrgAdmin, ["/org"]),
        new("/Org/Calendar", "/org/calendar", ["GET", "POST Calendar", "POST Feed", "POST RevokeFeed"], OrgAdmin,
            ["/org/calendar", "/org/calendar?season=2026"]),
        new("/Org/Nudge", "/org/calendar/nudge", ["GET", "GET Html", "POST Test"], OrgAdmin,
            ["/org/calendar/nudge?candidate={candidate}&kind=rank_list&season=2026&offset=14",
             "/org/calendar/nudge?handler=Html&candidate={candidate}&kind=reapplication&season=2026&offset=30"]),
        new("/Org/Seasons", "/org/seasons", ["GET", "POST Save", "POST Reset"], OrgAdmin, ["/org/seasons", "/org/seasons?season=2026"]),
        new("/Platform/Index", "/platform", ["GET", "POST", "POST Invite"], PlatformAdmin, ["/platform"]),
    ];

    /// <summary>Form posts the attacks never send: signing out ends the attacker's own session.</summary>
    public static bool Skipped(PageForm form) => form.Action.StartsWith("/signout", StringComparison.OrdinalIgnoreCase);

    /// <summary>The session of <paramref name="tenant"/> that opens a page meant for <paramref name="viewer"/>.</summary>
    public static Actor ViewerOf(string viewer, Cast cast, TenantData tenant) => viewer switch
    {
        Anonymous => cast.Actors.Single(a => a.Role == "anonymous"),
        PlatformAdmin => cast.Actors.Single(a => a.Role == "platform_admin"),
        OrgAdmin => tenant.OrgAdmin,
        Candidate => tenant.Candidate,
        _ => tenant.Advisor,
    };

    /// <summary>An address with its placeholders filled: <paramref name="tenant"/>'s own values, random ones for the rest.</summary>
    public static string Fill(string address, TenantData tenant, Cast cast, Random random, Guid? candidate = null) => address
        .Replace("{candidate}", (candidate ?? tenant.CandidateIds[0]).ToString(), StringComparison.Ordinal)
        .Replace("{code}", cast.ProgramCodes.Count > 0 ? cast.ProgramCodes[random.Next(cast.ProgramCodes.Count)] : "P1", StringComparison.Ordinal)
        .Replace("{guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
        .Replace("{secret}", Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_'), StringComparison.Ordinal);
}
