using JasperFx.MultiTenancy;

namespace SmartPick.Nudges.Sweeps;

/// <summary>
/// Send the nudges that are due in one organization. <paramref name="AsOf"/> is the instant the rules
/// evaluate (null = the clock's now); replays and tests pass a simulated instant without touching the clock.
/// </summary>
public sealed record SweepNudges(string OrgId, DateTimeOffset? AsOf = null);

/// <summary>Wolverine handler of <see cref="SweepNudges"/>; the tenant of the envelope must be the organization swept.</summary>
public static class SweepNudgesHandler
{
    public static Task Handle(SweepNudges message, TenantId tenant, NudgeSweeper sweeper, CancellationToken ct)
    {
        if (!tenant.IsEmpty() && tenant.Value != message.OrgId)
        {
            throw new InvalidOperationException($"A sweep of '{message.OrgId}' arrived for tenant '{tenant.Value}'.");
        }

        return sweeper.SweepAsync(message, ct);
    }
}
