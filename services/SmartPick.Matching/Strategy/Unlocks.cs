using System.Globalization;
using SmartPick.Matching.Model;
using SmartPick.Matching.Parameters;
using SmartPick.Matching.Stages;

namespace SmartPick.Matching.Strategy;

/// <summary>
/// What unlocks a program: for each change a candidate can make (more hands-on USCE, US letters, Step 3 — which also
/// makes H-1B possible for a J-1 applicant —, the rebuild year) the programs it opens: excluded today or interviewing
/// the candidate below <see cref="OpenAt"/>, and open at or above it after the change. Waiting a season is listed by
/// what it closes (graduation limits passed). Largest first.
/// </summary>
internal static class Unlocks
{
    /// <summary>Below a 1% interview chance a program is as good as closed (the median IM program invites 2% of non-US IMGs).</summary>
    public const double OpenAt = 0.01;

    internal static IReadOnlyList<UnlockItem> Compute(CandidateProfile profile, Catalog catalog, RankOptions options, ParameterSet ps)
    {
        var now = OpenPrograms(profile, catalog, options, ps);
        var items = new List<UnlockItem>();
        var specialty = profile.TargetSpecialties.FirstOrDefault();
        var specialtyName = specialty is null ? "" : " in " + (Specialties.ByKey(specialty)?.Name ?? specialty);

        void Consider(string code, IReadOnlyList<ProfileChange> changes, Func<int, int, string> message)
        {
            var after = OpenPrograms(ProfileChange.ApplyAll(profile, changes), catalog, options, ps);
            var opens = after.Where(c => !now.Contains(c)).Order(StringComparer.Ordinal).ToList();
            var closes = now.Where(c => !after.Contains(c)).Order(StringComparer.Ordinal).ToList();
            if (opens.Count == 0 && closes.Count == 0) return;
            items.Add(new UnlockItem(code, message(opens.Count, closes.Count), opens.Count, opens, closes.Count, closes));
        }

        foreach (var months in new[] { 2, 4 })
            Consider($"add_hands_on_usce_{months}_months", [new ProfileChange.AddHandsOnUsce(months, specialty)],
                (o, c) => $"+{months} months of hands-on USCE{specialtyName} {Opens(o, c)}.");
        Consider("add_us_letters", [new ProfileChange.AddUsLetters(2, LetterStrength.Strong)],
            (o, c) => $"Two strong letters from US physicians{specialtyName} {Opens(o, c)}.");
        var step3 = profile.Exams.Any(e => e.Exam == ExamKind.Step3 && e.Passed == true);
        if (!step3)
        {
            var h1b = profile.VisaNeed == VisaNeed.J1;
            Consider("pass_step3", h1b ? [new ProfileChange.PassStep3(), new OpenToH1b()] : [new ProfileChange.PassStep3()],
                (o, c) => h1b ? $"Step 3 passed, so H-1B programs can sponsor you too, {Opens(o, c)}." : $"Step 3 passed {Opens(o, c)}.");
        }
        Consider("wait_one_year", [new ProfileChange.WaitOneYear()],
            (o, c) => c > 0
                ? $"Graduation limits: {c} program{(c == 1 ? "" : "s")} close{(c == 1 ? "s" : "")} to you next season{(o > 0 ? $" ({o} open, from other changes of the year)" : "")}."
                : $"Waiting a season {Opens(o, c)}.");
        Consider("rebuild_year", MatchingEngine.RebuildChanges(profile),
            (o, c) => $"The rebuild year (3 months hands-on USCE, 2 strong US letters, one more season) {Opens(o, c)}.");

        return items.OrderByDescending(i => i.Opens).ThenBy(i => i.Closes).ThenBy(i => i.Change, StringComparer.Ordinal).ToList();
    }

    private static string Opens(int opens, int closes) =>
        (opens == 1 ? "opens 1 program" : $"opens {opens.ToString(CultureInfo.InvariantCulture)} programs")
        + (closes > 0 ? $" and closes {closes}" : "");

    /// <summary>Programs eligible with an interview chance of at least <see cref="OpenAt"/> (no signals: the same footing before and after).</summary>
    private static HashSet<string> OpenPrograms(CandidateProfile profile, Catalog catalog, RankOptions options, ParameterSet ps)
    {
        var scored = MatchingEngine.Score(profile, catalog, options, ps, collectExcluded: false, withReasons: false);
        var sd = ps.RandomEffectSd.Value;
        var open = new HashSet<string>(StringComparer.Ordinal);
        // Best first: stop at the first program below the line.
        for (var i = 0; i < scored.Logits.Length; i++)
        {
            if (ListOptimizer.MarginalP(scored.Logits[i], sd) < OpenAt) break;
            open.Add(scored.Programs[i].Program.ProgramCode);
        }
        return open;
    }

    /// <summary>A J-1 applicant who passed Step 3 can take either visa.</summary>
    private sealed record OpenToH1b : ProfileChange
    {
        public override string Code => "open_to_h1b";

        public override CandidateProfile Apply(CandidateProfile profile) =>
            profile.VisaNeed == VisaNeed.J1 ? profile with { VisaNeed = VisaNeed.Either } : profile;
    }
}
