using SmartPick.Web.Mail;
using System.Text.Json;
using System.Text.Json.Serialization;
using Hangfire;
using Hangfire.PostgreSql;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.Events;
using JasperFx.MultiTenancy;
using JasperFx.Resources;
using Marten;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SmartPick.Contracts;
using SmartPick.ServiceDefaults;
using SmartPick.Web.Auth;
using SmartPick.Web.Composition;
using SmartPick.Web.Demo;
using SmartPick.Web.Identity;
using SmartPick.Web.Infrastructure;
using SmartPick.Web.OpenApi;
using SmartPick.Web.Organizations;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

// The engine and sheet commands (rank, evaluate, catalog-evidence) need no host, no database and no logging on stdout.
if (await SmartPick.Web.Commands.RankCommand.TryRunWithoutHostAsync(args) is { } engineExitCode) return engineExitCode;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();

var connectionString = PostgresConnection.Tuned(builder.Configuration.GetConnectionString("postgres") is { Length: > 0 } cs
    ? cs
    : "Host=127.0.0.1;Port=5432;Database=smartpick;Username=postgres");
var isProduction = builder.Environment.IsProduction();
// One node alone on its database, or one of several (Cluster:Enabled; Production by default): see NodeTopology.
var topology = NodeTopology.From(builder.Configuration, builder.Environment);
// A command-line verb other than `run` (rank, evaluate, codegen, db-apply, nudges…) does one job and exits:
// no job server, no start-up seeding.
var commandMode = args.Length > 0 && !args[0].StartsWith('-') && args[0] != "run";
// A restart of the same build against a database it already brought up to date skips the full schema
// comparison; the check runs while the services below are registered.
var schemaFingerprint = SchemaFingerprint.Compute(builder.Environment.EnvironmentName);
var schemaCheck = commandMode ? Task.FromResult(false) : SchemaFingerprint.IsCurrentAsync(connectionString, schemaFingerprint);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddMemoryCache();
builder.Services.AddHealthChecks().AddPostgresReadiness(connectionString);

// JSON: snake_case names and enum values, for Wolverine endpoints and minimal APIs alike.
builder.Services.ConfigureSystemTextJsonForWolverineOrMinimalApi(o =>
{
    o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
    o.SerializerOptions.DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower;
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
    o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
});

// Identity: users, roles, organizations and invitations in the "identity" schema (EF Core).
builder.Services.AddDbContext<IdentityDb>(o => o.UseNpgsql(connectionString));
builder.Services.AddIdentityCore<AppUser>(o =>
    {
        o.User.RequireUniqueEmail = true;
        o.Password.RequiredLength = 10;
        o.Password.RequireNonAlphanumeric = false;
        // No lockout: anyone who knows an address could lock its owner out. Throttles slow guessing instead (AuthThrottle).
        o.Lockout.AllowedForNewUsers = false;
    })
    .AddRoles<IdentityRole>()
    .AddEntityFrameworkStores<IdentityDb>()
    .AddSignInManager()
    .AddDefaultTokenProviders()
    .AddClaimsPrincipalFactory<SmartPickClaimsFactory>();
builder.Services.AddScoped<PasswordCheck>();
// A password change or reset (and a bearer sign-out) replaces the security stamp; cookies are checked against it
// on every request, so such a change ends every session at once (BearerSessionMiddleware does the same for tokens).
builder.Services.TryAddScoped<ISecurityStampValidator, SecurityStampValidator<AppUser>>();
builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
// OWASP's 2023 floor for PBKDF2-HMAC-SHA512 is 210,000 iterations.
builder.Services.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000);

const string SmartPickScheme = "smartpick";
builder.Services.AddAuthentication(o =>
    {
        o.DefaultScheme = SmartPickScheme;
        o.DefaultChallengeScheme = SmartPickScheme;
    })
    // Bearer tokens for the API, the cookie for pages; the Authorization header decides.
    .AddPolicyScheme(SmartPickScheme, "Cookie or bearer token", o => o.ForwardDefaultSelector = ctx =>
        ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? IdentityConstants.BearerScheme
            : IdentityConstants.ApplicationScheme)
    .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(1))
    .AddIdentityCookies(c => c.ApplicationCookie?.Configure(o =>
    {
        o.LoginPath = "/signin";
        o.AccessDeniedPath = "/denied";
        o.Cookie.Name = "smartpick";
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Lax;
        // Secure everywhere but on a developer's plain-HTTP machine.
        o.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        o.SlidingExpiration = true;
        o.ExpireTimeSpan = TimeSpan.FromHours(8);
        // The API answers 401/403, never a redirect to the sign-in page.
        o.Events.OnRedirectToLogin = ctx => ApiAware(ctx.HttpContext, ctx.RedirectUri, 401);
        o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx.HttpContext, ctx.RedirectUri, 403);
    }));

builder.Services.AddAuthorizationBuilder()
    .AddPolicy(SmartPickPolicies.Staff, p => p.RequireClaim(SmartPickClaims.OrganizationId).RequireRole(SmartPickRoles.OrgAdmin, SmartPickRoles.Advisor))
    .AddPolicy(SmartPickPolicies.OrgAdmin, p => p.RequireClaim(SmartPickClaims.OrganizationId).RequireRole(SmartPickRoles.OrgAdmin))
    .AddPolicy(SmartPickPolicies.Candidate, p => p.RequireClaim(SmartPickClaims.OrganizationId).RequireClaim(SmartPickClaims.CandidateId).RequireRole(SmartPickRoles.Candidate))
    .AddPolicy(SmartPickPolicies.Member, p => p.RequireClaim(SmartPickClaims.OrganizationId))
    .AddPolicy(SmartPickPolicies.PlatformAdmin, p => p.RequireRole(SmartPickRoles.PlatformAdmin));

builder.Services.Configure<AuthThrottleOptions>(builder.Configuration.GetSection("AuthThrottle"));
builder.Services.AddSingleton<AuthThrottle>();
// Links in emails and feeds point where people reach the app: configured, or where it listens (see PublicAddress).
builder.Configuration["Nudges:PublicBaseUrl"] = PublicAddress.Of(builder.Configuration["Nudges:PublicBaseUrl"], builder.Configuration["urls"]);
// Password reset links leave by the platform's mail settings (the Smtp section), or an organization's own relay.
builder.Services.AddSingleton(AccountMailOptions.Read(builder.Configuration));
builder.Services.AddSingleton<AccountMailSender>();
builder.Services.AddScoped<AccountDesk>();
builder.Services.AddSingleton<OrganizationDirectory>();
builder.Services.AddScoped<OrganizationProvisioner>();
builder.Services.AddScoped<OrganizationAdmin>();
builder.Services.AddScoped<InvitationDesk>();
builder.Services.AddSingleton(sp => new InvitationLinks(sp.GetRequiredService<AccountMailOptions>().PublicBaseUrl));
builder.Services.AddScoped<DemoSeeder>();
builder.Services.AddSingleton(new StartupDatabase(connectionString));
if (!commandMode) builder.Services.AddHostedService<StartupTasks>();
// Several nodes must read each other's cookies and tokens: share the key ring when a folder is given.
if (builder.Configuration["SMARTPICK_DATA_PROTECTION_KEYS"] is { Length: > 0 } keys)
{
    builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(keys)).SetApplicationName("SmartPick");
}

var schemaIsCurrent = await schemaCheck;
builder.Services.AddSingleton(new SchemaState(schemaFingerprint, schemaIsCurrent));

// Marten: event store and documents, conjoined tenancy (tenant_id on every row; tenant = organization slug).
builder.Services.AddMarten(opts =>
    {
        opts.Connection(connectionString);
        opts.DatabaseSchemaName = "smartpick";
        opts.Policies.AllDocumentsAreMultiTenanted();
        opts.Events.TenancyStyle = TenancyStyle.Conjoined;
        opts.Events.StreamIdentity = StreamIdentity.AsGuid;
        // Appending to a stream that was never started throws instead of silently creating it in the wrong tenant.
        opts.Events.UseMandatoryStreamTypeDeclaration = true;
        opts.Events.MetadataConfig.CorrelationIdEnabled = true;
        opts.Events.MetadataConfig.CausationIdEnabled = true;
        opts.Events.MetadataConfig.UserNameEnabled = true;
        opts.Advanced.DefaultTenantUsageEnabled = false;
        // A build that already brought this database's schema up to date (the fingerprint above) skips Marten's
        // run-time storage checks: each is a schema comparison taken under a lock the first time a type is used, and a
        // restarted node meeting a burst of work timed out waiting on that lock (5 s) and dead-lettered a message.
        opts.AutoCreateSchemaObjects = schemaIsCurrent ? AutoCreate.None : AutoCreate.CreateOrUpdate;
        // Under a steady stream of commands the daemon looks for new events once a second (as it does when quiet)
        // rather than every 250 ms: each pass rewrites the organization's dashboard, so longer passes write it
        // less often. Per-file views are read with FetchLatest, so a read right after a command still shows it;
        // only the cohort dashboard may be up to a second older.
        opts.Projections.FastPollingTime = TimeSpan.FromSeconds(1);
        SmartPick.Web.Modules.ConfigureMarten(opts);
    })
    .UseLightweightSessions()
    .AddAsyncDaemon(topology.Daemon)
    .IntegrateWithWolverine();

builder.Host.UseWolverine(opts =>
{
    opts.Policies.AutoApplyTransactions();
    opts.Policies.UseDurableLocalQueues();
    opts.Durability.Mode = topology.Durability;
    // Development and tests generate handler code at run time; production images pre-generate it (`codegen write`).
    opts.CodeGeneration.TypeLoadMode = isProduction && !commandMode ? TypeLoadMode.Static : TypeLoadMode.Dynamic;
    if (schemaIsCurrent) opts.AutoBuildMessageStorageOnStartup = AutoCreate.None;
    SmartPick.Web.Infrastructure.TransientFaults.Apply(opts);
    SmartPick.Web.Modules.ConfigureWolverine(opts);
});
builder.Services.AddWolverineHttp();
if (!schemaIsCurrent) builder.Services.AddResourceSetupOnStartup();
SmartPick.Web.Modules.AddServices(builder.Services, builder.Configuration);

// Hangfire on PostgreSQL: recurring sweeps; a killed worker's job becomes visible again within minutes.
// The client services are always registered (commands such as `nudges preview` build services that take
// them; nothing connects until a job is written); only a serving host runs the job server.
builder.Services.AddHangfire(c => c
    .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
    .UseSimpleAssemblyNameTypeSerializer()
    .UseRecommendedSerializerSettings()
    .UsePostgreSqlStorage(o => o.UseNpgsqlConnection(connectionString), new PostgreSqlStorageOptions
    {
        SchemaName = "hangfire",
        PrepareSchemaIfNecessary = !schemaIsCurrent,
        UseSlidingInvisibilityTimeout = true,
        InvisibilityTimeout = TimeSpan.FromMinutes(4),
        DistributedLockTimeout = TimeSpan.FromMinutes(1),
        QueuePollInterval = TimeSpan.FromSeconds(5),
    }));
if (!commandMode && builder.Configuration.GetValue("Hangfire:Server", true))
{
    builder.Services.AddHangfireServer(o => o.WorkerCount = Math.Max(2, Environment.ProcessorCount));
}

// Bad input is a 400 with field-level problem details in every environment: minimal APIs throw their binding
// failures (rather than answering a bare 400, or a 500 in Development) and the handler below answers them.
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();

builder.Services.AddApiDocument();
builder.Services.AddRazorPages(o => o.Conventions.ConfigureFilter(new SmartPick.Web.Pages.Shared.UnreadableValuesFilter()));
// The antiforgery cookie keeps its default (Secure on HTTPS): with "always" antiforgery refuses plain-HTTP requests outright.
builder.Services.AddAntiforgery(o =>
{
    o.Cookie.Name = "smartpick.af";
    // Page forms send the token in a field; API clients signed in with the cookie send it in this header.
    o.HeaderName = SmartPick.Web.Auth.CookieApiAntiforgeryMiddleware.HeaderName;
});
// Behind a reverse proxy the client's address (for the sign-in throttles) and scheme (for HSTS and Secure cookies) come
// from X-Forwarded-For/-Proto, trusted only from the loopback proxy or those named in ForwardedHeaders:KnownProxies
// (addresses) and ForwardedHeaders:KnownNetworks (CIDR ranges), comma-separated.
builder.Services.Configure<ForwardedHeadersOptions>(o =>
{
    o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
    foreach (var proxy in (builder.Configuration["ForwardedHeaders:KnownProxies"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
    foreach (var network in (builder.Configuration["ForwardedHeaders:KnownNetworks"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
});

var app = builder.Build();

app.UseForwardedHeaders();
// A browser asking for a page gets the branded error page (Pages/Error); the API, its document and feeds keep
// problem details. Bad input is answered by BadRequestExceptionHandler in both.
app.UseWhen(BrowserRequests.WantsPage, b => b.UseExceptionHandler("/error/500"));
app.UseWhen(http => !BrowserRequests.WantsPage(http), b => b.UseExceptionHandler());
if (!app.Environment.IsDevelopment()) app.UseHsts();
app.UseWhen(BrowserRequests.WantsPage, b => b.UseStatusCodePagesWithReExecute("/error/{0}"));
app.UseWhen(http => !BrowserRequests.WantsPage(http), b => b.UseStatusCodePages());
// Routing after the error handlers, so a re-executed request (/error/404) is routed to its page.
app.UseRouting();
app.UseMiddleware<SecurityHeadersMiddleware>();
app.UseStaticFiles();
app.UseAuthentication();
app.UseMiddleware<BearerSessionMiddleware>();
app.UseMiddleware<OrganizationGuardMiddleware>();
app.UseAuthorization();
app.UseAntiforgery();
app.UseMiddleware<SmartPick.Web.Auth.CookieApiAntiforgeryMiddleware>();
// Once, for every endpoint: text the product does not accept, malformed or mistyped JSON, and null bodies stop here.
app.UseMiddleware<InputGateMiddleware>();
// Hangfire's dashboard answers its statistics to POST only; any other method threw inside it (a 500).
app.Use((context, next) =>
{
    if (HttpMethods.IsPost(context.Request.Method) || !context.Request.Path.Equals("/ops/jobs/stats", StringComparison.OrdinalIgnoreCase)) return next(context);
    context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
    context.Response.Headers.Allow = "POST";
    return Task.CompletedTask;
});

app.MapDefaultEndpoints();
SmartPick.Web.Charts.CalibrationPlotEndpoint.MapCalibrationPlot(app);
app.MapOpenApi().AllowAnonymous();
app.MapApiReference();
app.MapAuthEndpoints();
SmartPick.Web.Auth.CookieApiAntiforgeryMiddleware.MapAntiforgeryToken(app);
AccountDesk.MapAccountEndpoints(app);
app.MapInvitationEndpoints();
app.MapOrganizationEndpoints();
if (!commandMode)
{
    app.MapHangfireDashboardWithAuthorizationPolicy(SmartPickPolicies.PlatformAdmin, "/ops/jobs",
        new DashboardOptions { DashboardTitle = "SmartPick jobs", IsReadOnlyFunc = _ => false });
}
app.MapRazorPages();
app.MapWolverineEndpoints(opts =>
{
    // The tenant of every Wolverine endpoint comes only from the signed-in user's organization claim.
    opts.TenantId.IsClaimTypeNamed(SmartPickClaims.OrganizationId);
    opts.TenantId.AssertExists();
    SmartPick.Web.Modules.ConfigureHttp(opts);
});
SmartPick.Web.Modules.MapEndpoints(app);

// Serving (no verb, or only options such as --urls) skips the command-line layer and its assembly scan.
if (!commandMode)
{
    await app.RunAsync();
    return 0;
}
return await app.RunJasperFxCommands(args);

static Task ApiAware(HttpContext http, string redirectUri, int status)
{
    if (http.Request.Path.StartsWithSegments("/api"))
    {
        http.Response.StatusCode = status;
        return Task.CompletedTask;
    }
    http.Response.Redirect(redirectUri);
    return Task.CompletedTask;
}

/// <summary>The host's entry point; public so the test projects can boot it.</summary>
public partial class Program;
