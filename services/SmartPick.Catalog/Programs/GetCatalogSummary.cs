using Marten;
using Microsoft.AspNetCore.Authorization;
using SmartPick.Contracts;
using Wolverine.Http;

namespace SmartPick.Catalog.Programs;

/// <summary>The organization's catalog at a glance: version, label ("demo" while seeded), size and how it splits by specialty and state.</summary>
public sealed record CatalogSummary(
    string CatalogVersion,
    int VersionNumber,
    string Label,
    int ProgramCount,
    string LastSource,
    CatalogActor? LastChangedBy,
    DateTimeOffset? LastChangedAt,
    IReadOnlyDictionary<string, int> BySpecialty,
    IReadOnlyDictionary<string, int> ByState);

public static class GetCatalogSummary
{
    [WolverineGet("/api/catalog")]
    [Authorize(Policy = SmartPickPolicies.Staff)]
    public static async Task<CatalogSummary> Get(IQuerySession session, OrganizationCatalogs catalogs, CancellationToken ct)
    {
        var state = await session.LoadAsync<CatalogState>(CatalogStream.Id, ct) ?? new CatalogState();
        var catalog = await catalogs.ProgramsAtAsync(session, state.CatalogVersion, ct);
        return new CatalogSummary(catalog.Version, state.VersionNumber, state.Label, catalog.Programs.Count, state.LastSource,
            state.LastChangedBy, state.LastChangedAt,
            Count(catalog.Programs.Select(p => p.SpecialtyCode)),
            Count(catalog.Programs.Select(p => p.State.Length == 0 ? "unknown" : p.State)));
    }

    private static SortedDictionary<string, int> Count(IEnumerable<string> keys) =>
        new(keys.GroupBy(k => k, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal), StringComparer.Ordinal);
}
