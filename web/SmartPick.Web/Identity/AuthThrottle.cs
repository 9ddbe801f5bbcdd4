using System.Threading.RateLimiting;

namespace SmartPick.Web.Identity;

/// <summary>Limits on sign-in, invitation and password-reset attempts, per account or per inviter (requests beyond them get 429).</summary>
public sealed class AuthThrottleOptions
{
    public int SignInsPerMinute { get; set; } = 10;
    public int InvitationsPerMinute { get; set; } = 20;
    public int AcceptsPerMinute { get; set; } = 10;
    /// <summary>Reset links asked for one address: few, so the form cannot be used to flood a mailbox.</summary>
    public int PasswordResetRequestsPerMinute { get; set; } = 3;
    public int PasswordResetsPerMinute { get; set; } = 10;
    /// <summary>
    /// Anonymous attempts (sign-ins, reset requests and resets, invitation look-ups and accepts) from one client
    /// address, whatever account they name: spraying one password over many accounts is throttled too.
    /// </summary>
    public int AttemptsPerMinutePerClient { get; set; } = 60;
}

/// <summary>
/// Per-key fixed windows kept in memory. Keys name the account (email), the actor or the client address
/// (<see cref="TryAcquireClient"/>): one account is throttled however spread out the attack on it, and one client
/// however many accounts it tries. Throttling, never a lockout: a throttled account signs in again a minute later,
/// so nobody can lock someone else out for long by failing on purpose.
/// </summary>
public sealed class AuthThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public AuthThrottle(Microsoft.Extensions.Options.IOptions<AuthThrottleOptions> options)
    {
        var o = options.Value;
        _limiter = PartitionedRateLimiter.Create<string, string>(key =>
        {
            var permits = key.StartsWith("login:", StringComparison.Ordinal) ? o.SignInsPerMinute
                : key.StartsWith("client:", StringComparison.Ordinal) ? o.AttemptsPerMinutePerClient
                : key.StartsWith("invite:", StringComparison.Ordinal) ? o.InvitationsPerMinute
                : key.StartsWith("forgot:", StringComparison.Ordinal) ? o.PasswordResetRequestsPerMinute
                : key.StartsWith("reset:", StringComparison.Ordinal) ? o.PasswordResetsPerMinute
                : o.AcceptsPerMinute;
            return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });
        });
    }

    public bool TryAcquire(string key)
    {
        using var lease = _limiter.AttemptAcquire(key);
        return lease.IsAcquired;
    }

    /// <summary>One anonymous attempt from the request's client address (as forwarded by a trusted proxy).</summary>
    public bool TryAcquireClient(HttpContext http) => TryAcquire("client:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"));

    public static IResult TooMany() => Results.Problem(
        statusCode: StatusCodes.Status429TooManyRequests,
        title: "Too many attempts",
        detail: "Too many attempts in a short time. Wait a minute and try again.",
        extensions: new Dictionary<string, object?> { ["retry_after_seconds"] = 60 });

    public void Dispose() => _limiter.Dispose();
}
