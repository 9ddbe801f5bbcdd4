using Marten;
using SmartPick.Advising.CandidateFiles;
using SmartPick.Advising.Seasons;
using SmartPick.Matching;
using SmartPick.Matching.Model;
using SmartPick.Matching.Strategy;

namespace SmartPick.Advising.Lists;

/// <summary>
/// What the engine ranks a file on now: the profile for the next Match season, the organization's catalog and its
/// season table. List regeneration, the what-if and the pages' live ranking all start here, so they agree.
/// </summary>
public sealed record RankingInputs(CandidateProfile Profile, Catalog Catalog, RankOptions Options)
{
    public static RankingInputs Of(CandidateProfileView view, Catalog catalog, IReadOnlyList<SeasonFacts> seasons, DateTimeOffset now)
    {
        var season = MatchSeasons.Next(now);
        return new(view.ToEngineProfile(season), catalog, new RankOptions(DefaultSeason: season, Seasons: seasons));
    }

    public RankResult Rank() => MatchingEngine.Rank(Profile, Catalog, Options);

    /// <summary>The list as it is recorded: ranked, with what a better file or another season would open.</summary>
    public RankResult RankForTheRecord() => Rank() with { Unlock = MatchingEngine.Unlock(Profile, Catalog, Options) };
}

/// <summary>Reads what a file is ranked on (<see cref="RankingInputs"/>) in the session's tenant.</summary>
public sealed class FileRanking(ICurrentCatalog catalogs, TimeProvider clock)
{
    public async Task<RankingInputs> InputsAsync(IQuerySession session, CandidateProfileView view, CancellationToken ct)
    {
        var catalog = await catalogs.ForTenantAsync(session, ct);
        return RankingInputs.Of(view, catalog, await OrganizationSeasons.TableAsync(session, ct), clock.GetUtcNow());
    }

    public async Task<RankResult> RankAsync(IQuerySession session, CandidateProfileView view, CancellationToken ct)
        => (await InputsAsync(session, view, ct)).Rank();
}
