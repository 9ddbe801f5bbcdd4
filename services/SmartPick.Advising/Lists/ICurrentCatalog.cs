using Marten;

namespace SmartPick.Advising.Lists;

/// <summary>
/// The organization's current program catalog, as the engine needs it. Implemented and registered by the
/// catalog module; the session is already scoped to the tenant whose catalog is wanted.
/// </summary>
public interface ICurrentCatalog
{
    Task<SmartPick.Matching.Model.Catalog> ForTenantAsync(IQuerySession session, CancellationToken ct);
}

/// <summary>The program codes of the organization's current catalog, for the door's check of commands that name programs.</summary>
internal sealed class CurrentCatalogCodes(ICurrentCatalog catalogs) : SmartPick.Advising.CandidateFiles.IProgramCatalog
{
    public async Task<IReadOnlySet<string>> CodesAsync(IQuerySession session, CancellationToken ct)
    {
        var catalog = await catalogs.ForTenantAsync(session, ct);
        return catalog.Programs.Select(p => p.ProgramCode).ToHashSet(StringComparer.Ordinal);
    }
}
