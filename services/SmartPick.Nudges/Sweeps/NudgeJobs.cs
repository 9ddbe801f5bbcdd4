using Hangfire;
using SmartPick.Nudges.Store;
using Wolverine;

namespace SmartPick.Nudges.Sweeps;

/// <summary>Hangfire's hourly job per organization: hands a sweep to Wolverine's durable queue, in that tenant.</summary>
public sealed class NudgeSweepJob(IMessageBus bus)
{
    public Task RunAsync(string orgId) => bus.PublishAsync(new SweepNudges(orgId), new DeliveryOptions { TenantId = orgId }).AsTask();
}

/// <summary>Hangfire's job that keeps one sweep job per organization, so new organizations are swept within minutes.</summary>
public sealed class NudgeScheduleRefreshJob(NudgeSchedule schedule)
{
    public Task RunAsync() => schedule.RegisterAllAsync(CancellationToken.None);
}

/// <summary>The recurring jobs of the nudges module: ids are stable, so registering again only updates them.</summary>
public sealed class NudgeSchedule(IRecurringJobManager jobs, IOrganizationSettings organizations)
{
    public const string RefreshJobId = "nudges-schedule-refresh";

    /// <summary>Hourly: a step due at 9:00 local goes out within the hour.</summary>
    public static readonly string SweepCron = Cron.Hourly();

    public static string SweepJobId(string orgId) => $"nudges:{orgId}";

    public async Task RegisterAllAsync(CancellationToken ct)
    {
        foreach (var orgId in await organizations.AllOrganizationIdsAsync(ct))
        {
            jobs.AddOrUpdate<NudgeSweepJob>(SweepJobId(orgId), j => j.RunAsync(orgId), SweepCron);
        }
    }
}
