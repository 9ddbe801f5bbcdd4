using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace SmartPick.Attacks;

/// <summary>
/// Every route of the OpenAPI document that takes a value in its path, sent by every role (anonymous, platform
/// admin, and each tenant's org admin, advisor and candidate) with another tenant's ids or random ones, round-robin
/// so that every route meets every role. Findings: a 5xx; any other tenant's marker in an answer's headers or body;
/// a 2xx to a request whose id was not the sender's own; and afterwards any event added to, changed in or lost from
/// the tenants' streams, a new stream, or another tenant's open invitation revoked.
/// </summary>
public static class IsolationFuzz
{
    /// <summary>Path values that are secrets in themselves (a link's token, a feed's file name): only random ones are tried.</summary>
    private static readonly string[] Capabilities = ["token", "file"];

    public static async Task<AttackReport> RunAsync(AttackHttp http, ApiSurface api, Cast cast, StreamLedger ledger,
        int requests, int concurrency, int seed, Action<string>? progress = null, CancellationToken ct = default)
    {
        var report = new AttackReport("Isolation fuzz");
        var routes = api.Operations.Where(o => o.PathParameters.Any() && !o.Template.StartsWith("/api/auth/logout", StringComparison.Ordinal)).ToList();
        if (routes.Count == 0) throw new InvalidOperationException("The OpenAPI document lists no route with a path parameter");
        report.Add("routes with path values", routes.Count);
        report.Add("roles", cast.Actors.Count);

        var streams = cast.Tenants.SelectMany(t => t.CandidateIds.Append(t.SpareCandidateId)).ToList();
        var slugs = cast.Tenants.Select(t => t.Slug).ToList();
        var before = await ledger.SnapshotAsync(streams, slugs);
        var ownWrites = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);

        var clock = Stopwatch.StartNew();
        var done = 0;
        await Parallel.ForAsync(0, requests, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, concurrency), CancellationToken = ct }, async (i, token) =>
        {
            var random = new Random(HashCode.Combine(seed, i));
            var route = routes[i % routes.Count];
            var actor = cast.Actors[i / routes.Count % cast.Actors.Count];
            var foreign = cast.ForeignTo(actor).ToList();
            var (path, usedIds) = Fill(route, cast, foreign, random);
            var body = route.TakesJson ? api.SampleBody(route) : null;
            if (body is JsonObject obj && obj.ContainsKey("candidate_id")) obj["candidate_id"] = JsonValue.Create(Pick(random, foreign.SelectMany(t => t.CandidateIds)));
            Answer answer;
            try
            {
                answer = await http.JsonAsync(new HttpMethod(route.Method), path, actor.Token, body, token);
            }
            catch (HttpRequestException e)
            {
                report.Count(route.ToString(), 0);
                report.Finding("no answer", $"{route.Method} {path} as {actor}: {e.Message}");
                return;
            }
            report.Count(route.ToString(), answer.Status);
            var what = $"{route.Method} {path} as {actor} → {answer.Status}";
            if (answer.Status >= 500) report.Finding("5xx", $"{what}: {answer.Body}");
            // A body refused before the id is looked up proves less: counted, so a run shows how often it happened.
            if (answer.Status == 400 && actor.Tenant is not null) report.Add("400 to a tenant member (body refused before the id was looked up)");
            foreach (var tenant in foreign)
            {
                if (answer.Body.Contains(tenant.Marker, StringComparison.OrdinalIgnoreCase) || answer.Headers.Contains(tenant.Marker, StringComparison.OrdinalIgnoreCase))
                    report.Finding("cross-tenant bytes", $"{what} shows {tenant.Slug}'s data: {answer.Body}");
            }
            if (answer.Status is >= 200 and < 300)
            {
                if (usedIds) report.Finding("accepted on a foreign or random id", $"{what}: {answer.Body}");
                else if (route.IsWrite && actor.Tenant is not null) ownWrites.AddOrUpdate(actor.Tenant, 1, (_, n) => n + 1);
            }
            var n = Interlocked.Increment(ref done);
            if (n % 2000 == 0) progress?.Invoke($"{n}/{requests} requests, {report.Findings.Count} finding(s)");
        });
        report.Duration = clock.Elapsed;

        var after = await ledger.SnapshotAsync(streams, slugs);
        foreach (var problem in StreamLedger.Compare(before, after, new Dictionary<Guid, int>(), ownWrites))
            report.Finding("tenant data changed", problem);
        await CheckInvitationsAsync(http, cast, report);
        return report;
    }

    /// <summary>Each tenant's open invitation is still open (revoking one is a write outside the event store).</summary>
    public static async Task CheckInvitationsAsync(AttackHttp http, Cast cast, AttackReport report)
    {
        foreach (var tenant in cast.Tenants)
        {
            var invitations = await http.MustAsync(HttpMethod.Get, "/api/org/invitations", tenant.OrgAdmin.Token);
            foreach (var invitation in invitations.EnumerateArray().Where(i => tenant.InvitationIds.Contains(i.GetProperty("id").GetGuid())))
            {
                var status = invitation.GetProperty("status").GetString();
                if (status != "open") report.Finding("tenant data changed", $"{tenant.Slug}'s open invitation is now '{status}'");
            }
        }
    }

    /// <summary>The route with its path values filled in; whether any of them is an id (of another tenant, or random).</summary>
    private static (string Path, bool UsedIds) Fill(ApiOperation route, Cast cast, IReadOnlyList<TenantData> foreign, Random random)
    {
        var path = route.Template;
        var usedIds = false;
        foreach (var p in route.PathParameters)
        {
            string value;
            if (p.Format == "uuid")
            {
                usedIds = true;
                var pool = route.Template.StartsWith("/api/org/invitations", StringComparison.Ordinal) ? foreign.SelectMany(t => t.InvitationIds)
                    : route.Template.StartsWith("/api/list-regenerations", StringComparison.Ordinal) ? foreign.SelectMany(t => t.RegenerationIds)
                    : route.Template.StartsWith("/api/catalog", StringComparison.Ordinal) ? []
                    : p.Name.Contains("exam", StringComparison.OrdinalIgnoreCase) ? foreign.SelectMany(t => t.ExamIds)
                    : foreign.SelectMany(t => t.CandidateIds.Append(t.SpareCandidateId));
                var ids = pool.ToList();
                value = (ids.Count > 0 && random.Next(3) > 0 ? Pick(random, ids) : Guid.NewGuid()).ToString();
            }
            else if (p.Type == "integer")
            {
                value = random.Next(2) == 0 ? "2026" : random.Next(1990, 2100).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (p.Name == "slug")
            {
                value = random.Next(3) > 0 && foreign.Count > 0 ? Pick(random, foreign.Select(t => t.Slug)) : "atk-" + Guid.NewGuid().ToString("N")[..10];
            }
            else if (p.Name == "code")
            {
                value = random.Next(3) > 0 && cast.ProgramCodes.Count > 0 ? Pick(random, cast.ProgramCodes) : "P" + random.Next(1_000_000);
            }
            else
            {
                value = Capabilities.Contains(p.Name)
                    ? Convert.ToBase64String(Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).ToArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_')
                    : Guid.NewGuid().ToString("N");
            }
            path = path.Replace("{" + p.Name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        }
        return (path, usedIds);
    }

    private static T Pick<T>(Random random, IEnumerable<T> items)
    {
        var list = items as IReadOnlyList<T> ?? items.ToList();
        return list[random.Next(list.Count)];
    }
}
