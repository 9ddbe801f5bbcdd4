using Marten;
using SmartPick.Advising.Lists;
using SmartPick.Advising.Seasons;
using SmartPick.Advising.Views;
using SmartPick.Matching;
using SmartPick.Matching.Model;

namespace SmartPick.Web.Pages.Shared;

/// <summary>
/// Ranks a candidate's current profile against the organization's current catalog and season table, exactly as list
/// regeneration does, for what the recorded list does not keep: excluded programs by name, advice triggers,
/// and what-if answers. Reads only; the recorded list stays the file's truth.
/// </summary>
public sealed class LiveRanking(ICurrentCatalog catalogs, TimeProvider clock)
{
    public async Task<(CandidateProfile Profile, SmartPick.Matching.Model.Catalog Catalog, RankOptions Options)> InputsAsync(
        IQuerySession session, CandidateProfileView view, CancellationToken ct)
    {
        var season = ListRecording.NextMatchSeason(clock.GetUtcNow());
        var catalog = await catalogs.ForTenantAsync(session, ct);
        var seasons = await OrganizationSeasons.TableAsync(session, ct);
        return (view.ToEngineProfile(season), catalog, new RankOptions(DefaultSeason: season, Seasons: seasons));
    }

    public async Task<RankResult> RankAsync(IQuerySession session, CandidateProfileView view, CancellationToken ct)
    {
        var (profile, catalog, options) = await InputsAsync(session, view, ct);
        return MatchingEngine.Rank(profile, catalog, options);
    }
}
