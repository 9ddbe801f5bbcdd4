using SmartPick.Matching.Model;

namespace SmartPick.Matching.Stages;

/// <summary>
/// Stage 1: hard filters. A program is ruled out only on something stated: a specialty or track the
/// candidate does not target, a state the candidate avoids, an explicit "no" on the visa the candidate
/// needs, or a stated cutoff (not a preference) the candidate is known not to meet. Unknowns never exclude.
/// </summary>
internal static class Eligibility
{
    /// <summary>Tracks a candidate targeting a specialty applies to; preliminary, advanced and physician positions are separate choices.</summary>
    public static bool IsTargetedTrack(Track track) => track is Track.Categorical or Track.Primary;

    private static readonly Reason[] TrackReasons = [.. Enum.GetValues<Track>().Select(t =>
        new Reason("track_not_targeted", $"A {t.ToString().ToLowerInvariant()} position; only categorical and primary positions are targeted.", 0))];

    /// <summary>The reasons a program is excluded; empty when it is eligible.</summary>
    public static List<Reason>? Exclusions(CatalogProgram program, string? specialtyKey, CandidateProfile profile, ProfileFacts facts,
        IReadOnlySet<string> targets, IReadOnlySet<string> avoidedStates)
    {
        List<Reason>? reasons = null;
        void Add(string code, string message) => (reasons ??= []).Add(new Reason(code, message, 0));

        if (specialtyKey is null || !targets.Contains(specialtyKey))
        {
            Add("specialty_not_targeted", $"{program.Specialty} is not among the target specialties.");
            return reasons; // one reason is enough for the many programs of other specialties
        }
        if (!IsTargetedTrack(program.Track))
            (reasons ??= []).Add(TrackReasons[(int)program.Track]);
        if (program.State.Length > 0 && avoidedStates.Contains(program.State))
            Add("avoided_state", $"{program.State} is among the states the candidate avoids.");

        switch (profile.VisaNeed)
        {
            case VisaNeed.J1 when program.VisaJ1 == Tristate.No:
                Add("no_j1_sponsorship", "The program states it does not sponsor J-1 visas.");
                break;
            case VisaNeed.H1b when program.VisaH1b == Tristate.No:
                Add("no_h1b_sponsorship", "The program states it does not sponsor H-1B visas.");
                break;
            case VisaNeed.Either when program.VisaJ1 == Tristate.No && program.VisaH1b == Tristate.No:
                Add("no_visa_sponsorship", "The program states it sponsors neither J-1 nor H-1B visas.");
                break;
        }

        if (program.MinStep2Ck is { } min && program.MinStep2CkStrictness == Strictness.Cutoff
            && facts.Step2CkScore is { } score && score < min)
            Add("step2ck_below_cutoff", $"Step 2 CK {score} is below the stated cutoff of {min}.");

        if (program.MaxYearsSinceGraduation is { } maxYears && facts.YearsSinceGraduationKnown
            && facts.YearsSinceGraduation > maxYears)
            Add("graduated_too_long_ago", $"{facts.YearsSinceGraduation} years since graduation; the program accepts at most {maxYears}.");

        if (program.UsceRequired == Tristate.Yes && facts.HandsOnMonths is { } months)
        {
            var required = program.MinUsceMonths ?? 0m;
            if (required > 0 ? months < required : months <= 0)
                Add("usce_below_requirement", required > 0
                    ? $"{months:0.#} months of hands-on USCE; the program requires {required:0.#}."
                    : "No hands-on USCE; the program requires US clinical experience.");
        }
        return reasons;
    }
}
