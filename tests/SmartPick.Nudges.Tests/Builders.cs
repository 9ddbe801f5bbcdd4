using SmartPick.Nudges.Calendar;
using SmartPick.Nudges.Email;
using SmartPick.Nudges.Rules;

namespace SmartPick.Nudges.Tests;

/// <summary>Small builders for candidates, nudges and senders used across the tests.</summary>
internal static class Builders
{
    public const string Tenant = "acme";

    public static readonly Guid CandidateId = Guid.Parse("8f0c1f0e-3a77-4b1e-9d8a-2f6a1c9b7e41");

    public static readonly SeasonCalendar Season2025 = SeasonCalendar.Default(2025);
    public static readonly SeasonCalendar Season2026 = SeasonCalendar.Default(2026);
    public static readonly SeasonCalendar Season2027 = SeasonCalendar.Default(2027);
    public static readonly SeasonCalendar[] Seasons = [Season2025, Season2026, Season2027];

    public static NudgeCandidate UnmatchedIn(int season, string? timeZone = null) => Candidate(
        new NudgeCycle(season, CycleOutcome.Unmatched, ["Program A"], RankListCertified: true), timeZone);

    public static NudgeCandidate InterviewingIn(int season, string? timeZone = null, params string[] programs) => Candidate(
        new NudgeCycle(season, null, programs.Length > 0 ? programs : ["Mercy Hospital - Internal Medicine", "St. Luke's - Family Medicine"], RankListCertified: false),
        timeZone);

    public static NudgeCandidate Candidate(NudgeCycle? lastCycle, string? timeZone = null) => new(
        CandidateId,
        "Amina Rahman",
        "amina@example.test",
        timeZone,
        lastCycle,
        ["Step 2 CK passed (238)", "4 months hands-on USCE in internal medicine"],
        ["No US letter of recommendation yet"]);

    public static NudgeSender Sender => new("Acme Advising", "Acme Advising Team", "nudges@acme.example", "https://app.smartpick.example", "unsubscribe@acme.example");

    public static UnsubscribeToken Token => UnsubscribeToken.Create(Tenant, Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    public static Nudge RankListNudge(NudgeCandidate? candidate = null, int offsetDays = 7)
    {
        var who = candidate ?? InterviewingIn(2026);
        return NudgeRules.Plan(Tenant, [who], Seasons, NudgeSettings.Default)
            .Single(n => n.Kind == NudgeKind.RankList && n.Key.OffsetDays == offsetDays);
    }

    public static Nudge ReapplicationNudge(NudgeCandidate? candidate = null, int offsetDays = 28)
    {
        var who = candidate ?? UnmatchedIn(2025);
        return NudgeRules.Plan(Tenant, [who], Seasons, NudgeSettings.Default)
            .First(n => n.Kind == NudgeKind.Reapplication && n.Key.OffsetDays == offsetDays);
    }

    public static DateTimeOffset Utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.Zero);
}
