using System.Text.Json;

namespace SmartPick.Attacks;

/// <summary>Who sends a request: a role, the tenant it belongs to (none for anonymous and the platform admin) and its bearer token.</summary>
public sealed record Actor(string Role, string? Tenant, string? Token)
{
    /// <summary>The address the actor signs in with (none for anonymous), for the pages' cookie sign-in.</summary>
    public string? Email { get; init; }

    public override string ToString() => Tenant is null ? Role : $"{Role}@{Tenant}";
}

/// <summary>
/// One tenant's seeded data. Every text it holds (names, emails, notes) carries <see cref="Marker"/>, a random word
/// of letters that cannot occur in a hex id, so any answer to someone outside the tenant can be searched for it.
/// </summary>
public sealed class TenantData(string slug, string marker)
{
    public string Slug { get; } = slug;
    public string Marker { get; } = marker;
    public List<Guid> CandidateIds { get; } = [];
    public List<Guid> ExamIds { get; } = [];
    public List<Guid> InvitationIds { get; } = [];
    public List<Guid> RegenerationIds { get; } = [];
    /// <summary>A file kept for commands that end a file's life (archive), so the others stay writable.</summary>
    public Guid SpareCandidateId { get; set; }
    public Actor OrgAdmin { get; set; } = null!;
    public Actor Advisor { get; set; } = null!;
    public Actor Candidate { get; set; } = null!;
}

/// <summary>
/// Two tenants with every role, seeded through the API only, as an operator would: the platform admin creates
/// both organizations and invites their administrators; each administrator invites an advisor and a candidate;
/// the advisor opens files and records an exam, a note and a season. Plus anonymous and the platform admin.
/// </summary>
public sealed class Cast
{
    public const string Password = "Attack-Password-2026!";
    private const string MarkerLetters = "ghjkmnpqrstvwxyz";

    private Cast(IReadOnlyList<TenantData> tenants, IReadOnlyList<Actor> actors, IReadOnlyList<string> programCodes, string platformPassword)
    {
        _platformPassword = platformPassword;
        Tenants = tenants;
        Actors = actors;
        ProgramCodes = programCodes;
    }

    private readonly string _platformPassword;

    public IReadOnlyList<TenantData> Tenants { get; }
    public IReadOnlyList<Actor> Actors { get; }
    public IReadOnlyList<string> ProgramCodes { get; }

    /// <summary>The password <paramref name="actor"/> signs in with (the pages sign in by cookie, through the sign-in form).</summary>
    public string PasswordOf(Actor actor) => actor.Role == "platform_admin" ? _platformPassword : Password;

    public TenantData Tenant(string slug) => Tenants.Single(t => t.Slug == slug);

    /// <summary>The tenants whose data <paramref name="actor"/> must never see: every tenant but its own.</summary>
    public IEnumerable<TenantData> ForeignTo(Actor actor) => Tenants.Where(t => t.Slug != actor.Tenant);

    /// <summary>Seeds two tenants; <paramref name="platformEmail"/> is an existing platform admin signing in with <paramref name="platformPassword"/>.</summary>
    public static async Task<Cast> SeedAsync(AttackHttp http, string platformEmail, string platformPassword, int filesPerTenant = 3)
    {
        var platform = new Actor("platform_admin", null, await SignInAsync(http, platformEmail, platformPassword)) { Email = platformEmail };
        var run = Guid.NewGuid().ToString("N")[..8];
        var tenants = new List<TenantData>();
        foreach (var letter in new[] { "a", "b" })
        {
            var marker = "Mk" + new string(Enumerable.Range(0, 12).Select(_ => MarkerLetters[Random.Shared.Next(MarkerLetters.Length)]).ToArray());
            var tenant = new TenantData($"atk-{letter}-{run}", marker);
            await SeedTenantAsync(http, platform, tenant, filesPerTenant);
            tenants.Add(tenant);
        }
        var codes = new List<string>();
        var page = await http.MustAsync(HttpMethod.Get, "/api/catalog/programs?page_size=5", tenants[0].Advisor.Token);
        foreach (var item in Items(page)) codes.Add(item.GetProperty("program_code").GetString()!);
        var actors = new List<Actor> { new("anonymous", null, null), platform };
        foreach (var t in tenants) actors.AddRange([t.OrgAdmin, t.Advisor, t.Candidate]);
        return new Cast(tenants, actors, codes, platformPassword);
    }

    private static async Task SeedTenantAsync(AttackHttp http, Actor platform, TenantData tenant, int files)
    {
        var m = tenant.Marker;
        await http.MustAsync(HttpMethod.Post, "/api/platform/organizations", platform.Token,
            new { slug = tenant.Slug, name = "Agency " + tenant.Slug, time_zone = "America/New_York" });
        var adminEmail = $"admin.{m}@example.org".ToLowerInvariant();
        var invited = await http.MustAsync(HttpMethod.Post, $"/api/platform/organizations/{tenant.Slug}/invitations", platform.Token, new { email = adminEmail });
        tenant.OrgAdmin = new Actor("org_admin", tenant.Slug, await AcceptAsync(http, invited, adminEmail, "Admin " + m)) { Email = adminEmail };

        var advisorEmail = $"advisor.{m}@example.org".ToLowerInvariant();
        invited = await http.MustAsync(HttpMethod.Post, "/api/org/invitations", tenant.OrgAdmin.Token, new { email = advisorEmail, role = "advisor" });
        tenant.Advisor = new Actor("advisor", tenant.Slug, await AcceptAsync(http, invited, advisorEmail, "Advisor " + m)) { Email = advisorEmail };

        for (var i = 0; i <= files; i++)
        {
            var file = await http.MustAsync(HttpMethod.Post, "/api/candidates", tenant.Advisor.Token, new
            {
                name = $"Candidate {m} {i}", email = $"candidate{i}.{m}@example.org".ToLowerInvariant(), medical_school_country = "India",
                img_type = "non_us_img", visa_need = "j1", year_of_graduation = 2019, target_specialties = new[] { "internal_medicine" },
                preferred_states = new[] { "NY" }, avoided_states = Array.Empty<string>(), budget = new { applications = 80 },
            });
            var id = file.GetProperty("id").GetGuid();
            if (i == files)
            {
                tenant.SpareCandidateId = id;
                continue;
            }
            tenant.CandidateIds.Add(id);
            var exam = await http.MustAsync(HttpMethod.Post, $"/api/candidates/{id}/exams", tenant.Advisor.Token,
                new { exam = new { exam = "step2ck", score = 231, passed = true }, taken_on = "2024-01-10" });
            tenant.ExamIds.Add(exam.GetProperty("item_id").GetGuid());
            await http.MustAsync(HttpMethod.Post, $"/api/candidates/{id}/notes", tenant.Advisor.Token, new { text = $"Private note {m}: family reasons" });
            await http.MustAsync(HttpMethod.Post, $"/api/candidates/{id}/cycles", tenant.Advisor.Token, new { season = 2026 });
        }

        var candidateEmail = $"candidate.{m}@example.org".ToLowerInvariant();
        invited = await http.MustAsync(HttpMethod.Post, "/api/org/invitations", tenant.OrgAdmin.Token,
            new { email = candidateEmail, role = "candidate", candidate_id = tenant.CandidateIds[0] });
        tenant.Candidate = new Actor("candidate", tenant.Slug, await AcceptAsync(http, invited, candidateEmail, "Candidate " + m)) { Email = candidateEmail };

        // An invitation left open: its id is one more of the tenant's ids, its email one more of its secrets.
        var pending = await http.MustAsync(HttpMethod.Post, "/api/org/invitations", tenant.OrgAdmin.Token,
            new { email = $"pending.{m}@example.org".ToLowerInvariant(), role = "advisor" });
        tenant.InvitationIds.Add(pending.GetProperty("id").GetGuid());
        await http.JsonAsync(HttpMethod.Put, "/api/org/settings", tenant.OrgAdmin.Token,
            System.Text.Json.Nodes.JsonNode.Parse($"{{\"sender_name\":\"Sender {m}\"}}"));

        var runs = await http.MustAsync(HttpMethod.Get, "/api/list-regenerations", tenant.OrgAdmin.Token);
        foreach (var run in Items(runs)) if (run.TryGetProperty("id", out var rid)) tenant.RegenerationIds.Add(rid.GetGuid());
    }

    private static async Task<string> AcceptAsync(AttackHttp http, JsonElement invitation, string email, string name)
    {
        await http.MustAsync(HttpMethod.Post, "/api/auth/invitations/accept", null,
            new { token = invitation.GetProperty("token").GetString(), display_name = name, password = Password });
        return await SignInAsync(http, email, Password);
    }

    public static async Task<string> SignInAsync(AttackHttp http, string email, string password) =>
        (await http.MustAsync(HttpMethod.Post, "/api/auth/login", null, new { email, password })).GetProperty("access_token").GetString()!;

    /// <summary>The rows of a list answer, whether a bare array or a page with <c>items</c>.</summary>
    private static IEnumerable<JsonElement> Items(JsonElement answer) =>
        answer.ValueKind == JsonValueKind.Array ? answer.EnumerateArray()
        : answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array ? items.EnumerateArray()
        : [];
}
