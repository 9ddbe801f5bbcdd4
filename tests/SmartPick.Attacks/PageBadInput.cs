using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace SmartPick.Attacks;

/// <summary>One spoiled form post: the form, what was done to it, the body as sent, and the file it names (if any).</summary>
public sealed record BadFormPost(string Route, PageForm Form, string Mutation, bool SpoilsField, bool SpoilsToken, Actor Actor,
    byte[] Body, string? ContentType, Guid? Stream)
{
    public override string ToString() => $"POST {Form.Action} [{Mutation}] as {Actor}";
}

/// <summary>
/// The bad-input corpus over the pages: every POST form the pages show (one per page handler), sent by the user it
/// is shown to, with its fields as shown (empty ones filled with plausible values) and spoiled one way at a time.
/// Per field: NUL, ESC, a bidirectional override, a lone surrogate and invalid UTF-8 as bytes, a 1 MB value, absurd
/// numbers, text, empty, the field missing, the field twice. Per form: no antiforgery token, a forged one, the body
/// as text/plain, JSON, multipart without a boundary or without a content type, an empty body, an unknown field,
/// a raw invalid byte. Findings: a 5xx; an error that is not an HTML page; a 400 to a spoiled field that does not
/// show a field error; a form error answered with a 2xx; a post without a valid antiforgery token accepted; and
/// afterwards any stream of the tenant lost or changed an event, has a gap, gained more than the accepted posts
/// explain, or whose pages no longer open.
/// </summary>
public static partial class PageBadInput
{
    private static readonly (string Name, string Encoded)[] FieldValues =
    [
        ("NUL", "a%00b"),
        ("escape character", "a%1Bb"),
        ("bidi override", "a%E2%80%AEb"),
        ("lone surrogate as bytes", "a%ED%A0%80b"),
        ("invalid UTF-8", "a%C3%28b"),
        ("1 MB value", new string('x', 1 << 20)),
        ("huge number", "1e400"),
        ("long integer", "99999999999999999999999999"),
        ("negative", "-1"),
        ("text", "abc"),
        ("empty", ""),
    ];

    /// <summary>Spoilings the product refuses in every text it takes (the gate's promise): accepting one stores changed or broken text.</summary>
    private static readonly string[] BrokenText = ["NUL", "escape character", "bidi override", "lone surrogate as bytes", "invalid UTF-8", "raw invalid byte"];

    /// <summary>
    /// <paramref name="sheet"/>: a catalog sheet as the organization exports it (CSV), the base of the spoiled uploads of
    /// a form with a file input; without one, a sheet of the header and one made-up row.
    /// </summary>
    public static IReadOnlyList<BadFormPost> Build(PageSite site, Cast cast, TenantData tenant, string? sheet = null)
    {
        var corpus = new List<BadFormPost>();
        foreach (var group in FormsOf(site, tenant).GroupBy(f => PageSite.RouteOf("POST", f.Action), StringComparer.Ordinal))
        {
            var route = group.Key;
            var (form, stream) = Target(group.First(), tenant);
            var actor = ActorFor(form, cast, tenant);
            var token = site.SessionOf(actor).Token;
            var fields = form.Fields.Select(f => KeyValuePair.Create(f.Key, f.Value.Length > 0 ? f.Value : Plausible(f.Key, form.Kinds.GetValueOrDefault(f.Key), cast))).ToList();
            form = form with { Fields = fields };
            byte[] Body(IEnumerable<KeyValuePair<string, string>> fs, string? tokenValue, int? raw = null)
            {
                var all = fs.ToList();
                if (tokenValue is not null) all.Add(new(PageHtml.AntiforgeryField, tokenValue));
                return PageHtml.Encode(all, raw is { } r ? new HashSet<int> { r } : null);
            }
            void Add(string mutation, byte[] body, string? contentType = "application/x-www-form-urlencoded", bool field = false, bool spoilsToken = false) =>
                corpus.Add(new BadFormPost(route, form, mutation, field, spoilsToken, actor, body, contentType, stream));

            Add("valid", Body(fields, token));
            Add("no antiforgery token", Body(fields, null), spoilsToken: true);
            Add("forged antiforgery token", Body(fields, "CfDJ8" + Convert.ToBase64String(Guid.NewGuid().ToByteArray())), spoilsToken: true);
            Add("text/plain", Body(fields, token), "text/plain", spoilsToken: true);
            Add("JSON body", Encoding.UTF8.GetBytes("{\"" + PageHtml.AntiforgeryField + "\":\"" + token + "\"}"), "application/json", spoilsToken: true);
            Add("multipart without boundary", Body(fields, token), "multipart/form-data", spoilsToken: true);
            Add("no content type", Body(fields, token), null, spoilsToken: true);
            Add("empty body", [], spoilsToken: true);
            Add("unknown field", Body(fields.Append(new("zz_unknown_field", "1")), token));
            Add("raw invalid byte", [.. Body(fields, token), .. "&zz="u8, 0xFF, 0xFE]);
            foreach (var input in form.Files)
            {
                foreach (var (what, fileName, contentType, content, spoilsField) in Uploads(sheet))
                {
                    var (body, type) = PageHtml.Multipart(fields.Append(new(PageHtml.AntiforgeryField, token)),
                        what == "no file part" ? [] : what == "two files" ? [(input, fileName, contentType, content), (input, fileName, contentType, content)] : [(input, fileName, contentType, content)]);
                    Add($"{input}: upload {what}", body, type, field: spoilsField);
                }
            }
            for (var i = 0; i < fields.Count; i++)
            {
                var name = fields[i].Key;
                foreach (var (what, encoded) in FieldValues)
                {
                    var spoiled = fields.ToList();
                    spoiled[i] = new(name, encoded);
                    Add($"{name}: {what}", Body(spoiled, token, i), field: true);
                }
                Add($"{name}: missing", Body(fields.Where((_, j) => j != i), token), field: true);
                Add($"{name}: twice", Body(fields.Append(new(name, "12345")), token), field: true);
            }
        }
        return corpus;
    }

    /// <summary>
    /// Files to upload where a form takes one: the sheet as exported (accepted for a preview), and spoiled: empty, no
    /// file at all, two files, NUL / an escape / invalid UTF-8 / a megabyte in a cell, ten thousand columns, random bytes
    /// and a broken zip named .xlsx, a file name with a NUL, a bidi override and a path, and one byte over the size limit.
    /// (A file name is only shown back, so its NUL and override are neutralised, not refused: not "broken text accepted".)
    /// <c>SpoilsField</c>: the page must say what is wrong with the file (a field error), not only refuse.
    /// </summary>
    public static IEnumerable<(string What, string FileName, string ContentType, byte[] Content, bool SpoilsField)> Uploads(string? sheet)
    {
        var lines = (sheet ?? "program_code,program_name,institution,city,state,specialty_code,positions\r\n9999999999,Probe Program,Probe Hospital,Austin,TX,140,4\r\n")
            .Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).Take(3).ToList();
        var header = lines[0];
        var row = lines.Count > 1 ? lines[1] : string.Join(',', header.Split(',').Select(_ => ""));
        var cells = row.Split(',');
        // The second cell (the program's name in an exported sheet) takes each spoiled value.
        byte[] WithCell(byte[] value)
        {
            var before = Encoding.UTF8.GetBytes(header + "\r\n" + cells[0] + ",");
            var after = Encoding.UTF8.GetBytes((cells.Length > 2 ? "," + string.Join(',', cells[2..]) : "") + "\r\n");
            return [.. before, .. value, .. after];
        }
        const string csv = "text/csv";
        yield return ("sheet as exported", "catalog.csv", csv, Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n"), false);
        yield return ("empty file", "catalog.csv", csv, [], true);
        yield return ("no file part", "", csv, [], true);
        yield return ("two files", "catalog.csv", csv, Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n"), false);
        yield return ("NUL in a cell", "catalog.csv", csv, WithCell("a\0b"u8.ToArray()), false);
        yield return ("escape character in a cell", "catalog.csv", csv, WithCell("a\u001Bb"u8.ToArray()), false);
        yield return ("invalid UTF-8 in a cell", "catalog.csv", csv, WithCell([0x61, 0xC3, 0x28, 0x62]), false);
        yield return ("1 MB cell", "catalog.csv", csv, WithCell(Encoding.ASCII.GetBytes(new string('x', 1 << 20))), false);
        yield return ("10,000 columns", "catalog.csv", csv, Encoding.ASCII.GetBytes(string.Join(',', Enumerable.Range(0, 10_000).Select(i => "c" + i)) + "\r\n"), true);
        var random = new byte[64 * 1024];
        new Random(7).NextBytes(random);
        const string xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        yield return ("random bytes as .xlsx", "catalog.xlsx", xlsx, random, true);
        yield return ("broken zip as .xlsx", "catalog.xlsx", xlsx, [.. "PK\u0003\u0004"u8, .. random[..4096]], true);
        yield return ("file name with a NUL, a bidi override and a path", "..\\..\\etc\\a\0b\u202Ecsv.csv", csv, Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n"), false);
        yield return ("over the size limit", "catalog.csv", csv, Encoding.ASCII.GetBytes(header + "\r\n" + new string('x', 20 * 1024 * 1024 + 1)), true);
    }

    /// <summary>
    /// The forms the tenant's pages show, and for each POST handler whose form no page showed (a form that appears
    /// only in a state the seeded data is not in, a page behind a link's secret) a form without fields, so the
    /// handler still meets the form-level spoilings.
    /// </summary>
    public static IReadOnlyList<PageForm> FormsOf(PageSite site, TenantData tenant)
    {
        var forms = site.Forms[tenant.Slug].ToList();
        var shown = forms.Select(f => PageSite.RouteOf("POST", f.Action)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (route, handler) in DeclaredPosts())
        {
            // Signing out would end the sender's session; the error page's POST only shows the error page.
            if (shown.Contains(Key(route, handler)) || route.Page is "/Account/SignOut" or "/Error") continue;
            var path = route.Template.Replace("{id:guid}", tenant.CandidateIds[0].ToString(), StringComparison.Ordinal)
                .Replace("{token}", Guid.NewGuid().ToString("N"), StringComparison.Ordinal);
            forms.Add(new PageForm(path, handler.Length == 0 ? path : $"{path}?handler={handler}", []));
        }
        return forms;
    }

    /// <summary>Every POST handler of <see cref="PageSurface"/>: the route and the handler's name ("" for the page's own).</summary>
    public static IEnumerable<(PageRoute Route, string Handler)> DeclaredPosts() =>
        PageSurface.Routes.SelectMany(r => r.Handlers.Where(h => h.StartsWith("POST", StringComparison.Ordinal)).Select(h => (r, h.Length > 4 ? h[5..] : "")));

    private static string Key(PageRoute route, string handler) => $"POST {route.Template}{(handler.Length > 0 ? "?handler=" + handler : "")}";

    public static async Task<AttackReport> RunAsync(AttackHttp http, PageSite site, Cast cast, StreamLedger ledger,
        int? requests, int concurrency, int seed, Action<string>? progress = null, CancellationToken ct = default)
    {
        var report = new AttackReport("Page bad-input corpus");
        var tenant = cast.Tenants[0];
        // The organization's own sheet, as its admin exports it, is the base of the spoiled uploads.
        var export = await site.SessionOf(tenant.OrgAdmin).GetAsync(http, "/api/catalog/export?format=csv", ct);
        var corpus = Build(site, cast, tenant, export.Status == 200 ? export.Body : null).ToList();
        report.Add("corpus size", corpus.Count);
        report.Add("form handlers", corpus.Select(c => c.Route).Distinct().Count());
        report.Add("fields", corpus.Where(c => c.Mutation == "valid").Sum(c => c.Form.Fields.Count));
        var shown = site.Forms[tenant.Slug].Select(f => PageSite.RouteOf("POST", f.Action)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (route, handler) in DeclaredPosts().Where(d => !shown.Contains(Key(d.Route, d.Handler)) && d.Route.Page is not ("/Account/SignOut" or "/Error")))
            report.Add("POST handler whose form no page showed (sent without fields): " + Key(route, handler));
        var random = new Random(seed);
        var chosen = requests is { } n && n < corpus.Count
            ? corpus.GroupBy(c => c.Route).Select(g => g.First()).Concat(corpus.OrderBy(_ => random.Next())).Distinct().Take(Math.Max(n, 1)).ToList()
            : corpus;

        var streams = tenant.CandidateIds.Append(tenant.SpareCandidateId).ToList();
        var before = await ledger.SnapshotAsync(streams, [tenant.Slug]);
        var accepted = new ConcurrentDictionary<Guid, int>();
        var created = 0;
        var clock = Stopwatch.StartNew();
        var done = 0;
        await Parallel.ForEachAsync(chosen, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, concurrency), CancellationToken = ct }, async (bad, token) =>
        {
            Answer answer;
            try
            {
                answer = await site.SessionOf(bad.Actor).PostAsync(http, bad.Form.Action, bad.Body, bad.ContentType, token);
            }
            catch (HttpRequestException e)
            {
                report.Count(bad.Route, 0);
                report.Finding("no answer", $"{bad}: {e.Message}");
                return;
            }
            report.Count(bad.Route, answer.Status);
            var what = $"{bad} → {answer.Status}";
            var location = PageSession.Location(answer);
            // A field's error: the page's error summary, an input marked invalid, or an error beside a group of choices.
            var showsFormError = answer.Body.Contains("data-testid=\"form-errors\"", StringComparison.Ordinal) || answer.Body.Contains("aria-invalid=\"true\"", StringComparison.Ordinal)
                                 || answer.Body.Contains("class=\"field-error\"", StringComparison.Ordinal);
            if (answer.Status >= 500) report.Finding("5xx", $"{what}: {Cut(answer.Body)}");
            else if (answer.Status >= 400 && !PageIsolationFuzz.IsHtmlPage(answer)) report.Finding("error not an HTML page", $"{what} {answer.ContentType}: {Cut(answer.Body)}");
            else if (answer.Status == 400 && bad.SpoilsField && !showsFormError && !answer.Body.Contains("role=\"alert\"", StringComparison.Ordinal))
                report.Finding("400 without the field's error", $"{what}: {Cut(Text(answer.Body))}");
            else if (answer.Status is >= 200 and < 300 && showsFormError)
                report.Finding("form error answered 2xx", $"{what}: {Cut(Text(answer.Body))}");
            // A form refused as it was shown (filled with plausible values) means its spoilings mostly stop at the
            // same check: counted with the page's first error, so a run shows where the corpus stays shallow.
            if (bad.Mutation == "valid" && answer.Status >= 400)
                report.Add($"form refused as shown ({answer.Status}): {bad.Route}: {FirstError(answer.Body)}");
            var signedOut = location is not null && location.Contains("/signin", StringComparison.OrdinalIgnoreCase);
            var isAccepted = answer.Status is >= 200 and < 300 && !showsFormError || answer.Status is >= 300 and < 400 && !signedOut;
            if (signedOut) report.Add("redirected to sign in");
            if (isAccepted)
            {
                report.Add("accepted");
                report.Add("accepted: " + bad.Mutation.Split(": ")[^1]);
                // Which field took a value of a megabyte: one the page stores wants a length limit.
                if (bad.Mutation.EndsWith("1 MB value", StringComparison.Ordinal)) report.Add($"1 MB value accepted: {bad.Route} [{bad.Mutation}]");
                if (bad.SpoilsToken) report.Finding("accepted without a valid antiforgery token", what);
                if (BrokenText.Any(b => bad.Mutation.EndsWith(b, StringComparison.Ordinal))) report.Finding("broken text accepted", what);
                if (bad.Stream is { } s) accepted.AddOrUpdate(s, 1, (_, k) => k + 1);
                if (bad.Route == "POST /candidates/new") Interlocked.Increment(ref created);
            }
            var k = Interlocked.Increment(ref done);
            if (k % 500 == 0) progress?.Invoke($"{k}/{chosen.Count} page posts, {report.Findings.Count} finding(s)");
        });
        report.Duration = clock.Elapsed;

        var after = await ledger.SnapshotAsync(streams, [tenant.Slug]);
        foreach (var problem in StreamLedger.Compare(before, after, accepted, new Dictionary<string, int> { [tenant.Slug] = created }))
            report.Finding("stream integrity", problem);
        var advisor = site.SessionOf(tenant.Advisor);
        foreach (var id in streams)
        {
            foreach (var page in new[] { "", "/cycles", "/list" })
            {
                var answer = await advisor.GetAsync(http, $"/candidates/{id}{page}", ct);
                if (answer.Status != 200) report.Finding("stream integrity", $"GET /candidates/{id}{page} answers {answer.Status} after the corpus");
            }
        }
        report.Add("streams checked", streams.Count);
        return report;
    }

    /// <summary>
    /// The form as the corpus sends it: file forms on the tenant's second file (archiving on its spare one), so the
    /// candidate's own file stays as it was; member and invitation forms on random ids, so no one of the cast is
    /// removed or uninvited.
    /// </summary>
    private static (PageForm Form, Guid? Stream) Target(PageForm form, TenantData tenant)
    {
        var first = tenant.CandidateIds[0].ToString();
        if (form.Action.StartsWith("/candidates/", StringComparison.OrdinalIgnoreCase) && form.Action.Contains(first, StringComparison.OrdinalIgnoreCase))
        {
            var id = form.Handler.Equals("Archive", StringComparison.OrdinalIgnoreCase) ? tenant.SpareCandidateId : tenant.CandidateIds[1];
            // The exam a correction names moves with the file.
            var fields = form.Fields.Select(f => KeyValuePair.Create(f.Key, f.Value.Equals(tenant.ExamIds[0].ToString(), StringComparison.OrdinalIgnoreCase) ? tenant.ExamIds[1].ToString() : f.Value)).ToList();
            return (form with { Action = form.Action.Replace(first, id.ToString(), StringComparison.OrdinalIgnoreCase), Fields = fields }, id);
        }
        if (form.Action.StartsWith("/org?", StringComparison.OrdinalIgnoreCase) && Guids().IsMatch(form.Action))
            return (form with { Action = Guids().Replace(form.Action, _ => Guid.NewGuid().ToString()) }, null);
        if (form.Action.StartsWith("/me", StringComparison.OrdinalIgnoreCase)) return (form, tenant.CandidateIds[0]);
        return (form, null);
    }

    private static Actor ActorFor(PageForm form, Cast cast, TenantData tenant)
    {
        var template = PageSite.RouteOf("POST", form.Action).Split('?')[0]["POST ".Length..];
        var route = PageSurface.Routes.FirstOrDefault(r => r.Template == template);
        return PageSurface.ViewerOf(route?.Viewer ?? PageSurface.Advisor, cast, tenant);
    }

    /// <summary>Values the pages' validation accepts for fields they name the same way (by the name's last part).</summary>
    private static readonly Dictionary<string, string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["score"] = "231", ["attempt"] = "1", ["months"] = "2", ["count"] = "40", ["programsranked"] = "12", ["budget"] = "60",
        ["budgetusd"] = "3", ["season"] = "2027", ["yearofgraduation"] = "2019", ["sweep_lookback_hours"] = "24",
        ["reapplication_offset_days"] = "30", ["rank_list_offset_days"] = "14", ["send_at_local_time"] = "09:00",
        ["evidence_observed_on"] = "2024-03", ["observed_on"] = "2024-03", ["time_zone"] = "America/New_York", ["country"] = "India", ["state"] = "TX",
        // Optional lists and codes that must name something real are left empty.
        ["pinnedsignals"] = "", ["forbiddensignals"] = "", ["preferredstates"] = "", ["avoidedstates"] = "",
    };

    /// <summary>A value an empty field plausibly takes, by its name and input kind (never a cast member's real password).</summary>
    private static string Plausible(string field, string? kind, Cast cast)
    {
        var name = field.ToLowerInvariant();
        var last = name.Split('.')[^1];
        if (name == "interview.programcode") return cast.ProgramCodes.Count > 0 ? cast.ProgramCodes[0] : "";
        if (name.EndsWith("programcode", StringComparison.Ordinal)) return "";
        if (Known.TryGetValue(last, out var known)) return known;
        if (name.Contains("email", StringComparison.Ordinal)) return $"probe-{Guid.NewGuid():N}@example.org";
        if (name.Contains("password", StringComparison.Ordinal)) return "Probe-Password-2026!";
        if (name.Contains("slug", StringComparison.Ordinal)) return "p" + Guid.NewGuid().ToString("N")[..12];
        if (kind is null) return "Probe";
        if (kind.StartsWith("checkbox", StringComparison.Ordinal) || kind.StartsWith("radio", StringComparison.Ordinal)) return kind.Split(' ', 2)[^1];
        if (kind == "date") return "2024-03-01";
        if (kind.StartsWith("number", StringComparison.Ordinal))
        {
            var range = kind.Split(' ')[1].Split("..");
            var min = decimal.TryParse(range[0], System.Globalization.CultureInfo.InvariantCulture, out var lo) ? lo : 0;
            var max = decimal.TryParse(range[1], System.Globalization.CultureInfo.InvariantCulture, out var hi) ? hi : 100;
            return max <= 1 ? "0.05" : Math.Max(min, Math.Min(max, 1)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return "Probe";
    }

    private static string FirstError(string html)
    {
        var summary = Regex.Match(html, "data-testid=\"form-errors\"(.*?)</div>", RegexOptions.Singleline);
        var alert = summary.Success ? summary : Regex.Match(html, "role=\"alert\"(.*?)</div>", RegexOptions.Singleline);
        var text = alert.Success ? Text("<x " + alert.Groups[1].Value).Trim() : Text(Regex.Match(html, "<h1[^>]*>(.*?)</h1>", RegexOptions.Singleline).Groups[1].Value).Trim();
        return text.Length > 160 ? text[..160] + "…" : text;
    }

    private static string Cut(string text) => text.Length > 400 ? text[..400] + "…" : text;

    private static string Text(string html) => Regex.Replace(Regex.Replace(html, "<[^>]+>", " "), "\\s+", " ");

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guids();
}
