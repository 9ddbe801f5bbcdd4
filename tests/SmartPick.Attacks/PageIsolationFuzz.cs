using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace SmartPick.Attacks;

/// <summary>
/// The isolation fuzz over the pages: every page address of <see cref="PageSurface"/> (GET) and every POST form a
/// tenant's pages show that names a record (an id in its action or fields), sent by every role signed in by cookie
/// (anonymous, platform admin, each tenant's org admin, advisor and candidate) with another tenant's ids or random
/// ones, forms with the sender's own valid antiforgery token so they reach their handler. Findings: a 5xx; an error
/// that is not an HTML page; any other tenant's marker in an answer; a 2xx page, or a form accepted, for a record
/// that is not the sender's; and afterwards any change in the tenants' streams, an open invitation no longer open,
/// or a member's session ended.
/// </summary>
public static partial class PageIsolationFuzz
{
    private sealed record Probe(string Key, bool Post, bool NamesRecord, IReadOnlyDictionary<string, IReadOnlyList<(string Path, PageForm? Form)>> ByTenant);

    public static async Task<AttackReport> RunAsync(AttackHttp http, PageSite site, Cast cast, StreamLedger ledger,
        int requests, int concurrency, int seed, Action<string>? progress = null, CancellationToken ct = default)
    {
        var report = new AttackReport("Page isolation fuzz");
        var probes = Probes(site, cast, seed);
        report.Add("page addresses and forms", probes.Count);
        report.Add("of which name a tenant's record", probes.Count(p => p.NamesRecord));
        report.Add("forms", probes.Count(p => p.Post));
        report.Add("roles", cast.Actors.Count);

        var streams = cast.Tenants.SelectMany(t => t.CandidateIds.Append(t.SpareCandidateId)).ToList();
        var slugs = cast.Tenants.Select(t => t.Slug).ToList();
        var before = await ledger.SnapshotAsync(streams, slugs);

        var clock = Stopwatch.StartNew();
        var done = 0;
        await Parallel.ForAsync(0, requests, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, concurrency), CancellationToken = ct }, async (i, token) =>
        {
            var random = new Random(HashCode.Combine(seed, i));
            var probe = probes[i % probes.Count];
            // Addresses and roles step together (shifted by one after each least common multiple), so every pair
            // comes once in probes × roles requests, and a shorter run still has every role probe a spread of addresses.
            var actor = cast.Actors[(i + i / Lcm(probes.Count, cast.Actors.Count)) % cast.Actors.Count];
            var session = site.SessionOf(actor);
            var foreign = cast.ForeignTo(actor).ToList();
            var owner = foreign[random.Next(foreign.Count)];
            var (path, form) = Pick(random, probe.ByTenant[owner.Slug]);
            // A third of the requests name random ids instead of the owner's.
            if (probe.NamesRecord && random.Next(3) == 0)
            {
                path = Randomize(path);
                if (form is not null) form = form with { Action = path, Fields = form.Fields.Select(f => KeyValuePair.Create(f.Key, Randomize(f.Value))).ToList() };
            }
            // The platform admin's own pages (organizations by id) are that role's job, not another tenant's records.
            var namesRecord = probe.NamesRecord && !(actor.Role == "platform_admin" && path.StartsWith("/platform", StringComparison.Ordinal));
            Answer answer;
            try
            {
                answer = form is null ? await session.GetAsync(http, path, token) : await session.SubmitAsync(http, form, token);
            }
            catch (HttpRequestException e)
            {
                report.Count(probe.Key, 0);
                report.Finding("no answer", $"{(form is null ? "GET" : "POST")} {path} as {actor}: {e.Message}");
                return;
            }
            report.Count(probe.Key, answer.Status);
            var what = $"{(form is null ? "GET" : "POST")} {path} as {actor} → {answer.Status}";
            if (answer.Status >= 500) report.Finding("5xx", $"{what}: {answer.Body}");
            else if (answer.Status >= 400 && !IsHtmlPage(answer)) report.Finding("error not an HTML page", $"{what} {answer.ContentType}: {answer.Body}");
            foreach (var tenant in foreign)
            {
                if (answer.Body.Contains(tenant.Marker, StringComparison.OrdinalIgnoreCase) || answer.Headers.Contains(tenant.Marker, StringComparison.OrdinalIgnoreCase))
                    report.Finding("cross-tenant bytes", $"{what} shows {tenant.Slug}'s data: {Around(answer.Body, tenant.Marker)}");
            }
            if (namesRecord)
            {
                var location = PageSession.Location(answer);
                var refusedRedirect = location is not null && (location.Contains("/signin", StringComparison.OrdinalIgnoreCase) || location.Contains("/denied", StringComparison.OrdinalIgnoreCase));
                if (answer.Status is >= 200 and < 300) report.Finding(form is null ? "foreign record shown" : "accepted on a foreign or random id", $"{what}");
                else if (answer.Status is >= 300 and < 400 && !refusedRedirect) report.Finding("accepted on a foreign or random id", $"{what} to {location}");
            }
            var n = Interlocked.Increment(ref done);
            if (n % 1000 == 0) progress?.Invoke($"{n}/{requests} page requests, {report.Findings.Count} finding(s)");
        });
        report.Duration = clock.Elapsed;

        var after = await ledger.SnapshotAsync(streams, slugs);
        foreach (var problem in StreamLedger.Compare(before, after, new Dictionary<Guid, int>(), new Dictionary<string, int>()))
            report.Finding("tenant data changed", problem);
        await IsolationFuzz.CheckInvitationsAsync(http, cast, report);
        foreach (var (actor, session) in site.Sessions.Where(s => s.Key.Tenant is not null))
        {
            var account = await session.GetAsync(http, "/account", ct);
            if (account.Status != 200) report.Finding("tenant data changed", $"{actor}'s session no longer opens /account: {account.Status}");
        }
        return report;
    }

    /// <summary>A proper page for a browser: HTML with a heading, never JSON or plain text.</summary>
    public static bool IsHtmlPage(Answer answer) =>
        answer.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true
        && answer.Body.Contains("<html", StringComparison.OrdinalIgnoreCase) && answer.Body.Contains("<h1", StringComparison.OrdinalIgnoreCase);

    private static List<Probe> Probes(PageSite site, Cast cast, int seed)
    {
        var random = new Random(seed);
        var probes = new List<Probe>();
        foreach (var route in PageSurface.Routes)
        {
            foreach (var address in route.Addresses)
            {
                var byTenant = cast.Tenants.ToDictionary(t => t.Slug, t => (IReadOnlyList<(string, PageForm?)>)
                    t.CandidateIds.Append(t.SpareCandidateId).Select(id => (PageSurface.Fill(address, t, cast, random, id), (PageForm?)null)).Distinct().ToList());
                probes.Add(new Probe("GET " + address, false, PageRoute.NamesTenantRecord(address), byTenant));
            }
        }
        // Forms that name a record: an id in the action or a field. (Forms without one write to the sender's own
        // organization, which is theirs to change: the bad-input attack sends those.)
        var named = cast.Tenants.SelectMany(t => site.Forms[t.Slug].Where(NamesRecord).Select(f => (Tenant: t, Form: f)))
            .GroupBy(x => PageSite.RouteOf("POST", x.Form.Action), StringComparer.Ordinal);
        foreach (var group in named)
        {
            var byTenant = cast.Tenants.ToDictionary(t => t.Slug, t => (IReadOnlyList<(string, PageForm?)>)group.Where(x => x.Tenant == t)
                .SelectMany(x => AcrossFiles(x.Form, t)).Select(f => (f.Action, (PageForm?)f)).ToList());
            if (byTenant.Values.Any(v => v.Count == 0)) continue;
            probes.Add(new Probe(group.Key, true, true, byTenant));
        }
        return probes;
    }

    /// <summary>A file page's form for each of the tenant's files (the pages were opened on the first).</summary>
    private static IEnumerable<PageForm> AcrossFiles(PageForm form, TenantData tenant)
    {
        var first = tenant.CandidateIds[0].ToString();
        if (!form.Action.Contains(first, StringComparison.OrdinalIgnoreCase)) return [form];
        return tenant.CandidateIds.Append(tenant.SpareCandidateId).Select(id => form with { Action = form.Action.Replace(first, id.ToString(), StringComparison.OrdinalIgnoreCase) });
    }

    private static bool NamesRecord(PageForm form) => Guids().IsMatch(form.Action) || form.Fields.Any(f => Guids().IsMatch(f.Value));

    private static string Randomize(string text) => Guids().Replace(text, _ => Guid.NewGuid().ToString());

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);

    private static int Lcm(int a, int b) => a / Gcd(a, b) * b;

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static string Around(string body, string marker)
    {
        var at = body.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? body[..Math.Min(300, body.Length)] : body[Math.Max(0, at - 200)..Math.Min(body.Length, at + 100)];
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guids();
}
