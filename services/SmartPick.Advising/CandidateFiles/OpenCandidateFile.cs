using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using SmartPick.Contracts;
using SmartPick.Matching.Model;
using Wolverine;
using Wolverine.Http;

namespace SmartPick.Advising.CandidateFiles;

/// <summary>Open a file for a new candidate with what is known on day one (the profile's top-level facts).</summary>
public sealed record OpenCandidateFile(
    string? Name,
    string? Email,
    string? MedicalSchoolCountry,
    ImgType? ImgType,
    VisaNeed? VisaNeed,
    int? YearOfGraduation,
    IReadOnlyList<string>? TargetSpecialties,
    IReadOnlyList<string>? PreferredStates,
    IReadOnlyList<string>? AvoidedStates,
    Budget? Budget)
{
    public static FieldErrors Validate(OpenCandidateFile c, Stamp stamp)
    {
        var errors = new FieldErrors()
            .Required("name", c.Name, 200)
            .Required("email", c.Email, 254)
            .Required("medical_school_country", c.MedicalSchoolCountry, 100)
            .Defined("img_type", c.ImgType)
            .Defined("visa_need", c.VisaNeed)
            .Range("year_of_graduation", c.YearOfGraduation, stamp.At.Year - SmartPick.Matching.Json.ProfileValidation.OldestGraduationYears, stamp.At.Year + 1)
            .SpecialtyKeys("target_specialties", c.TargetSpecialties, required: true)
            .States("preferred_states", c.PreferredStates)
            .States("avoided_states", c.AvoidedStates);
        if (c.Email is { Length: > 0 and <= 254 } email && (!email.Contains('@', StringComparison.Ordinal) || email.Any(char.IsWhiteSpace)))
            errors.Add("email", "is not an email address");
        return BudgetRules.Check(errors, c.Budget);
    }

    public static CandidateFileOpened Open(Guid id, OpenCandidateFile c, Stamp stamp) => new(
        id, c.Name!.Trim(), c.Email!.Trim(), c.MedicalSchoolCountry!.Trim(), c.ImgType, c.VisaNeed, c.YearOfGraduation,
        c.TargetSpecialties ?? [], c.PreferredStates ?? [], c.AvoidedStates ?? [],
        c.Budget?.Applications, c.Budget?.Dollars, stamp.By, stamp.At);
}

public static class OpenCandidateFileEndpoint
{
    [EndpointSummary("Open a file for a new candidate")]
    [WolverinePost("/api/candidates")]
    [Authorize(Policy = SmartPickPolicies.Staff)]
    public static Task<IResult> Post(OpenCandidateFile command, HttpContext http, CandidateFileDoor door, IDocumentSession session, IMessageBus bus, TimeProvider clock)
        => CandidateFileHttp.OpenAsync(http, door, session, bus, clock, command);
}

/// <summary>An application budget is a count of applications (1–1000), optionally in dollars.</summary>
internal static class BudgetRules
{
    public static FieldErrors Check(FieldErrors errors, Budget? budget)
    {
        if (budget is null) return errors;
        if (budget.Applications is null && budget.Dollars is null) return errors.Add("budget", "give applications, dollars or both");
        return errors.Range("budget.applications", budget.Applications, 1, 1000)
            .Range("budget.dollars", budget.Dollars, 0m, SmartPick.Matching.Json.ProfileValidation.MaxDollars);
    }
}
