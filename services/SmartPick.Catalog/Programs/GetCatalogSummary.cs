using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using SmartPick.Contracts;
using Wolverine.Http;

namespace SmartPick.Catalog.Programs;

/// <summary>How many programs share one value (a specialty code, a state; "unknown" for an empty state).</summary>
public sealed record ProgramCount(string Key, int Count);

/// <summary>The organization's catalog at a glance: version, label ("demo" while seeded), size and how it splits by specialty and state.</summary>
public sealed record CatalogSummary(
    string CatalogVersion,
    int VersionNumber,
    string Label,
    int ProgramCount,
    string LastSource,
    RecordedBy? LastChangedBy,
    DateTimeOffset? LastChangedAt,
    IReadOnlyList<ProgramCount> BySpecialty,
    IReadOnlyList<ProgramCount> ByState);

public static class GetCatalogSummary
{
    [EndpointSummary("The catalog at a glance: its version, its size, and its programs by specialty and state")]
    [WolverineGet("/api/catalog")]
    [Authorize(Policy = SmartPickPolicies.Staff)]
    public static async Task<CatalogSummary> Get(IQuerySession session, OrganizationCatalogs catalogs, CancellationToken ct)
    {
        var state = await session.LoadAsync<CatalogState>(CatalogStream.Id, ct) ?? new CatalogState();
        var catalog = await catalogs.AtVersionAsync(session, state.CatalogVersion, ct);
        return new CatalogSummary(catalog.Version, state.VersionNumber, state.Label, catalog.Programs.Count, state.LastSource,
            state.LastChangedBy, state.LastChangedAt,
            Count(catalog.Programs.Select(p => p.SpecialtyCode)),
            Count(catalog.Programs.Select(p => p.State.Length == 0 ? "unknown" : p.State)));
    }

    // A list, not a map: state codes and specialty codes are data and must not pass through JSON key naming.
    private static List<ProgramCount> Count(IEnumerable<string> keys) =>
        keys.GroupBy(k => k, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new ProgramCount(g.Key, g.Count())).ToList();
}
