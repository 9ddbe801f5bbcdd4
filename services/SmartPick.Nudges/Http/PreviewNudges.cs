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
    [EndpointSummary("Preview the reminders due in a period; nothing is sent")]
    [WolverineGet("/api/org/nudges/preview")]
    [Authorize(Policy = SmartPickPolicies.OrgAdmin)]
    public static async Task<IResult> Get(string? from, string? to, IQuerySession session, IOrganizationSettings organizations, TimeProvider clock, CancellationToken ct)
        => (await NudgePreviewAnswer.ReadAsync(from, to, session, organizations, clock.GetUtcNow(), ct)).ToHttp();
}

public sealed record NudgePreviewAnswer(DateTimeOffset From, DateTimeOffset To, string TimeZone, IReadOnlyList<NudgePreviewLine> Nudges)
{
    /// <summary>The preview of the session's organization from <paramref name="from"/> (default: now) to <paramref name="to"/> (default: 30 days later).</summary>
    public static async Task<NudgesAnswer<NudgePreviewAnswer>> ReadAsync(string? from, string? to, IQuerySession session,
        IOrganizationSettings organizations, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(organizations);
        if (await organizations.GetAsync(session.TenantId, ct) is not { } org)
        {
            return NudgesAnswer<NudgePreviewAnswer>.NotFound;
        }

        var zone = NudgesHttp.ZoneOrEastern(org.TimeZone);
        var errors = new FieldErrors();
        var start = now;
        if (from is not null && !NudgePreview.TryParseBound(from, zone, out start))
        {
            errors.Add("from", "must be a date (yyyy-MM-dd) or an instant");
        }

        var end = start.AddDays(30);
        if (to is not null && !NudgePreview.TryParseBound(to, zone, out end))
        {
            errors.Add("to", "must be a date (yyyy-MM-dd) or an instant");
        }

        if (!errors.Any && (end <= start || end - start > NudgePreview.LongestWindow))
        {
            errors.Add("to", "must be after from, at most two years later");
        }

        if (errors.Any)
        {
            return errors;
        }

        return new NudgePreviewAnswer(start, end, zone, await NudgePreview.ForAsync(session, org, start, end, ct));
    }
}
