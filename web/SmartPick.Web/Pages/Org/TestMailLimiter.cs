using System.Threading.RateLimiting;

namespace SmartPick.Web.Pages.Org;

/// <summary>
/// Limits the test nudges an org admin sends to themselves: at most five a minute per user, so the button cannot
/// turn the organization's mail route into a mail cannon. In memory per node, which is enough for that.
/// </summary>
public sealed class TestMailLimiter : IDisposable
{
    public const int PerMinute = 5;

    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(user => RateLimitPartition.GetFixedWindowLimiter(user,
        _ => new FixedWindowRateLimiterOptions { PermitLimit = PerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

    public bool TryAcquire(string userId)
    {
        using var lease = _limiter.AttemptAcquire(userId);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
