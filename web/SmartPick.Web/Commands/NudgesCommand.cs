using System.Text.Json;
using JasperFx;
using JasperFx.CommandLine;
using Marten;
using SmartPick.Nudges.Store;
using SmartPick.Nudges.Sweeps;

namespace SmartPick.Web.Commands;

/// <summary>Arguments of <c>nudges preview --org SLUG --from DATE --to DATE</c> and <c>nudges sweep --org SLUG [--as-of INSTANT]</c>.</summary>
public sealed class NudgesInput : NetCoreInput
{
    [Description("What to do: preview (nothing is sent) or sweep (send what is due now, as the hourly job does)")]
    public string Action { get; set; } = "preview";

    [Description("The organization's slug (its tenant id)")]
    [FlagAlias("org", 'o')]
    public string OrgFlag { get; set; } = "";

    [Description("Start of the window: a date (midnight in the organization's zone) or an instant; default now")]
    [FlagAlias("from", 'f')]
    public string? FromFlag { get; set; }

    [Description("End of the window (exclusive); default 30 days after the start")]
    [FlagAlias("to", 't')]
    public string? ToFlag { get; set; }

    [Description("sweep: the instant the rules evaluate (default now)")]
    [FlagAlias("as-of", 'a')]
    public string? AsOfFlag { get; set; }
}

/// <summary>
/// <c>preview</c> prints the nudges an organization would send in a window, one JSON object per line (key,
/// candidate, kind, due time in UTC and in the recipient's zone, current status), and sends nothing.
/// <c>sweep</c> runs one sweep in this process (an operator's "send now"), printing what it did.
/// </summary>
[Description("Nudge emails: preview which nudges fall due in a window, or run one sweep now", Name = "nudges")]
public sealed class NudgesCommand : JasperFxAsyncCommand<NudgesInput>
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public override async Task<bool> Execute(NudgesInput input)
    {
        var sweep = string.Equals(input.Action, "sweep", StringComparison.OrdinalIgnoreCase);
        if (!sweep && !string.Equals(input.Action, "preview", StringComparison.OrdinalIgnoreCase))
        {
            await Console.Error.WriteLineAsync($"Unknown action '{input.Action}'; the actions are: preview, sweep");
            return false;
        }

        using var host = input.BuildHost();
        var organizations = host.Services.GetRequiredService<IOrganizationSettings>();
        if (await organizations.GetAsync(input.OrgFlag, CancellationToken.None) is not { } org)
        {
            await Console.Error.WriteLineAsync($"No organization '{input.OrgFlag}'.");
            return false;
        }

        if (sweep)
        {
            return await SweepAsync(host.Services, org.Id, input.AsOfFlag);
        }

        var zone = SmartPick.Nudges.Calendar.OrgTime.IsKnownZone(org.TimeZone) ? org.TimeZone : SmartPick.Nudges.Calendar.SeasonCalendarRules.EasternTimeZoneId;
        var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var from = now;
        var to = now.AddDays(30);
        if ((input.FromFlag is { } f && !NudgePreview.TryParseBound(f, zone, out from))
            || (input.ToFlag is { } t && !NudgePreview.TryParseBound(t, zone, out to)))
        {
            await Console.Error.WriteLineAsync("--from and --to take a date (yyyy-MM-dd) or an instant.");
            return false;
        }

        if (input.ToFlag is null)
        {
            to = from.AddDays(30);
        }

        if (to <= from || to - from > NudgePreview.LongestWindow)
        {
            await Console.Error.WriteLineAsync("--to must be after --from, at most two years later.");
            return false;
        }

        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession(org.Id);
        foreach (var line in await NudgePreview.ForAsync(session, org, from, to, CancellationToken.None))
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                line.Key,
                line.CandidateId,
                line.Name,
                line.Kind,
                line.Season,
                line.OffsetDays,
                DueUtc = line.DueUtc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
                DueLocal = line.DueLocal.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
                line.TimeZone,
                line.Status,
            }, Json));
        }

        return true;
    }

    private static async Task<bool> SweepAsync(IServiceProvider services, string orgId, string? asOfText)
    {
        DateTimeOffset? asOf = null;
        if (asOfText is not null)
        {
            if (!DateTimeOffset.TryParse(asOfText, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed))
            {
                await Console.Error.WriteLineAsync("--as-of takes an instant, e.g. 2027-02-18T15:00:00Z.");
                return false;
            }

            asOf = parsed;
        }

        await using var scope = services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<NudgeSweeper>().SweepAsync(new SweepNudges(orgId, asOf), CancellationToken.None);
        foreach (var key in report.Sent)
        {
            Console.WriteLine(JsonSerializer.Serialize(new { Key = key, Outcome = "sent", PossibleDuplicate = report.PossibleDuplicates.Contains(key) }, Json));
        }

        foreach (var key in report.Failed.Concat(report.Suppressed))
        {
            Console.WriteLine(JsonSerializer.Serialize(new { Key = key, Outcome = report.Failed.Contains(key) ? "failed" : "suppressed" }, Json));
        }

        return true;
    }
}
