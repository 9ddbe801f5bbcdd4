using SmartPick.Advising.CandidateFiles;
using Marten;
using Marten.Linq;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using SmartPick.Advising.Views;
using SmartPick.Contracts;
using SmartPick.Matching.Stages;
using Wolverine.Http;

namespace SmartPick.Advising.Queries;

public sealed record CandidatePage(int Page, int PageSize, long Total, IReadOnlyList<CandidateRowResponse> Candidates);

/// <summary>The cohort list: filter by status, risk, specialty or a name/email search; sort; page.</summary>
public static class ListCandidatesEndpoint
{
    public const int MaxPageSize = 100;
    private static readonly string[] Sorts = ["name", "-name", "p_match", "-p_match", "last_activity", "-last_activity"];

    [EndpointSummary("List the candidate files: filter by status, risk, specialty or name, sort and page")]
    [WolverineGet("/api/candidates")]
    [Authorize(Policy = SmartPickPolicies.Staff)]
    public static async Task<IResult> Get(IQuerySession session, CancellationToken ct,
        [FromQuery] string? status = null, [FromQuery] string? risk = null, [FromQuery] string? specialty = null,
        [FromQuery] string? q = null, [FromQuery] string? sort = null, [FromQuery] int? page = null,
        [FromQuery(Name = "page_size")] int? pageSize = null)
    {
        var errors = new FieldErrors().KnownSpecialty("specialty", specialty).MaxLength("q", q, 200).Range("page", page, 1, 100_000)
            .Range("page_size", pageSize, 1, MaxPageSize);
        var statusFilter = Parse<CandidateStatus>(errors, "status", status);
        var riskFilter = Parse<RiskLevel>(errors, "risk", risk);
        if (sort is not null && !Sorts.Contains(sort)) errors.Add("sort", "must be one of " + string.Join(", ", Sorts));
        if (errors.Any) return Results.ValidationProblem(errors.ToDictionary());

        IQueryable<CandidateSummary> query = session.Query<CandidateSummary>().Stats(out QueryStatistics stats);
        if (statusFilter is { } st) query = query.Where(x => x.Status == st);
        else query = query.Where(x => x.Status != CandidateStatus.Archived);
        if (riskFilter is { } rk) query = query.Where(x => x.Risk == rk);
        if (specialty is not null) query = query.Where(x => x.TargetSpecialties.Contains(specialty));
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            query = query.Where(x => x.Name.Contains(text, StringComparison.OrdinalIgnoreCase) || x.Email.Contains(text, StringComparison.OrdinalIgnoreCase));
        }
        query = (sort ?? "name") switch
        {
            "-name" => query.OrderByDescending(x => x.Name).ThenBy(x => x.Id),
            "p_match" => query.OrderBy(x => x.PMatch).ThenBy(x => x.Id),
            "-p_match" => query.OrderByDescending(x => x.PMatch).ThenBy(x => x.Id),
            "last_activity" => query.OrderBy(x => x.LastActivityAt).ThenBy(x => x.Id),
            "-last_activity" => query.OrderByDescending(x => x.LastActivityAt).ThenBy(x => x.Id),
            _ => query.OrderBy(x => x.Name).ThenBy(x => x.Id),
        };
        var size = pageSize ?? 25;
        var number = page ?? 1;
        var rows = await query.Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return Results.Ok(new CandidatePage(number, size, stats.TotalResults, rows.Select(CandidateRowResponse.From).ToList()));
    }

    private static TEnum? Parse<TEnum>(FieldErrors errors, string field, string? value) where TEnum : struct, Enum
    {
        if (value is null) return null;
        foreach (var name in Enum.GetNames<TEnum>())
            if (AdvisingJson.SnakeCase(name) == value) return Enum.Parse<TEnum>(name);
        errors.Add(field, "must be one of " + string.Join(", ", Enum.GetNames<TEnum>().Select(AdvisingJson.SnakeCase)));
        return null;
    }
}
