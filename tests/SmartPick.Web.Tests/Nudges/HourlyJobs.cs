using Hangfire;
using Hangfire.Storage;
using Shouldly;
using SmartPick.Nudges.Calendar;
using SmartPick.Nudges.Sweeps;
using SmartPick.Web.Tests.Infrastructure;
using Wolverine;
using Wolverine.Tracking;

namespace SmartPick.Web.Tests.Nudges;

public sealed class HourlyJobs(AppFixture app) : NudgeTest(app)
{
    [Fact]
    public async Task when_the_schedule_is_refreshed_every_organization_has_an_hourly_sweep_job()
    {
        using var scope = Host.Services.CreateScope();

        await scope.ServiceProvider.GetRequiredService<NudgeSchedule>().RegisterAllAsync(CancellationToken.None);

        using var connection = Host.Services.GetRequiredService<JobStorage>().GetConnection();
        var job = connection.GetRecurringJobs().SingleOrDefault(j => j.Id == NudgeSchedule.SweepJobId(Org.Slug));
        job.ShouldNotBeNull();
        job.Cron.ShouldBe(Cron.Hourly());
        job.Job.Args.ShouldBe([Org.Slug]);
    }

    [Fact]
    public async Task when_the_hourly_job_runs_the_sweep_is_handled_in_the_organizations_tenant_at_the_clocks_now()
    {
        var now = DateTimeOffset.UtcNow;
        var zone = SeasonCalendarRules.EasternTimeZoneId;
        var season = Enumerable.Range(now.Year, 3).First(s => SeasonCalendar.Default(s).RankOrderListDeadline > now.AddDays(2));
        var deadlineDay = DateOnly.FromDateTime(OrgTime.ToOrgLocal(SeasonCalendar.Default(season).RankOrderListDeadline, zone).DateTime);
        var localNow = OrgTime.ToOrgLocal(now, zone);
        var dueDay = DateOnly.FromDateTime(localNow.DateTime).AddDays(localNow.Hour < 9 ? -1 : 0);
        var offset = deadlineDay.DayNumber - dueDay.DayNumber;
        var admin = await App.OrgAdminAsync(Org);
        await As(admin, x => x.Put.Json(new { rank_list_offset_days = new[] { offset } }).ToUrl("/api/org/nudges/settings"));
        var candidate = await CandidateAsync("Hourly Job", Started(season), Interview(season, "IM-1"));

        var tracked = await Host.TrackActivity().Timeout(TimeSpan.FromSeconds(60))
            .ExecuteAndWaitAsync((Func<IMessageContext, Task>)(bus => new NudgeSweepJob(bus).RunAsync(Org.Slug)));

        tracked.Executed.Envelopes().Single(e => e.Message is SweepNudges).TenantId.ShouldBe(Org.Slug);
        Smtp.Messages.Select(KeyHeader).ShouldBe([$"nudge:{Org.Slug}:{candidate:N}:rank-list:{season}:{offset}d"]);
    }
}
