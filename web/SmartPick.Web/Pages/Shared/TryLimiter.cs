using System.Threading.RateLimiting;

namespace SmartPick.Web.Pages.Shared;

/// <summary>Options of the public try-it page's limit: rankings per client address per minute.</summary>
public sealed class TryLimiterOptions
{
    public int RankingsPerMinute { get; set; } = 20;
}

/// <summary>
/// Limits the anonymous try-it page per client address: each ranking costs real CPU, and the page is open
/// to anyone. In memory per node, which is enough to blunt abuse of one node.
/// </summary>
public sealed class TryLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public TryLimiter(Microsoft.Extensions.Options.IOptions<TryLimiterOptions> options)
    {
        var permits = Math.Max(1, options.Value.RankingsPerMinute);
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    }

    public bool TryAcquire(HttpContext http)
    {
        var key = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        using var lease = _limiter.AttemptAcquire(key);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
