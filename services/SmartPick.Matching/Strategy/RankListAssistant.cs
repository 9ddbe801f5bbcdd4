using SmartPick.Matching.Model;
using System.Globalization;
using SmartPick.Matching.Parameters;

namespace SmartPick.Matching.Strategy;

/// <summary>
/// The rank-list assistant: with interviews held, the chance to match by how many of them are ranked (the
/// specialty's m(k)), what each list costs at NRMP, and the reminders that matter before certification.
/// </summary>
public static class RankListAssistant
{
    public static RankListAdvice For(int interviewsHeld, string? specialtyKey, SeasonFacts facts, ParameterSet ps,
        DateTimeOffset? certificationDeadline = null, DateTimeOffset? now = null)
    {
        var m = ps.MatchCurveFor(specialtyKey);
        var rows = new List<RankListRow>(Math.Max(0, interviewsHeld));
        for (var k = 1; k <= interviewsHeld; k++) rows.Add(new RankListRow(k, m.At(k), facts.Fees.NrmpFor(k)));

        var reminders = new List<string>();
        if (interviewsHeld > 0)
        {
            reminders.Add($"Rank every program you interviewed at and would rather train at than go unmatched: with all {interviewsHeld} ranked the chance is {Stages.Outlook.Percent(m.At(interviewsHeld))}, and a longer list never lowers it — the Match places you at the first program on your list that also ranks you.");
            reminders.Add($"NRMP's ${facts.Fees.NrmpRegistration.ToString("0", CultureInfo.InvariantCulture)} registration includes {facts.Fees.NrmpIncludedRanks} ranks; each further rank costs ${facts.Fees.NrmpPerAdditionalRank.ToString("0", CultureInfo.InvariantCulture)}.");
        }
        else
        {
            reminders.Add("No interview recorded yet: a rank list needs at least one program that interviewed you.");
        }
        if (certificationDeadline is { } deadline)
        {
            var days = now is { } n ? (int)Math.Ceiling((deadline - n).TotalDays) : (int?)null;
            var when = deadline.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);
            reminders.Add(days switch
            {
                null => $"Certify the rank list by {when}.",
                < 0 => $"The certification deadline ({when}) has passed.",
                0 => $"Certify the rank list today ({when}).",
                1 => $"Certify the rank list by tomorrow, {when}.",
                _ => $"Certify the rank list by {when}: {days} days left.",
            });
        }
        return new RankListAdvice(rows, certificationDeadline, reminders);
    }
}
