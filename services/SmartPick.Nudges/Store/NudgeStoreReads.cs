using Marten;
using SmartPick.Nudges.Calendar;
using SmartPick.Nudges.Rules;

namespace SmartPick.Nudges.Store;

/// <summary>Reads of the nudges module's own documents, inside one tenant's session.</summary>
internal static class NudgeStoreReads
{
    /// <summary>The calendars of the given seasons: the organization's override where one exists, else the published-rule default.</summary>
    public static async Task<IReadOnlyList<SeasonCalendar>> CalendarsAsync(this IQuerySession session, IEnumerable<int> seasons, CancellationToken ct)
    {
        var wanted = seasons.Distinct().Order().ToArray();
        var overrides = await session.LoadManyAsync<SeasonCalendarOverride>(ct, wanted);
        var bySeason = overrides.ToDictionary(o => o.Id, o => o.Calendar);
        return wanted.Select(s => bySeason.TryGetValue(s, out var custom) ? custom : SeasonCalendar.Default(s)).ToList();
    }

    /// <summary>Seasons that can matter at <paramref name="at"/>: last year's (still ending), this year's and the next two.</summary>
    public static IReadOnlyList<int> SeasonsAround(DateTimeOffset at) => [at.Year - 1, at.Year, at.Year + 1, at.Year + 2];

    public static async Task<NudgeSettings> SettingsAsync(this IQuerySession session, string organizationTimeZone, CancellationToken ct)
    {
        var stored = await session.LoadAsync<OrganizationNudgeSettings>(OrganizationNudgeSettings.SingletonId, ct);
        return (stored ?? new OrganizationNudgeSettings()).ToRules(organizationTimeZone);
    }

    public static async Task<CandidateNudgePreferences> PreferencesAsync(this IQuerySession session, Guid candidateId, CancellationToken ct)
        => await session.LoadAsync<CandidateNudgePreferences>(candidateId, ct) ?? new CandidateNudgePreferences { Id = candidateId };
}
