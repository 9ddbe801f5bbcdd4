using System.Text.Json;
using JasperFx;
using JasperFx.CommandLine;
using Marten;
using SmartPick.Nudges.Store;
using SmartPick.Nudges.Sweeps;

namespace SmartPick.Web.Commands;

/// <summary>Arguments of <c>nudges preview --org SLUG --from DATE --to DATE</c>.</summary>
public sealed class NudgesInput : NetCoreInput
{
    [Description("What to do: preview")]
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
}

/// <summary>
/// Prints the nudges an organization would send in a window, one JSON object per line (key, candidate,
/// kind, due time in UTC and in the recipient's zone, current status). Sends nothing.
/// </summary>
[Description("Nudge emails: preview which nudges fall due in a window, without sending", Name = "nudges")]
public sealed class NudgesCommand : JasperFxAsyncCommand<NudgesInput>
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public override async Task<bool> Execute(NudgesInput input)
    {
        if (!string.Equals(input.Action, "preview", StringComparison.OrdinalIgnoreCase))
        {
            await Console.Error.WriteLineAsync($"Unknown action '{input.Action}'; the one action is: preview");
            return false;
        }

        using var host = input.BuildHost();
        var organizations = host.Services.GetRequiredService<IOrganizationSettings>();
        if (await organizations.GetAsync(input.OrgFlag, CancellationToken.None) is not { } org)
        {
            await Console.Error.WriteLineAsync($"No organization '{input.OrgFlag}'.");
            return false;
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
}
