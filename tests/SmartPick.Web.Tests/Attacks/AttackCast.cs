using SmartPick.Attacks;
using SmartPick.Web.Tests.Infrastructure;

namespace SmartPick.Web.Tests.Attacks;

/// <summary>
/// The two tenants the attack tests share (seeding takes seconds), on a client address of their own so that the
/// anonymous probes count against no other test's sign-in throttle. Each attack checks its own before/after state.
/// </summary>
internal static class AttackCast
{
    private static Task<(AttackHttp Http, Cast Cast)>? _seeded;

    public static Task<(AttackHttp Http, Cast Cast)> SeededAsync(AppFixture app) => _seeded ??= SeedAsync(app);

    public static StreamLedger Ledger() => new(Environment.GetEnvironmentVariable("ConnectionStrings__postgres")!);

    private static async Task<(AttackHttp, Cast)> SeedAsync(AppFixture app)
    {
        var address = AppFixture.ClientAddress();
        var client = new HttpClient(app.Host.Server.CreateHandler(c => c.Connection.RemoteIpAddress = address)) { BaseAddress = app.Host.Server.BaseAddress };
        var http = new AttackHttp(client);
        var platform = await app.PlatformAdminAsync();
        return (http, await Cast.SeedAsync(http, platform.Email, AppFixture.Password, filesPerTenant: 2));
    }
}
