using Marten.Exceptions;
using Npgsql;
using Wolverine;
using Wolverine.ErrorHandling;

namespace SmartPick.Web.Infrastructure;

/// <summary>
/// Faults that pass on their own (a timeout, a connection PostgreSQL dropped, a node restarting beside this one): a
/// message that meets one is tried again after a pause rather than dead-lettered at once, first within the second,
/// then twice more minutes later; a fault that persists still ends in the dead letters, where it is counted.
/// Handlers' own rules (the retries on a lost race for a stream) come first.
/// </summary>
public static class TransientFaults
{
    public static readonly TimeSpan[] Cooldowns = [TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)];
    public static readonly TimeSpan[] Scheduled = [TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2)];

    public static bool IsTransient(Exception e) => e switch
    {
        TimeoutException => true,
        NpgsqlException n => n.IsTransient,
        MartenCommandException { InnerException: { } inner } => IsTransient(inner),
        _ => false,
    };

    public static void Apply(WolverineOptions options) =>
        options.OnException(IsTransient).RetryWithCooldown(Cooldowns).Then.ScheduleRetry(Scheduled);
}
