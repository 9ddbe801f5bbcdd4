namespace SmartPick.Nudges.Calendar;

/// <summary>
/// The dates of one Match season (named after the Match year: the 2026 season opens ERAS in June 2025
/// and ends with Match Day in March 2026). Every instant is UTC (offset zero). The agency admin may edit
/// any field; <see cref="SeasonCalendarValidator"/> keeps the milestones in their natural order.
/// </summary>
public sealed record SeasonCalendar
{
    /// <summary>The Match year this calendar leads up to.</summary>
    public required int Season { get; init; }

    /// <summary>ERAS opens for applicants to start filling in their application.</summary>
    public required DateTimeOffset ErasOpensAt { get; init; }

    /// <summary>Applicants may submit applications to programs.</summary>
    public required DateTimeOffset SubmissionOpensAt { get; init; }

    /// <summary>Programs start receiving and reviewing applications.</summary>
    public required DateTimeOffset ProgramReviewStartsAt { get; init; }

    /// <summary>NRMP opens rank order list entry.</summary>
    public required DateTimeOffset RankingOpensAt { get; init; }

    /// <summary>Last moment to certify a rank order list.</summary>
    public required DateTimeOffset RankOrderListDeadline { get; init; }

    /// <summary>Monday of Match Week: applicants learn whether they matched and SOAP starts.</summary>
    public required DateTimeOffset MatchWeekStartsAt { get; init; }

    /// <summary>Match Day: results are released.</summary>
    public required DateTimeOffset MatchDayAt { get; init; }

    /// <summary>
    /// The calendar computed from the published rules. Each rule reproduces the published dates of the
    /// 2024–2026 Matches; the admin corrects a season whose published dates break the pattern.
    /// </summary>
    public static SeasonCalendar Default(int season) => SeasonCalendarRules.Compute(season);

    /// <summary>Every milestone in chronological order (as defaulted), with its instant.</summary>
    public IReadOnlyList<(Milestone Milestone, DateTimeOffset At)> Milestones() =>
    [
        (Milestone.ErasOpens, ErasOpensAt),
        (Milestone.SubmissionOpens, SubmissionOpensAt),
        (Milestone.ProgramReviewStarts, ProgramReviewStartsAt),
        (Milestone.RankingOpens, RankingOpensAt),
        (Milestone.RankOrderListDeadline, RankOrderListDeadline),
        (Milestone.MatchWeekStarts, MatchWeekStartsAt),
        (Milestone.MatchDay, MatchDayAt),
    ];

    /// <summary>The instant of one milestone.</summary>
    public DateTimeOffset At(Milestone milestone) => milestone switch
    {
        Milestone.ErasOpens => ErasOpensAt,
        Milestone.SubmissionOpens => SubmissionOpensAt,
        Milestone.ProgramReviewStarts => ProgramReviewStartsAt,
        Milestone.RankingOpens => RankingOpensAt,
        Milestone.RankOrderListDeadline => RankOrderListDeadline,
        Milestone.MatchWeekStarts => MatchWeekStartsAt,
        Milestone.MatchDay => MatchDayAt,
        _ => throw new ArgumentOutOfRangeException(nameof(milestone), milestone, "Unknown milestone."),
    };

    /// <summary>The same calendar with every instant converted to offset zero (what is stored).</summary>
    public SeasonCalendar InUtc() => this with
    {
        ErasOpensAt = ErasOpensAt.ToUniversalTime(),
        SubmissionOpensAt = SubmissionOpensAt.ToUniversalTime(),
        ProgramReviewStartsAt = ProgramReviewStartsAt.ToUniversalTime(),
        RankingOpensAt = RankingOpensAt.ToUniversalTime(),
        RankOrderListDeadline = RankOrderListDeadline.ToUniversalTime(),
        MatchWeekStartsAt = MatchWeekStartsAt.ToUniversalTime(),
        MatchDayAt = MatchDayAt.ToUniversalTime(),
    };
}

/// <summary>The dated steps of a Match season.</summary>
public enum Milestone
{
    ErasOpens,
    SubmissionOpens,
    ProgramReviewStarts,
    RankingOpens,
    RankOrderListDeadline,
    MatchWeekStarts,
    MatchDay,
}
