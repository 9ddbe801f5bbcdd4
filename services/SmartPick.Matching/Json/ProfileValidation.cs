using SmartPick.Contracts;
using SmartPick.Matching.Model;

namespace SmartPick.Matching.Json;

/// <summary>
/// Range and vocabulary checks on a profile, with JSON field paths. The JSON reader runs them after reading;
/// anything that builds a profile another way (the HTTP API, what-if requests) can run them too.
/// </summary>
public static class ProfileValidation
{
    public const int MinScore = 1, MaxScore = 300;
    public const decimal MaxMonths = 120;
    public const int MinYear = 1950, MaxYear = 2100;
    public const int MaxAttempt = 10;
    /// <summary>A graduation longer ago than this before the season is a typing error (no applicant is that far out).</summary>
    public const int OldestGraduationYears = 45;
    public const int MaxApplications = 5000;
    /// <summary>A money budget above this is a typing error (a thousand applications cost about $30,000).</summary>
    public const decimal MaxDollars = 100_000m;
    /// <summary>ERAS lets an applicant name up to three census divisions.</summary>
    public const int MaxRegions = 3;

    public static FieldErrors Validate(CandidateProfile profile)
    {
        var errors = new FieldErrors();
        void Year(int? value, string field)
        {
            if (value is { } y && (y < MinYear || y > MaxYear))
                errors.Add(field, $"must be a year between {MinYear} and {MaxYear}, got {y}");
        }
        void Specialty(string? key, string field)
        {
            if (key is not null && !Specialties.IsKnown(key))
                errors.Add(field, $"unknown specialty '{key}'; use a key such as internal_medicine or family_medicine");
        }
        void State(string? code, string field)
        {
            if (code is not null && !UsStates.IsKnown(code))
                errors.Add(field, $"unknown US state '{code}'; use a two-letter code such as NY");
        }

        Year(profile.YearOfGraduation, "year_of_graduation");
        Year(profile.Season, "season");
        if (profile.YearOfGraduation is { } yog && profile.Season is { } season)
        {
            if (yog < season - OldestGraduationYears)
                errors.Add("year_of_graduation", $"must be within {OldestGraduationYears} years before the season ({season - OldestGraduationYears} or later), got {yog}");
            else if (yog > season)
                errors.Add("year_of_graduation", $"must not be after the season ({season}), got {yog}");
        }
        for (var i = 0; i < profile.Exams.Count; i++)
        {
            var e = profile.Exams[i];
            if (e.Score is { } s && (s < MinScore || s > MaxScore))
                errors.Add($"exams[{i}].score", $"must be between {MinScore} and {MaxScore}, got {s}");
            if (e.Score is null && e.Passed is null)
                errors.Add($"exams[{i}]", "give a score or passed");
            if (e.Attempt < 1 || e.Attempt > MaxAttempt)
                errors.Add($"exams[{i}].attempt", $"must be between 1 and {MaxAttempt}, got {e.Attempt}");
        }
        for (var i = 0; i < profile.Usce.Count; i++)
        {
            var u = profile.Usce[i];
            if (u.Months < 0 || u.Months > MaxMonths)
                errors.Add($"usce[{i}].months", $"must be between 0 and {MaxMonths}, got {u.Months}");
            Specialty(u.Specialty, $"usce[{i}].specialty");
            State(u.State, $"usce[{i}].state");
        }
        for (var i = 0; i < profile.Letters.Count; i++)
            Specialty(profile.Letters[i].Specialty, $"letters[{i}].specialty");
        for (var i = 0; i < profile.TargetSpecialties.Count; i++)
            Specialty(profile.TargetSpecialties[i], $"target_specialties[{i}]");
        for (var i = 0; i < profile.PreferredStates.Count; i++)
            State(profile.PreferredStates[i], $"preferred_states[{i}]");
        for (var i = 0; i < profile.AvoidedStates.Count; i++)
            State(profile.AvoidedStates[i], $"avoided_states[{i}]");
        if (profile.Budget is { } b)
        {
            if (b.Applications is < 0 || b.Applications > MaxApplications)
                errors.Add("budget.applications", $"must be between 0 and {MaxApplications}, got {b.Applications}");
            if (b.Dollars is < 0 or > MaxDollars)
                errors.Add("budget.dollars", $"must be between 0 and {MaxDollars}, got {b.Dollars}");
        }
        var st = profile.Strategy;
        for (var i = 0; i < st.PinnedRegions.Count; i++)
            if (!Strategy.CensusDivisions.IsKnown(st.PinnedRegions[i]))
                errors.Add($"strategy.pinned_regions[{i}]", $"'{st.PinnedRegions[i]}' is not a census division: {string.Join(", ", Strategy.CensusDivisions.All.Select(d => d.Key))}");
        for (var i = 0; i < st.ForbiddenRegions.Count; i++)
            if (!Strategy.CensusDivisions.IsKnown(st.ForbiddenRegions[i]))
                errors.Add($"strategy.forbidden_regions[{i}]", $"'{st.ForbiddenRegions[i]}' is not a census division: {string.Join(", ", Strategy.CensusDivisions.All.Select(d => d.Key))}");
        if (st.PinnedRegions.Distinct().Count() > MaxRegions)
            errors.Add("strategy.pinned_regions", $"at most {MaxRegions} census divisions can be named");
        foreach (var code in st.PinnedRegions.Intersect(st.ForbiddenRegions))
            errors.Add("strategy.forbidden_regions", $"'{code}' is both pinned and forbidden");
        foreach (var code in st.PinnedSignals.Select(x => x.ProgramCode).Intersect(st.ForbiddenSignals))
            errors.Add("strategy.forbidden_signals", $"'{code}' is both pinned and forbidden");
        for (var i = 0; i < profile.PreviousCycles.Count; i++)
        {
            var c = profile.PreviousCycles[i];
            Year(c.Season, $"previous_cycles[{i}].season");
            if (c.Interviews is < 0)
                errors.Add($"previous_cycles[{i}].interviews", "must not be negative");
        }
        return errors;
    }
}
