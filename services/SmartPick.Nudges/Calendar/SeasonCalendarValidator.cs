using FluentValidation;

namespace SmartPick.Nudges.Calendar;

/// <summary>
/// Checks an admin-edited calendar: every instant stored in UTC, milestones in order
/// (ERAS opens &lt; submission &lt; review &lt; ranking opens &lt; rank list deadline &lt; Match Week ≤ Match Day),
/// and Match Day inside the season's own year.
/// </summary>
public sealed class SeasonCalendarValidator : AbstractValidator<SeasonCalendar>
{
    public SeasonCalendarValidator()
    {
        RuleFor(c => c.Season).InclusiveBetween(2000, 2200);

        RuleFor(c => c.ErasOpensAt).Must(BeUtc).WithMessage(UtcMessage);
        RuleFor(c => c.SubmissionOpensAt).Must(BeUtc).WithMessage(UtcMessage)
            .GreaterThan(c => c.ErasOpensAt).WithMessage("Submission must open after ERAS opens.");
        RuleFor(c => c.ProgramReviewStartsAt).Must(BeUtc).WithMessage(UtcMessage)
            .GreaterThan(c => c.SubmissionOpensAt).WithMessage("Program review must start after submission opens.");
        RuleFor(c => c.RankingOpensAt).Must(BeUtc).WithMessage(UtcMessage)
            .GreaterThan(c => c.ProgramReviewStartsAt).WithMessage("Ranking must open after program review starts.");
        RuleFor(c => c.RankOrderListDeadline).Must(BeUtc).WithMessage(UtcMessage)
            .GreaterThan(c => c.RankingOpensAt).WithMessage("The rank order list deadline must come after ranking opens.");
        RuleFor(c => c.MatchWeekStartsAt).Must(BeUtc).WithMessage(UtcMessage)
            .GreaterThan(c => c.RankOrderListDeadline).WithMessage("Match Week must start after the rank order list deadline.");
        RuleFor(c => c.MatchDayAt).Must(BeUtc).WithMessage(UtcMessage)
            .GreaterThanOrEqualTo(c => c.MatchWeekStartsAt).WithMessage("Match Day must not come before Match Week starts.")
            .GreaterThan(c => c.RankOrderListDeadline).WithMessage("Match Day must come after the rank order list deadline.")
            .Must((c, at) => at.Year == c.Season).WithMessage("Match Day must fall in the season's Match year.");
    }

    private const string UtcMessage = "Store instants in UTC (offset zero).";

    private static bool BeUtc(DateTimeOffset instant) => instant.Offset == TimeSpan.Zero;
}
