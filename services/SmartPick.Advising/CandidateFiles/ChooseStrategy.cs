using SmartPick.Matching.Model;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using SmartPick.Contracts;
using SmartPick.Matching.Strategy;
using Wolverine;
using Wolverine.Http;

namespace SmartPick.Advising.CandidateFiles;

/// <summary>
/// The advisor fixes parts of the application plan: signals placed (of a kind, or the best kind left) or forbidden
/// at programs, census divisions named or never named. The engine chooses the rest when it re-ranks. The command
/// carries the complete choice (an empty list clears it).
/// </summary>
public sealed record ChooseStrategy(
    IReadOnlyList<PinnedSignal>? PinnedSignals,
    IReadOnlyList<string>? ForbiddenSignals,
    IReadOnlyList<string>? PinnedRegions,
    IReadOnlyList<string>? ForbiddenRegions,
    long? ExpectedVersion = null) : IFileCommand<ChooseStrategy>, INamesPrograms
{
    public IEnumerable<(string Field, string Code)> ProgramsNamed() =>
        (PinnedSignals ?? []).Select((p, i) => ($"pinned_signals[{i}].program_code", p?.ProgramCode ?? ""))
            .Concat((ForbiddenSignals ?? []).Select((code, i) => ($"forbidden_signals[{i}]", code ?? "")));

    /// <summary>More pinned or forbidden programs than any specialty's signals make no sense; this bounds the input.</summary>
    public const int MaxPrograms = 60;

    public static FieldErrors Validate(ChooseStrategy c, Stamp stamp)
    {
        var errors = new FieldErrors();
        var pinned = c.PinnedSignals ?? [];
        var forbidden = c.ForbiddenSignals ?? [];
        if (pinned.Count > MaxPrograms) errors.Add("pinned_signals", $"at most {MaxPrograms} programs");
        if (forbidden.Count > MaxPrograms) errors.Add("forbidden_signals", $"at most {MaxPrograms} programs");
        for (var i = 0; i < pinned.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(pinned[i]?.ProgramCode)) errors.Add($"pinned_signals[{i}].program_code", "is required");
            else if (!IsProgramCode(pinned[i].ProgramCode)) errors.Add($"pinned_signals[{i}].program_code", $"'{pinned[i].ProgramCode}' is not a program code (e.g. 1484140C0)");
            if (pinned[i]?.Kind is { } kind && !Enum.IsDefined(kind)) errors.Add($"pinned_signals[{i}].kind", "must be gold or silver");
        }
        for (var i = 0; i < forbidden.Count; i++)
            if (!IsProgramCode(forbidden[i])) errors.Add($"forbidden_signals[{i}]", $"'{forbidden[i]}' is not a program code (e.g. 1484140C0)");
        Regions(errors, "pinned_regions", c.PinnedRegions);
        Regions(errors, "forbidden_regions", c.ForbiddenRegions);
        if ((c.PinnedRegions ?? []).Distinct(StringComparer.Ordinal).Count() > 3)
            errors.Add("pinned_regions", "at most 3 census divisions can be named");
        foreach (var key in (c.PinnedRegions ?? []).Intersect(c.ForbiddenRegions ?? [], StringComparer.Ordinal))
            errors.Add("forbidden_regions", $"'{key}' is both named and forbidden");
        foreach (var code in pinned.Where(p => p is not null).Select(p => p.ProgramCode).Intersect(forbidden, StringComparer.Ordinal))
            errors.Add("forbidden_signals", $"'{code}' is both signalled and forbidden");
        return errors;
    }

    public static Decision Decide(CandidateFile file, ChooseStrategy c, Stamp stamp)
    {
        var chosen = new StrategyChosen(file.Id,
            [.. (c.PinnedSignals ?? []).DistinctBy(p => p.ProgramCode)],
            [.. (c.ForbiddenSignals ?? []).Distinct(StringComparer.Ordinal)],
            [.. (c.PinnedRegions ?? []).Distinct(StringComparer.Ordinal)],
            [.. (c.ForbiddenRegions ?? []).Distinct(StringComparer.Ordinal)],
            stamp.By, stamp.At);
        var same = chosen.ToChoices() == file.Strategy;
        return same ? Decision.Append() : Decision.Append(chosen);
    }

    private static bool IsProgramCode(string? code) =>
        code is { Length: >= 4 and <= 12 } && code.All(char.IsAsciiLetterOrDigit);

    private static void Regions(FieldErrors errors, string field, IReadOnlyList<string>? keys)
    {
        var list = keys ?? [];
        for (var i = 0; i < list.Count; i++)
            if (!CensusDivisions.IsKnown(list[i] ?? ""))
                errors.Add($"{field}[{i}]", $"'{list[i]}' is not a census division: {string.Join(", ", CensusDivisions.All.Select(d => d.Key))}");
    }
}

public static class ChooseStrategyEndpoint
{
    [EndpointSummary("Fix parts of the application plan: signals and census divisions")]
    [WolverinePost("/api/candidates/{id}/strategy")]
    [Authorize(Policy = SmartPickPolicies.Staff)]
    public static Task<IResult> Post(Guid id, ChooseStrategy command, HttpContext http, CandidateFileDoor door, IDocumentSession session, IMessageBus bus, TimeProvider clock)
        => CandidateFileHttp.AppendAsync(http, door, session, bus, clock, id, command);
}
