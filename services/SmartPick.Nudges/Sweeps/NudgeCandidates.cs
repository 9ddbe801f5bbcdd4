using SmartPick.Advising.CandidateFiles;
using System.Globalization;
using Marten;
using SmartPick.Advising.Views;
using SmartPick.Nudges.Rules;
using SmartPick.Nudges.Store;
using AdvisingOutcome = SmartPick.Matching.Model.CycleOutcome;

namespace SmartPick.Nudges.Sweeps;

/// <summary>
/// Maps the advising views (profile, cycles side by side, progress since the last cycle) and the
/// candidates' nudge preferences into what the nudge rules read, with the outlook of the cohort row.
/// Archived files get no nudges.
/// </summary>
internal static class NudgeCandidates
{
    public static async Task<IReadOnlyList<NudgeCandidate>> LoadAsync(IQuerySession session, CancellationToken ct)
    {
        var profiles = await session.Query<CandidateProfileView>().Where(p => !p.Archived).ToListAsync(ct);
        if (profiles.Count == 0)
        {
            return [];
        }

        var ids = profiles.Select(p => p.Id).ToArray();
        var cycles = (await session.LoadManyAsync<CyclesSideBySide>(ct, ids)).ToDictionary(c => c.Id);
        var progress = (await session.LoadManyAsync<ProgressSinceLastCycle>(ct, ids)).ToDictionary(p => p.Id);
        var preferences = (await session.LoadManyAsync<CandidateNudgePreferences>(ct, ids)).ToDictionary(p => p.Id);
        var summaries = (await session.LoadManyAsync<CandidateSummary>(ct, ids)).ToDictionary(s => s.Id);

        return profiles
            .OrderBy(p => p.Id)
            .Select(p => Map(p, cycles.GetValueOrDefault(p.Id), progress.GetValueOrDefault(p.Id), preferences.GetValueOrDefault(p.Id),
                summaries.GetValueOrDefault(p.Id)))
            .ToList();
    }

    /// <summary>One candidate as the rules see it; null when the file is not in this tenant or is archived.</summary>
    public static async Task<NudgeCandidate?> LoadOneAsync(IQuerySession session, Guid candidateId, CancellationToken ct)
    {
        if (await session.LoadAsync<CandidateProfileView>(candidateId, ct) is not { Archived: false } profile)
        {
            return null;
        }

        return Map(profile, await session.LoadAsync<CyclesSideBySide>(candidateId, ct), await session.LoadAsync<ProgressSinceLastCycle>(candidateId, ct),
            await session.LoadAsync<CandidateNudgePreferences>(candidateId, ct), await session.LoadAsync<CandidateSummary>(candidateId, ct));
    }

    public static NudgeCandidate Map(CandidateProfileView profile, CyclesSideBySide? cycles, ProgressSinceLastCycle? progress,
        CandidateNudgePreferences? preferences, CandidateSummary? summary = null)
    {
        var last = cycles?.Cycles.MaxBy(c => c.Season);
        return new NudgeCandidate(
            profile.Id,
            profile.Name,
            profile.Email,
            TimeZone: null,
            last is null ? null : new NudgeCycle(last.Season, Outcome(last.Outcome), [.. last.Interviews], last.RankListCertifiedOn is not null),
            progress?.Improved.Select(Line).ToList() ?? [],
            progress?.StillMissing.Select(a => a.Message).ToList() ?? [],
            OptedOut: preferences?.OptedOutOfAll ?? false,
            Outlook: summary?.Outlook?.Headline);
    }

    /// <summary>A withdrawn season is not an unmatched one: it starts no reapplication series.</summary>
    private static CycleOutcome? Outcome(AdvisingOutcome? outcome) => outcome switch
    {
        AdvisingOutcome.Matched => CycleOutcome.Matched,
        AdvisingOutcome.Unmatched => CycleOutcome.Unmatched,
        AdvisingOutcome.Withdrawn => CycleOutcome.Matched,
        _ => null,
    };

    private static string Line(Improvement i)
    {
        var what = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(i.Code.Replace('_', ' '));
        return $"{what}: {i.Before} → {i.After}";
    }
}
