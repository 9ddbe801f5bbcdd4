using Marten;

namespace SmartPick.Advising.Seasons;

/// <summary>
/// The season table as its staff read it, for the API and the page alike. The session's tenant is the organization.
/// </summary>
public static class SeasonReads
{
    /// <summary>Every season, oldest first, and the season lists are worked out for now.</summary>
    public static async Task<SeasonTableAnswer> TableAsync(IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var recorded = await session.Query<OrganizationSeason>().ToListAsync(ct);
        return new SeasonTableAnswer(MatchSeasons.Next(clock.GetUtcNow()), OrganizationSeasons.Answers(recorded));
    }

    /// <summary>
    /// One season: the agency's own facts, or the facts that apply to it (its defaults, or the latest season before
    /// it); null when <paramref name="season"/> is outside the seasons the product knows (see <see cref="SeasonInput.CheckSeason"/>).
    /// </summary>
    public static async Task<SeasonAnswer?> SeasonAsync(IQuerySession session, int season, CancellationToken ct)
    {
        if (SeasonInput.CheckSeason(new(), season).Any) return null;
        var recorded = await session.Query<OrganizationSeason>().ToListAsync(ct);
        return OrganizationSeasons.AnswerFor(season, OrganizationSeasons.TableOf(recorded), recorded.FirstOrDefault(r => r.Season == season));
    }

    /// <summary>A season's changes, newest first (none when the agency never changed it).</summary>
    public static async Task<SeasonHistory> HistoryAsync(IQuerySession session, int season, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(SeasonStreams.IdOf(season), token: ct);
        var changes = events
            .Select(e => e.Data switch
            {
                SeasonFactsRecorded r => new SeasonChange(e.Version, "recorded", r.RecordedBy, r.RecordedAt, r.Facts),
                SeasonFactsReset r => new SeasonChange(e.Version, "reset", r.ResetBy, r.ResetAt, null),
                _ => null,
            })
            .OfType<SeasonChange>()
            .OrderByDescending(c => c.Version)
            .ToList();
        return new SeasonHistory(season, changes);
    }
}
