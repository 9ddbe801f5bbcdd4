using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using SmartPick.Contracts;
using SmartPick.Matching.Model;
using Wolverine;
using Wolverine.Http;

namespace SmartPick.Advising.CandidateFiles;

/// <summary>Change targets and constraints; fields left out keep their current value.</summary>
public sealed record ChangePreferences(
    VisaNeed? VisaNeed,
    IReadOnlyList<string>? TargetSpecialties,
    IReadOnlyList<string>? PreferredStates,
    IReadOnlyList<string>? AvoidedStates,
    Budget? Budget,
    long? ExpectedVersion = null) : IFileCommand<ChangePreferences>
{
    public static FieldErrors Validate(ChangePreferences c, Stamp stamp)
    {
        var errors = new FieldErrors().Defined("visa_need", c.VisaNeed)
            .States("preferred_states", c.PreferredStates)
            .States("avoided_states", c.AvoidedStates);
        if (c.TargetSpecialties is not null) errors.SpecialtyKeys("target_specialties", c.TargetSpecialties, required: true);
        if (c.VisaNeed is null && c.TargetSpecialties is null && c.PreferredStates is null && c.AvoidedStates is null && c.Budget is null)
            errors.Add("preferences", "change at least one of visa_need, target_specialties, preferred_states, avoided_states, budget");
        return BudgetRules.Check(errors, c.Budget);
    }

    public static Decision Decide(CandidateFile file, ChangePreferences c, Stamp stamp)
    {
        var changed = new PreferencesChanged(file.Id,
            c.VisaNeed ?? file.VisaNeed,
            c.TargetSpecialties ?? file.TargetSpecialties,
            c.PreferredStates ?? file.PreferredStates,
            c.AvoidedStates ?? file.AvoidedStates,
            c.Budget?.Applications ?? file.ApplicationBudget,
            c.Budget is null ? file.BudgetDollars : c.Budget.Dollars,
            stamp.By, stamp.At);
        var same = changed.VisaNeed == file.VisaNeed
            && changed.TargetSpecialties.SequenceEqual(file.TargetSpecialties)
            && changed.PreferredStates.SequenceEqual(file.PreferredStates)
            && changed.AvoidedStates.SequenceEqual(file.AvoidedStates)
            && changed.ApplicationBudget == file.ApplicationBudget
            && changed.BudgetDollars == file.BudgetDollars;
        // Nothing new is not a fact: answer as accepted without appending.
        return same ? Decision.Append() : Decision.Append(changed);
    }
}

public static class ChangePreferencesEndpoint
{
    [EndpointSummary("Change the candidate's target specialties, visa need, states or budget")]
    [WolverinePost("/api/candidates/{id}/preferences")]
    [Authorize(Policy = SmartPickPolicies.Staff)]
    public static Task<IResult> Post(Guid id, ChangePreferences command, HttpContext http, CandidateFileDoor door, IDocumentSession session, IMessageBus bus, TimeProvider clock)
        => CandidateFileHttp.AppendAsync(http, door, session, bus, clock, id, command);
}
