using SmartPick.Matching.Model;

namespace SmartPick.Matching;

/// <summary>
/// A hypothetical change to a profile, for what-if questions: more hands-on USCE, more US letters,
/// Step 3 passed, or waiting one more year (the season moves on, so years since graduation grow by one).
/// </summary>
public abstract record ProfileChange
{
    /// <summary>Snake_case code of the change, as the API names it.</summary>
    public abstract string Code { get; }

    public abstract CandidateProfile Apply(CandidateProfile profile);

    /// <summary>+N months of hands-on USCE, in the given specialty (the first target when null).</summary>
    public sealed record AddHandsOnUsce(decimal Months, string? Specialty = null) : ProfileChange
    {
        public override string Code => "add_hands_on_usce";

        public override CandidateProfile Apply(CandidateProfile profile) => profile with
        {
            Usce = [.. profile.Usce, new UsceItem(UsceKind.HandsOn, Specialty ?? profile.TargetSpecialties.FirstOrDefault(), Months, null)],
            UnknownSections = profile.UnknownSections & ~ProfileSections.Usce,
        };
    }

    /// <summary>+N letters from US physicians in the first target specialty.</summary>
    public sealed record AddUsLetters(int Count, LetterStrength Strength = LetterStrength.Strong) : ProfileChange
    {
        public override string Code => "add_us_letters";

        public override CandidateProfile Apply(CandidateProfile profile) => profile with
        {
            Letters = [.. profile.Letters, .. Enumerable.Repeat(new LetterItem(true, profile.TargetSpecialties.FirstOrDefault(), "attending", Strength), Math.Max(0, Count))],
            UnknownSections = profile.UnknownSections & ~ProfileSections.Letters,
        };
    }

    /// <summary>Step 3 passed.</summary>
    public sealed record PassStep3 : ProfileChange
    {
        public override string Code => "pass_step3";

        public override CandidateProfile Apply(CandidateProfile profile) => profile with
        {
            Exams = [.. profile.Exams.Where(e => e.Exam != ExamKind.Step3), new ExamResult(ExamKind.Step3, null, true)],
        };
    }

    /// <summary>
    /// Apply one season later: one more year since graduation. The season moves on; a profile without a season
    /// (counted against the caller's default season) has its graduation moved one year earlier instead.
    /// </summary>
    public sealed record WaitOneYear : ProfileChange
    {
        public override string Code => "wait_one_year";

        public override CandidateProfile Apply(CandidateProfile profile) => profile.Season is { } season
            ? profile with { Season = season + 1 }
            : profile with { YearOfGraduation = profile.YearOfGraduation - 1 };
    }

    public static CandidateProfile ApplyAll(CandidateProfile profile, IEnumerable<ProfileChange> changes) =>
        changes.Aggregate(profile, (current, change) => change.Apply(current));
}

/// <summary>
/// A profile ranked as it is and as changed. <see cref="PMatchBefore"/> and <see cref="PMatchAfter"/> are both
/// at <see cref="Applications"/>, the current recommendation, so the difference is the change's own effect.
/// </summary>
public sealed record WhatIfResult(RankResult Before, RankResult After, CandidateProfile ChangedProfile,
    int Applications, double PMatchBefore, double PMatchAfter)
{
    public double Delta => PMatchAfter - PMatchBefore;
}
