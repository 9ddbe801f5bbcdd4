namespace SmartPick.Attacks;

/// <summary>
/// The pages as the cast sees them: every actor signed in by cookie through the sign-in form, and, per tenant, the
/// POST forms its own users are shown on every page of <see cref="PageSurface"/> (opened by the role the page is
/// for, with the tenant's own ids). The attacks send these forms: as they are to the wrong people (isolation), or
/// spoiled one field at a time by their rightful user (bad input).
/// </summary>
public sealed class PageSite
{
    private PageSite(IReadOnlyDictionary<Actor, PageSession> sessions, IReadOnlyDictionary<string, IReadOnlyList<PageForm>> forms)
    {
        Sessions = sessions;
        Forms = forms;
    }

    public IReadOnlyDictionary<Actor, PageSession> Sessions { get; }
    /// <summary>Per tenant slug, the POST forms its pages show their own users.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<PageForm>> Forms { get; }

    public PageSession SessionOf(Actor actor) => Sessions[actor];

    public static async Task<PageSite> OpenAsync(AttackHttp http, Cast cast, int seed = 1)
    {
        var sessions = new Dictionary<Actor, PageSession>();
        foreach (var actor in cast.Actors) sessions[actor] = await PageSession.SignInAsync(http, actor, cast.PasswordOf(actor));
        var random = new Random(seed);
        var forms = new Dictionary<string, IReadOnlyList<PageForm>>(StringComparer.Ordinal);
        foreach (var tenant in cast.Tenants)
        {
            var found = new List<PageForm>();
            foreach (var route in PageSurface.Routes)
            {
                var session = sessions[PageSurface.ViewerOf(route.Viewer, cast, tenant)];
                foreach (var address in route.Addresses)
                {
                    var path = PageSurface.Fill(address, tenant, cast, random);
                    var answer = await session.GetAsync(http, path);
                    if (answer.Status != 200) continue;
                    foreach (var form in PageHtml.PostForms(path, answer.Body))
                    {
                        if (!PageSurface.Skipped(form) && !found.Any(f => f.Action == form.Action && f.Fields.SequenceEqual(form.Fields))) found.Add(form);
                    }
                }
            }
            forms[tenant.Slug] = found;
        }
        return new PageSite(sessions, forms);
    }

    /// <summary>The route a concrete address belongs to (its template), for counting answers per route.</summary>
    public static string RouteOf(string method, string path)
    {
        var bare = path.Split('?')[0].Split('#')[0];
        var handler = PageForm.QueryValue(path, "handler");
        foreach (var route in PageSurface.Routes)
        {
            var pattern = "^" + System.Text.RegularExpressions.Regex.Escape(route.Template)
                .Replace("\\{id:guid}", "[0-9a-fA-F-]{36}", StringComparison.Ordinal)
                .Replace("\\{status:int}", "[0-9-]+", StringComparison.Ordinal)
                .Replace("\\{code}", "[^/]+", StringComparison.Ordinal)
                .Replace("\\{token}", "[^/]+", StringComparison.Ordinal) + "$";
            if (System.Text.RegularExpressions.Regex.IsMatch(bare, pattern, System.Text.RegularExpressions.RegexOptions.IgnoreCase))
                return $"{method} {route.Template}{(string.IsNullOrEmpty(handler) ? "" : "?handler=" + handler)}";
        }
        return $"{method} {bare}";
    }
}
