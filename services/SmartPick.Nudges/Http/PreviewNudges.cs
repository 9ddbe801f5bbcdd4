using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using SmartPick.Contracts;
using SmartPick.Nudges.Store;
using SmartPick.Nudges.Sweeps;
using Wolverine.Http;

namespace SmartPick.Nudges.Http;

/// <summary>
/// The nudges due in [from, to) and where each stands; nothing is sent. <c>from</c> and <c>to</c> are
/// dates (midnight in the organization's zone) or instants; by default the next 30 days.
/// </summary>
public static class PreviewNudgesEndpoint
{
    [WolverineGet("/api/org/nudges/preview")]
    [Authorize(Policy = SmartPickPolicies.OrgAdmin)]
    public static async Task<IResult> Get(string? from, string? to, IQuerySession session, IOrganizationSettings organizations, TimeProvider clock, CancellationToken ct)
    {
        if (await organizations.GetAsync(session.TenantId, ct) is not { } org)
        {
            return NudgesHttp.NotFound();
        }

        var zone = NudgesHttp.ZoneOrEastern(org.TimeZone);
        var errors = new Dictionary<string, string[]>();
        var start = clock.GetUtcNow();
        if (from is not null && !NudgePreview.TryParseBound(from, zone, out start))
        {
            errors["from"] = ["must be a date (yyyy-MM-dd) or an instant"];
        }

        var end = start.AddDays(30);
        if (to is not null && !NudgePreview.TryParseBound(to, zone, out end))
        {
            errors["to"] = ["must be a date (yyyy-MM-dd) or an instant"];
        }

        if (errors.Count == 0 && (end <= start || end - start > NudgePreview.LongestWindow))
        {
            errors["to"] = ["must be after from, at most two years later"];
        }

        if (errors.Count > 0)
        {
            return NudgesHttp.Invalid(errors);
        }

        return Results.Json(new NudgePreviewAnswer(start, end, zone, await NudgePreview.ForAsync(session, org, start, end, ct)));
    }
}

public sealed record NudgePreviewAnswer(DateTimeOffset From, DateTimeOffset To, string TimeZone, IReadOnlyList<NudgePreviewLine> Nudges);
