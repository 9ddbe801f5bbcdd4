using SmartPick.Advising.CandidateFiles;
using SmartPick.Advising.Views;
using SmartPick.Matching.Stages;
using SmartPick.Nudges.Sweeps;

namespace SmartPick.Nudges.Tests;

public class NudgeCandidatesFromTheViews
{
    private static readonly CandidateProfileView Profile = new() { Id = Guid.NewGuid(), Name = "Amina Rahman", Email = "amina@example.test" };

    [Fact]
    public void a_nudge_reads_the_outlook_of_the_cohort_row()
    {
        var summary = new CandidateSummary
        {
            Id = Profile.Id,
            Outlook = new CandidateOutlook(SeasonStage.Interviewing, 0.52, 3.5, "2 interviews so far, about 1.5 more expected: 52% chance to match."),
        };
        NudgeCandidates.Map(Profile, null, null, null, summary).Outlook.ShouldBe(summary.Outlook.Headline);
    }

    [Fact]
    public void a_file_without_an_outlook_gives_the_nudge_none()
    {
        NudgeCandidates.Map(Profile, null, null, null, new CandidateSummary { Id = Profile.Id }).Outlook.ShouldBeNull();
        NudgeCandidates.Map(Profile, null, null, null).Outlook.ShouldBeNull();
    }
}
