using Hangfire;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmartPick.Nudges.Email;
using SmartPick.Nudges.Store;
using SmartPick.Nudges.Sweeps;
using Wolverine;

namespace SmartPick.Nudges;

/// <summary>
/// What the host wires for nudges: Marten documents, the sweep queue, services and the recurring jobs.
/// The host also registers an <see cref="IOrganizationSettings"/> implementation (organizations are its own).
/// </summary>
public static class NudgesModule
{
    /// <summary>The durable local queue of sweeps; sweeps of different organizations may run side by side.</summary>
    public const string SweepQueue = "nudges";

    public static void ConfigureMarten(StoreOptions opts)
    {
        ArgumentNullException.ThrowIfNull(opts);
        opts.Schema.For<NudgeDelivery>()
            .UseOptimisticConcurrency(true)
            .Metadata(m => m.Version.MapTo(x => x.Version))
            .Index(x => x.CandidateId)
            .Index(x => x.State);
        opts.Schema.For<SeasonCalendarOverride>();
        opts.Schema.For<OrganizationNudgeSettings>();
        opts.Schema.For<OrganizationSmtpRelay>();
        opts.Schema.For<CandidateNudgePreferences>();
        opts.Schema.For<SuppressedAddress>();
        opts.Schema.For<UnsubscribeLink>().Index(x => x.CandidateId);
        opts.Schema.For<CalendarFeedSubscription>().Index(x => x.Owner);
    }

    public static void ConfigureWolverine(WolverineOptions opts)
    {
        ArgumentNullException.ThrowIfNull(opts);
        opts.Discovery.IncludeAssembly(typeof(NudgesModule).Assembly);
        opts.LocalQueue(SweepQueue).UseDurableInbox().MaximumParallelMessages(2);
        opts.PublishMessage<SweepNudges>().ToLocalQueue(SweepQueue);
    }

    /// <summary>
    /// Mail from the <c>Smtp</c> section (Host, Port, UserName, Password, UseStartTls, FromAddress); with no
    /// <c>Smtp:Host</c>, nudges are written as .eml files to <c>.data/mail</c> under the content root.
    /// The <c>Nudges</c> section sets PublicBaseUrl, StaleClaimAfter and MaxClaims.
    /// </summary>
    public static IServiceCollection AddNudges(IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(ReadOptions(configuration));
        services.AddSingleton<INudgeMailerFactory, NudgeMailerFactory>();
        services.AddScoped<NudgeSweeper>();
        services.AddScoped<NudgeSchedule>();
        return services;
    }

    /// <summary>How long after start the first schedule refresh runs (then every five minutes).</summary>
    public static readonly TimeSpan FirstRefreshDelay = TimeSpan.FromSeconds(20);

    /// <summary>Registers the schedule refresh (every 5 minutes) and runs it once soon after start, so every organization has its hourly sweep.</summary>

    public static void MapJobs(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<NudgeScheduleRefreshJob>(NudgeSchedule.RefreshJobId, j => j.RunAsync(), "*/5 * * * *");
        // The first refresh waits until the app has settled, so it never competes with start-up for the CPU.
        services.GetRequiredService<IBackgroundJobClient>().Schedule<NudgeScheduleRefreshJob>(j => j.RunAsync(), FirstRefreshDelay);
    }

    public static NudgeOptions ReadOptions(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var smtp = configuration.GetSection("Smtp");
        var nudges = configuration.GetSection("Nudges");
        var contentRoot = configuration["contentRoot"] is { Length: > 0 } root ? root : Directory.GetCurrentDirectory();
        var defaults = new NudgeOptions();
        return new NudgeOptions
        {
            SmtpHost = smtp["Host"],
            SmtpPort = smtp.GetValue("Port", defaults.SmtpPort),
            SmtpUserName = smtp["UserName"],
            SmtpPassword = smtp["Password"],
            SmtpUseStartTls = smtp.GetValue("UseStartTls", defaults.SmtpUseStartTls),
            FromAddress = smtp["FromAddress"] is { Length: > 0 } from ? from : defaults.FromAddress,
            PublicBaseUrl = nudges["PublicBaseUrl"] is { Length: > 0 } url ? url : defaults.PublicBaseUrl,
            StaleClaimAfter = nudges.GetValue("StaleClaimAfter", defaults.StaleClaimAfter),
            MaxClaims = nudges.GetValue("MaxClaims", defaults.MaxClaims),
            MailFolder = Path.Combine(contentRoot, nudges["MailFolder"] is { Length: > 0 } folder ? folder : PickupFolderNudgeMailer.DefaultFolder),
        };
    }
}
