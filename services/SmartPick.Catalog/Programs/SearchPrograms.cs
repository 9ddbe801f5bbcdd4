using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using SmartPick.Contracts;
using SmartPick.Matching.Model;
using Wolverine.Http;

namespace SmartPick.Catalog.Programs;

using Catalog = SmartPick.Matching.Model.Catalog;

/// <summary>One page of programs matching a search, with the total and the catalog version searched.</summary>
public sealed record ProgramPage(string CatalogVersion, int Total, int Page, int PageSize, IReadOnlyList<ProgramView> Items);

/// <summary>
/// A catalog search: free text over code, name, institution and city; specialty by code or name; state
/// code; visa sponsorship stated as yes (j1, h1b or either; unknown does not count as yes). Pure.
/// </summary>
public sealed record ProgramSearch(string? Text, string? Specialty, string? State, string? Visa, int Page, int PageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;
    public static readonly IReadOnlyList<string> VisaValues = ["j1", "h1b", "either"];

    public FieldErrors Problems() => new FieldErrors()
        .Check(Page >= 1, "page", "must be 1 or more")
        .Check(PageSize is >= 1 and <= MaxPageSize, "page_size", $"must be from 1 to {MaxPageSize}")
        .Check(Visa is not { Length: > 0 } v || VisaValues.Contains(v.ToLowerInvariant()), "visa", "must be " + string.Join(", ", VisaValues))
        .Check(State is not { Length: > 0 } s || s.Trim().Length == 2, "state", "must be a two-letter state code")
        .Check(Sort is not { Length: > 0 } o || SortValues.Contains(o.ToLowerInvariant()), "sort", "must be " + string.Join(", ", SortValues));

    public bool Matches(CatalogProgram p)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (Text is { Length: > 0 } text)
        {
            var t = text.Trim();
            if (!p.ProgramCode.Contains(t, StringComparison.OrdinalIgnoreCase)
                && !p.ProgramName.Contains(t, StringComparison.OrdinalIgnoreCase)
                && !p.Institution.Contains(t, StringComparison.OrdinalIgnoreCase)
                && !p.City.Contains(t, StringComparison.OrdinalIgnoreCase))
                return false;
        }
        if (Specialty is { Length: > 0 } specialty
            && !string.Equals(p.SpecialtyCode, specialty.Trim(), StringComparison.OrdinalIgnoreCase)
            && !string.Equals(p.Specialty, specialty.Trim(), StringComparison.OrdinalIgnoreCase))
            return false;
        if (State is { Length: > 0 } state && !string.Equals(p.State, state.Trim(), StringComparison.OrdinalIgnoreCase)) return false;
        return (Visa ?? "").ToLowerInvariant() switch
        {
            "j1" => p.VisaJ1 == Tristate.Yes,
            "h1b" => p.VisaH1b == Tristate.Yes,
            "either" => p.VisaJ1 == Tristate.Yes || p.VisaH1b == Tristate.Yes,
            _ => true,
        };
    }

    /// <summary>The orders a search can take: the catalog's own (default), or by one column.</summary>
    public static readonly IReadOnlyList<string> SortValues = ["name", "state", "img_share", "min_step2ck", "interview_rate"];

    /// <summary>name, state, img_share (highest first), min_step2ck (lowest first, none last) or interview_rate (highest first, none last).</summary>
    public string? Sort { get; init; }

    private IEnumerable<CatalogProgram> Ordered(IEnumerable<CatalogProgram> programs) => (Sort ?? "").ToLowerInvariant() switch
    {
        "name" => programs.OrderBy(p => p.ProgramName, StringComparer.OrdinalIgnoreCase),
        "state" => programs.OrderBy(p => p.State.Length == 0).ThenBy(p => p.State, StringComparer.Ordinal).ThenBy(p => p.ProgramName, StringComparer.OrdinalIgnoreCase),
        "img_share" => programs.OrderBy(p => p.ImgShare is null).ThenByDescending(p => p.ImgShare),
        "min_step2ck" => programs.OrderBy(p => p.MinStep2Ck is null).ThenBy(p => p.MinStep2Ck),
        "interview_rate" => programs.OrderBy(p => p.NonUsImgInterviewRate is null).ThenByDescending(p => p.NonUsImgInterviewRate),
        _ => programs,
    };

    public ProgramPage Run(Catalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var matches = Ordered(catalog.Programs.Where(Matches)).ToList();
        var items = matches.Skip((Page - 1) * PageSize).Take(PageSize).Select(ProgramView.Of).ToList();
        return new ProgramPage(catalog.Version, matches.Count, Page, PageSize, items);
    }
}

public static class SearchPrograms
{
    public static ProgramSearch Load(string? q, string? specialty, string? state, string? visa, int? page,
        [FromQuery(Name = "page_size")] int? pageSize, string? sort) =>
        CatalogReads.Search(q, specialty, state, visa, page, pageSize) with { Sort = sort };

    public static IResult Validate(ProgramSearch search) =>
        search.Problems() is { Any: true } problems ? problems.ToProblem() : WolverineContinue.Result();

    [EndpointSummary("Search the catalog's programs by text, specialty, state or visa, sorted and paged")]
    [WolverineGet("/api/catalog/programs")]
    [Authorize(Policy = SmartPickPolicies.Staff)]
    public static Task<ProgramPage> Get(ProgramSearch search, IQuerySession session, OrganizationCatalogs catalogs, CancellationToken ct) =>
        CatalogReads.SearchAsync(search, session, catalogs, ct);
}
