using SmartPick.Advising.Lists;
using SmartPick.Matching;
using SmartPick.Matching.Model;
using SmartPick.Matching.Stages;

namespace SmartPick.Web.Pages.Shared;

/// <summary>One step a candidate could take, and what it would add to their chance of matching at the same number of applications.</summary>
public sealed record PlanAction(string Text, double PMatchBefore, double PMatchAfter, int Applications)
{
    public double Gain => PMatchAfter - PMatchBefore;
}

/// <summary>What the candidate's own page leads with: today's chance, the steps worth most, and the outlook after a rebuild year.</summary>
public sealed record CandidatePlan(double PMatchToday, int Applications, IReadOnlyList<PlanAction> Actions, PlanAction? RebuildYear);

/// <summary>
/// Works out the candidate's plan with the engine's what-if: each step alone (three more months of hands-on
/// experience in the target specialty, two strong US letters, Step 3 passed), each only when the file does not
/// already have it, ranked by what it adds at today's recommended number of applications; and all of them with
/// one more season, which is what a rebuild year is.
/// </summary>
public static class PlanActions
{
    public static CandidatePlan? For(RankingInputs inputs, SmartPick.Advising.CandidateFiles.EvidenceFacts facts)
    {
        var (handsOnMonths, usLetters, step3Passed) = (facts.HandsOnUsceMonths, facts.UsLetters, facts.Step3Passed);
        var (profile, catalog, options) = inputs;
        var specialty = profile.TargetSpecialties.FirstOrDefault();
        var specialtyName = specialty is null ? "your specialty" : Specialties.ByKey(specialty)?.Name ?? specialty;
        var steps = new List<(string Text, ProfileChange Change)>();
        if (handsOnMonths < 6) steps.Add(($"Three more months of hands-on US clinical experience in {specialtyName}", new ProfileChange.AddHandsOnUsce(3, specialty)));
        if (usLetters < 3) steps.Add(("Two strong letters from US physicians", new ProfileChange.AddUsLetters(2)));
        if (!step3Passed) steps.Add(("Pass Step 3", new ProfileChange.PassStep3()));

        var today = MatchingEngine.Rank(profile, catalog, options);
        if (today.Programs.Count == 0) return null;
        var worth = new List<(PlanAction Action, ProfileChange Change)>();
        foreach (var (text, change) in steps)
        {
            var w = MatchingEngine.WhatIf(today, profile, [change], catalog, options);
            var action = new PlanAction(text, w.PMatchBefore, w.PMatchAfter, w.Applications);
            if (action.Gain > 0.0005) worth.Add((action, change));
        }
        worth = [.. worth.OrderByDescending(x => x.Action.Gain).Take(3)];
        PlanAction? rebuild = null;
        if (worth.Count > 0)
        {
            // The steps shown, all done, and one more season to do them in.
            var all = MatchingEngine.WhatIf(today, profile, [.. worth.Select(x => x.Change), new ProfileChange.WaitOneYear()], catalog, options);
            rebuild = new PlanAction("All of these, applying one season later", all.PMatchBefore, all.PMatchAfter, all.Applications);
        }
        return new CandidatePlan(today.PMatchAtRecommended, today.RecommendedApplications, [.. worth.Select(x => x.Action)], rebuild);
    }
}
