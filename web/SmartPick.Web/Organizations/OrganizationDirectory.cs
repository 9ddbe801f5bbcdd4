using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using SmartPick.Contracts;
using SmartPick.Web.Identity;

namespace SmartPick.Web.Organizations;

/// <summary>Answers "does this tenant exist?" for every request, cached briefly to keep it off the hot path.</summary>
public sealed class OrganizationDirectory(IServiceScopeFactory scopes, IMemoryCache cache)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    public async Task<Organization?> FindAsync(string id, CancellationToken ct = default)
    {
        if (cache.TryGetValue(("org", id), out Organization? cached)) return cached;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        var org = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
        cache.Set(("org", id), org, CacheFor);
        return org;
    }

    public void Forget(string id) => cache.Remove(("org", id));
}

/// <summary>
/// Refuses any request whose signed-in user names an organization that does not exist: the tenant comes
/// only from the claim, and the claim must point at a real tenant.
/// </summary>
public sealed class OrganizationGuardMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, OrganizationDirectory directory)
    {
        var orgId = context.User.OrganizationId();
        if (orgId is not null && await directory.FindAsync(orgId, context.RequestAborted) is null)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await Results.Problem(statusCode: 401, title: "Unknown organization",
                detail: "Your sign-in names an organization that does not exist. Sign in again.").ExecuteAsync(context);
            return;
        }
        await next(context);
    }
}
