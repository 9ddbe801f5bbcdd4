using System.Text.Json.Serialization;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using SmartPick.Contracts;
using Wolverine;
using Wolverine.Http;

namespace SmartPick.Advising.CandidateFiles;

/// <summary>Record the applications sent in a season: how many, and which programs where known.</summary>
public sealed record SubmitApplications(int? Count, IReadOnlyList<string>? ProgramCodes, DateOnly? SubmittedOn, long? ExpectedVersion = null) : IFileCommand<SubmitApplications>, INamesPrograms
{
    public IEnumerable<(string Field, string Code)> ProgramsNamed() => (ProgramCodes ?? []).Select((code, i) => ($"program_codes[{i}]", code ?? ""));

    public static FieldErrors Validate(SubmitApplications c, Stamp stamp)
    {
        var errors = new FieldErrors().NotInFuture("submitted_on", c.SubmittedOn, stamp.Today);
        if (c.Count is null && (c.ProgramCodes is null || c.ProgramCodes.Count == 0)) errors.Add("count", "give a count or the program codes");
        errors.Range("count", c.Count, 1, 1000);
        if (c.ProgramCodes is { } codes)
        {
            if (codes.Count > 1000) errors.Add("program_codes", "must list at most 1000 programs");
            else for (var i = 0; i < codes.Count; i++) errors.Required($"program_codes[{i}]", codes[i], 32);
            if (c.Count is { } n && codes.Count > n) errors.Add("count", "is smaller than the number of program codes");
        }
        return errors;
    }

    /// <summary>The season, from the route.</summary>
    [JsonIgnore] public int Season { get; init; }

    public static Decision Decide(CandidateFile file, SubmitApplications c, Stamp stamp)
    {
        if (FileRules.SeasonInProgress(file, c.Season) is { } refusal) return Decision.Refuse(refusal);
        var codes = c.ProgramCodes?.Select(x => x.Trim()).Distinct(StringComparer.Ordinal).ToList() ?? [];
        return Decision.Append(new ApplicationsSubmitted(file.Id, c.Season, c.Count ?? codes.Count, codes,
            c.SubmittedOn ?? stamp.Today, stamp.By, stamp.At));
    }
}

public static class SubmitApplicationsEndpoint
{
    [EndpointSummary("Record the applications sent in the season")]
    [WolverinePost("/api/candidates/{id}/cycles/{season}/applications")]
    [Authorize(Policy = SmartPickPolicies.Staff)]
    public static Task<IResult> Post(Guid id, int season, SubmitApplications command, HttpContext http, CandidateFileDoor door, IDocumentSession session, IMessageBus bus, TimeProvider clock)
        => CandidateFileHttp.AppendAsync(http, door, session, bus, clock, id, command with { Season = season });
}
