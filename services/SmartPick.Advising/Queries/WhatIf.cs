using SmartPick.Advising.CandidateFiles;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using SmartPick.Advising.Lists;
using SmartPick.Advising.Seasons;
using SmartPick.Advising.Views;
using SmartPick.Contracts;
using SmartPick.Matching;
using SmartPick.Matching.Json;
using SmartPick.Matching.Model;
using Wolverine.Http;

namespace SmartPick.Advising.Queries;

/// <summary>One hypothetical change: add_hands_on_usce (months, specialty), add_us_letters (count, strength), pass_step3, wait_one_year.</summary>
public sealed record WhatIfChange(string? Code, decimal? Months = null, string? Specialty = null, int? Count = null, LetterStrength? Strength = null);

/// <summary>Either a list of changes to the file's profile, or a whole changed profile (engine profile JSON).</summary>
public sealed record WhatIfRequest(IReadOnlyList<WhatIfChange>? Changes, JsonElement? Profile)
{
    public static FieldErrors Validate(WhatIfRequest r, out IReadOnlyList<ProfileChange> changes, out CandidateProfile? profile)
    {
        var errors = new FieldErrors();
        var list = new List<ProfileChange>();
        profile = null;
        var hasProfile = r.Profile is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined };
        if ((r.Changes is null || r.Changes.Count == 0) == !hasProfile) errors.Add("changes", "give either changes or a profile");
        if (r.Changes is { Count: > 20 }) errors.Add("changes", "at most 20 changes");
        else if (r.Changes is not null)
            for (var i = 0; i < r.Changes.Count; i++)
            {
                var c = r.Changes[i];
                var field = $"changes[{i}]";
                switch (c.Code)
                {
                    case "add_hands_on_usce":
                        if (c.Months is null) errors.Add($"{field}.months", "is required");
                        errors.Range($"{field}.months", c.Months, 0.25m, 24m).KnownSpecialty($"{field}.specialty", c.Specialty);
                        list.Add(new ProfileChange.AddHandsOnUsce(c.Months ?? 0, c.Specialty));
                        break;
                    case "add_us_letters":
                        errors.Range($"{field}.count", c.Count ?? 1, 1, 10).Defined($"{field}.strength", c.Strength);
                        list.Add(new ProfileChange.AddUsLetters(c.Count ?? 1, c.Strength ?? LetterStrength.Strong));
                        break;
                    case "pass_step3":
                        list.Add(new ProfileChange.PassStep3());
                        break;
                    case "wait_one_year":
                        list.Add(new ProfileChange.WaitOneYear());
                        break;
                    default:
                        errors.Add($"{field}.code", "must be add_hands_on_usce, add_us_letters, pass_step3 or wait_one_year");
                        break;
                }
            }
        if (hasProfile)
        {
            var parsed = ProfileJson.Read(r.Profile!.Value);
            foreach (var (field, messages) in parsed.Errors.Fields) foreach (var m in messages) errors.Add("profile." + field.TrimStart('$', '.'), m);
            if (!parsed.Errors.Any) profile = parsed.Profile;
        }
        changes = list;
        return errors;
    }
}

public sealed record WhatIfResponse(
    Guid CandidateId,
    IReadOnlyList<string> Changes,
    ProgramListResponse Current,
    ProgramListResponse WhatIf,
    int RecommendedApplications,
    double PMatchCurrent,
    double PMatchWhatIfAtSameApplications,
    double PMatchWhatIfAtItsRecommended,
    bool Stored);

/// <summary>"Apply now or wait a cycle?": the file's list and the list for a changed profile, side by side; nothing is stored.</summary>
public static class WhatIfEndpoint
{
    [EndpointSummary("Compare the file's list with the list for a changed profile; nothing is stored")]
    [WolverinePost("/api/candidates/{id}/what-if")]
    [Authorize(Policy = SmartPickPolicies.Staff)]
    public static async Task<IResult> Post(Guid id, WhatIfRequest request, IQuerySession session, FileRanking ranking, CancellationToken ct)
    {
        var errors = WhatIfRequest.Validate(request, out var changes, out var changedProfile);
        if (errors.Any) return Results.ValidationProblem(errors.ToDictionary());

        var view = await session.LoadAsync<CandidateProfileView>(id, ct);
        if (view is null) return CandidateReads.NotFound();

        var (profile, catalog, options) = await ranking.InputsAsync(session, view, ct);

        RankResult before, after;
        double atSameN;
        if (changedProfile is null)
        {
            var result = MatchingEngine.WhatIf(profile, changes, catalog, options);
            (before, after, atSameN) = (result.Before, result.After, result.PMatchAfter);
        }
        else
        {
            before = MatchingEngine.Rank(profile, catalog, options);
            after = MatchingEngine.Rank(changedProfile, catalog, options);
            var n = before.RecommendedApplications;
            atSameN = n == 0 ? 0 : after.Curve.LastOrDefault(c => c.N <= n)?.PMatch ?? 0;
        }

        return Results.Ok(new WhatIfResponse(id,
            changedProfile is null ? changes.Select(c => c.Code).ToList() : ["profile"],
            ProgramListResponse.From(id, ListRecording.From(before, view.ApplicationBudget)),
            ProgramListResponse.From(id, ListRecording.From(after, changedProfile?.Budget?.Applications ?? view.ApplicationBudget)),
            before.RecommendedApplications, Math.Round(before.PMatchAtRecommended, 4), Math.Round(atSameN, 4),
            Math.Round(after.PMatchAtRecommended, 4), Stored: false));
    }
}
