using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace SmartPick.Attacks;

/// <summary>One hostile request: which route, what was done to it, and the candidate file it names (if any).</summary>
public sealed record BadRequest(ApiOperation Route, string Mutation, string Path, Actor Actor, byte[]? Body, string? ContentType,
    IReadOnlyDictionary<string, string>? Headers, Guid? Stream)
{
    public override string ToString() => $"{Route.Method} {Path} [{Mutation}] as {Actor}";
}

/// <summary>
/// Every writable route of the OpenAPI document, sent by a role allowed to use it with the sender's own ids, and a
/// valid body spoiled one way at a time: per field NUL, other control characters, a bidirectional override, a lone
/// surrogate (as an escape and as raw bytes), a 1 MB string, wrong types, null and out-of-range numbers; per body
/// null, nothing, truncated JSON, deep nesting, duplicate and unknown keys, invalid UTF-8, odd content types and a
/// huge header. Findings: a 5xx; an error without problem details; and afterwards any stream the requests named
/// that lost or changed an event, has a gap, gained more than its accepted requests explain, or no longer reads.
/// </summary>
public static class BadInputCorpus
{
    private static readonly (string Name, string Json)[] FieldValues =
    [
        ("NUL", "\"a\\u0000b\""),
        ("escape character", "\"a\\u001bb\""),
        ("bidi override", "\"a\\u202eb\""),
        ("lone surrogate escape", "\"a\\ud800b\""),
        ("1 MB string", "\"" + new string('x', 1 << 20) + "\""),
        ("number for text", "12345"),
        ("text for number", "\"abc\""),
        ("boolean", "true"),
        ("object", "{\"a\":1}"),
        ("array", "[1,\"a\",null]"),
        ("null", "null"),
        ("huge number", "1e400"),
        ("long integer", "99999999999999999999999999"),
        ("negative", "-1"),
    ];

    /// <summary>Builds the whole corpus against tenant <paramref name="tenant"/> (its own ids, its own users).</summary>
    public static IReadOnlyList<BadRequest> Build(ApiSurface api, Cast cast, TenantData tenant)
    {
        var corpus = new List<BadRequest>();
        foreach (var route in api.Operations.Where(o => o.IsWrite && !o.Template.StartsWith("/api/auth/logout", StringComparison.Ordinal)))
        {
            var actor = ActorFor(route, cast, tenant);
            var (path, stream) = Fill(route, cast, tenant);
            var sample = api.SampleBody(route) ?? new JsonObject();
            var valid = Encoding.UTF8.GetBytes(sample.ToJsonString());
            void Add(string mutation, byte[]? body, string? contentType = "application/json", IReadOnlyDictionary<string, string>? headers = null) =>
                corpus.Add(new BadRequest(route, mutation, path, actor, body, contentType, headers, stream));

            Add("null body", "null"u8.ToArray());
            Add("empty body", []);
            Add("truncated JSON", "{\"a\":"u8.ToArray());
            Add("array for object", "[]"u8.ToArray());
            Add("100k nested arrays", Encoding.ASCII.GetBytes(new string('[', 100_000) + new string(']', 100_000)));
            Add("10k nested objects", Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000)));
            Add("invalid UTF-8", [.. "{\"x\":\""u8, 0xC3, 0x28, .. "\"}"u8]);
            Add("surrogate as raw bytes", [.. "{\"x\":\""u8, 0xED, 0xA0, 0x80, .. "\"}"u8]);
            Add("unknown field", Encoding.UTF8.GetBytes(WithRaw(sample, "zz_unknown_field", "1")));
            if (sample is JsonObject o && o.Count > 0)
            {
                var first = o.First().Key;
                var text = sample.ToJsonString();
                Add("duplicate key", Encoding.UTF8.GetBytes("{\"" + first + "\":12345," + text[1..]));
            }
            Add("text/plain", valid, "text/plain");
            Add("application/xml", "<a><b/></a>"u8.ToArray(), "application/xml");
            Add("form with NUL", "a=b%00c&text=%00"u8.ToArray(), "application/x-www-form-urlencoded");
            Add("multipart without boundary", valid, "multipart/form-data");
            Add("UTF-16 JSON", Encoding.Unicode.GetBytes(sample.ToJsonString()), "application/json; charset=utf-16");
            Add("no content type", valid, null);
            Add("100 KB header", valid, "application/json", new Dictionary<string, string> { ["X-Probe"] = new string('h', 100_000) });
            Add("control character in header", valid, "application/json", new Dictionary<string, string> { ["X-Probe"] = "a\u0001b" });
            // The catalog import takes a sheet as a multipart file: the same spoiled uploads as the page's import form.
            if (route is { Method: "POST", Template: "/api/catalog/imports" })
            {
                foreach (var (what, fileName, type, content, _) in PageBadInput.Uploads(null))
                {
                    (string, string, string, byte[])[] files = what == "no file part" ? [] : what == "two files" ? [("file", fileName, type, content), ("file", fileName, type, content)] : [("file", fileName, type, content)];
                    var (upload, uploadType) = PageHtml.Multipart([], files);
                    Add("upload " + what, upload, uploadType);
                }
            }

            foreach (var field in route.Fields)
            {
                foreach (var (name, json) in FieldValues)
                {
                    Add($"{field.Path}: {name}", Encoding.UTF8.GetBytes(WithRaw(sample, field.Path, json)));
                }
            }
        }
        return corpus;
    }

    public static async Task<AttackReport> RunAsync(AttackHttp http, ApiSurface api, Cast cast, StreamLedger ledger,
        int? requests, int concurrency, int seed, Action<string>? progress = null, CancellationToken ct = default)
    {
        var report = new AttackReport("Bad-input corpus");
        var tenant = cast.Tenants[0];
        var corpus = Build(api, cast, tenant).ToList();
        report.Add("corpus size", corpus.Count);
        report.Add("writable routes", corpus.Select(c => c.Route).Distinct().Count());
        report.Add("fields", corpus.Select(c => c.Route).Distinct().Sum(r => r.Fields.Count));
        var random = new Random(seed);
        // A smaller run takes a seeded sample that still starts with one request per route.
        var chosen = requests is { } n && n < corpus.Count
            ? corpus.GroupBy(c => c.Route).Select(g => g.First()).Concat(corpus.OrderBy(_ => random.Next())).Distinct().Take(Math.Max(n, 1)).ToList()
            : corpus;

        var streams = tenant.CandidateIds.Append(tenant.SpareCandidateId).ToList();
        var before = await ledger.SnapshotAsync(streams, [tenant.Slug]);
        var accepted = new System.Collections.Concurrent.ConcurrentDictionary<Guid, int>();
        var created = 0;
        var clock = Stopwatch.StartNew();
        var done = 0;
        await Parallel.ForEachAsync(chosen, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, concurrency), CancellationToken = ct }, async (bad, token) =>
        {
            Answer answer;
            try
            {
                answer = await http.SendAsync(new HttpMethod(bad.Route.Method), bad.Path, bad.Actor.Token, bad.Body, bad.ContentType, bad.Headers, token);
            }
            catch (HttpRequestException e)
            {
                report.Count(bad.Route.ToString(), 0);
                report.Finding("no answer", $"{bad}: {e.Message}");
                return;
            }
            report.Count(bad.Route.ToString(), answer.Status);
            if (answer.Status >= 500) report.Finding("5xx", $"{bad} → {answer.Status}: {answer.Body}");
            // 431 (headers too large) is the web server's own answer, before any of the app's code runs.
            else if (answer.Status >= 400 && answer.Status != 431 && !answer.IsProblem)
                report.Finding("no problem details", $"{bad} → {answer.Status} {answer.ContentType}: {answer.Body}");
            else if (answer.Status is >= 200 and < 300)
            {
                report.Add("accepted (2xx)");
                // Which spoilings a route took as valid (null for an optional field, say), so a run shows them.
                report.Add("accepted: " + bad.Mutation.Split(": ")[^1]);
                if (bad.Stream is { } s) accepted.AddOrUpdate(s, 1, (_, k) => k + 1);
                if (bad.Route.Template == "/api/candidates") Interlocked.Increment(ref created);
            }
            var k = Interlocked.Increment(ref done);
            if (k % 500 == 0) progress?.Invoke($"{k}/{chosen.Count} requests, {report.Findings.Count} finding(s)");
        });
        report.Duration = clock.Elapsed;

        var after = await ledger.SnapshotAsync(streams, [tenant.Slug]);
        foreach (var problem in StreamLedger.Compare(before, after, accepted, new Dictionary<string, int> { [tenant.Slug] = created }))
            report.Finding("stream integrity", problem);
        foreach (var id in streams)
        {
            foreach (var read in new[] { "", "/timeline", "/cycles", "/progress", "/lists" })
            {
                var answer = await http.JsonAsync(HttpMethod.Get, $"/api/candidates/{id}{read}", tenant.Advisor.Token, null, ct);
                if (answer.Status != 200) report.Finding("stream integrity", $"GET /api/candidates/{id}{read} answers {answer.Status} after the corpus: {answer.Body}");
            }
        }
        report.Add("streams checked", streams.Count);
        return report;
    }

    /// <summary>The sample body with <paramref name="path"/> set to the raw JSON text <paramref name="json"/>.</summary>
    private static string WithRaw(JsonNode sample, string path, string json)
    {
        var copy = sample.DeepClone();
        var placeholder = "__raw_" + Guid.NewGuid().ToString("N") + "__";
        ApiSurface.Set(copy, path, JsonValue.Create(placeholder));
        return copy.ToJsonString().Replace("\"" + placeholder + "\"", json, StringComparison.Ordinal);
    }

    /// <summary>A role that may use the route, so that the request reaches its input handling.</summary>
    private static Actor ActorFor(ApiOperation route, Cast cast, TenantData tenant)
    {
        var t = route.Template;
        if (t.StartsWith("/api/platform", StringComparison.Ordinal)) return cast.Actors.Single(a => a.Role == "platform_admin");
        if (t.StartsWith("/api/auth", StringComparison.Ordinal) || t.StartsWith("/u/", StringComparison.Ordinal) || t.StartsWith("/api/nudges/unsubscribe", StringComparison.Ordinal))
            return cast.Actors.Single(a => a.Role == "anonymous");
        if (t.StartsWith("/api/me", StringComparison.Ordinal)) return tenant.Candidate;
        if (t.StartsWith("/api/org", StringComparison.Ordinal) || t.StartsWith("/api/catalog", StringComparison.Ordinal)) return tenant.OrgAdmin;
        return tenant.Advisor;
    }

    private static (string Path, Guid? Stream) Fill(ApiOperation route, Cast cast, TenantData tenant)
    {
        var path = route.Template;
        Guid? stream = null;
        foreach (var p in route.PathParameters)
        {
            string value;
            if (p.Format == "uuid" && route.Template.StartsWith("/api/candidates", StringComparison.Ordinal))
            {
                if (p.Name.Contains("exam", StringComparison.OrdinalIgnoreCase)) value = tenant.ExamIds[1].ToString();
                else
                {
                    // Archiving ends a file's life: it gets a file of its own.
                    stream = route.Template.EndsWith("/archive", StringComparison.Ordinal) ? tenant.SpareCandidateId : tenant.CandidateIds[1];
                    value = stream.Value.ToString();
                }
            }
            else if (p.Format == "uuid") value = Guid.NewGuid().ToString();
            else if (p.Type == "integer") value = "2026";
            else if (p.Name == "slug") value = tenant.Slug;
            else if (p.Name == "code" && cast.ProgramCodes.Count > 0) value = cast.ProgramCodes[0];
            else value = Guid.NewGuid().ToString("N");
            path = path.Replace("{" + p.Name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        }
        return (path, stream);
    }
}
