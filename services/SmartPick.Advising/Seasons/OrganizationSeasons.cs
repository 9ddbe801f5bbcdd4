using SmartPick.Matching.Model;
using SmartPick.Contracts;
using Marten;
using SmartPick.Advising.CandidateFiles;
using SmartPick.Matching.Strategy;

namespace SmartPick.Advising.Seasons;

/// <summary>
/// One season as the agency sees it: its facts (fees, signals, regions, source), whether they are the agency's own
/// (<see cref="Edited"/>) or the published defaults, and the stream version to send back with a change.
/// <see cref="FactsOfSeason"/> is the season whose facts apply (a season without facts of its own uses the latest
/// season before it).
/// </summary>
public sealed record SeasonAnswer(
    int Season,
    bool Edited,
    bool Default,
    long Version,
    int FactsOfSeason,
    string Source,
    SeasonFees Fees,
    IReadOnlyDictionary<string, SeasonSignals> Signals,
    int MaxRegions,
    RecordedBy? ChangedBy,
    DateTimeOffset? ChangedAt);

/// <summary>The organization's season table, oldest first, and the season lists are worked out for now.</summary>
public sealed record SeasonTableAnswer(int NextMatchSeason, IReadOnlyList<SeasonAnswer> Seasons);

/// <summary>
/// The organization's table of season facts, as the engine takes it (<c>RankOptions.Seasons</c>): the published
/// defaults, with each season the agency recorded in place of (or beside) them. The session's tenant is the organization.
/// </summary>
internal static class OrganizationSeasons
{
    public static async Task<IReadOnlyList<SeasonFacts>> TableAsync(IQuerySession session, CancellationToken ct)
        => TableOf(await session.Query<OrganizationSeason>().Where(x => x.Edited).ToListAsync(ct));

    /// <summary>The defaults when nothing is edited (the same list, so the engine's own defaults are used as they are).</summary>
    public static IReadOnlyList<SeasonFacts> TableOf(IEnumerable<OrganizationSeason> recorded)
    {
        var edited = recorded.Where(s => s is { Edited: true, Facts: not null }).ToList();
        if (edited.Count == 0) return SeasonFactsTable.Defaults;
        var bySeason = SeasonFactsTable.Defaults.ToDictionary(f => f.Season);
        foreach (var s in edited) bySeason[s.Season] = s.Facts!.ToEngine(s.Season);
        return bySeason.Values.OrderBy(f => f.Season).ToList();
    }

    /// <summary>Every season of the table: the defaults and the agency's own, oldest first.</summary>
    public static IReadOnlyList<SeasonAnswer> Answers(IReadOnlyList<OrganizationSeason> recorded)
    {
        var table = TableOf(recorded);
        return table.Select(f => AnswerFor(f.Season, table, recorded.FirstOrDefault(r => r.Season == f.Season))).ToList();
    }

    public static SeasonAnswer AnswerFor(int season, IReadOnlyList<SeasonFacts> table, OrganizationSeason? recorded)
    {
        var facts = SeasonFactsTable.For(season, table);
        var values = SeasonFactsValues.Of(facts);
        var edited = recorded is { Edited: true };
        return new SeasonAnswer(season, edited, !edited, recorded?.Version ?? 0, facts.Season, values.Source, values.Fees, values.Signals,
            values.MaxRegions, recorded?.ChangedBy, recorded?.ChangedAt);
    }
}
