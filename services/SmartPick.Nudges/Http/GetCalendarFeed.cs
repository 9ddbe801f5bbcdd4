using SmartPick.Advising.CandidateFiles;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using SmartPick.Advising.Views;
using SmartPick.Nudges.Feeds;
using SmartPick.Nudges.Store;
using Wolverine.Http;

namespace SmartPick.Nudges.Http;

/// <summary>
/// The iCalendar feed behind a subscription URL (<c>/feeds/{token}.ics</c>). Calendar apps fetch it
/// without a session: the token names the tenant, and a revoked or rotated token is 404.
/// </summary>
public static class GetCalendarFeedEndpoint
{
    [EndpointSummary("The iCalendar feed behind a subscription link (/feeds/{token}.ics)")]
    [WolverineGet("/feeds/{file}")]
    [AllowAnonymous]
    [NotTenanted]
    public static async Task<IResult> Get(string file, IDocumentStore store, IOrganizationSettings organizations, TimeProvider clock, CancellationToken ct)
    {
        if (!file.EndsWith(".ics", StringComparison.Ordinal) || !CalendarFeedToken.TryParse(file[..^4], out var token))
        {
            return NudgesHttp.NotFound();
        }

        await using var session = store.QuerySession(token.Tenant);
        if (await session.LoadAsync<CalendarFeedSubscription>(token.Hash(), ct) is not { } subscription
            || await organizations.GetAsync(token.Tenant, ct) is not { } org)
        {
            return NudgesHttp.NotFound();
        }

        var audience = FeedAudience.Agency(org.Id, org.Name);
        if (subscription.CandidateId is { } candidateId)
        {
            if (await session.LoadAsync<CandidateProfileView>(candidateId, ct) is not { } profile)
            {
                return NudgesHttp.NotFound();
            }

            audience = FeedAudience.Candidate(org.Id, org.Name, candidateId, profile.Name);
        }

        var now = clock.GetUtcNow();
        var calendars = await session.CalendarsAsync(NudgeStoreReads.SeasonsAround(now), ct);
        return Results.Text(CalendarFeed.Build(calendars, audience, NudgesHttp.ZoneOrEastern(org.TimeZone), now), "text/calendar; charset=utf-8");
    }
}
