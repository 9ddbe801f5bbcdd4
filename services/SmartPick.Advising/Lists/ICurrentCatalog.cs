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
