using Marten;

namespace SmartPick.Advising.Queries;

/// <summary>
/// Reads a view kept by the daemon as of the last event written: the stored document plus any events the
/// daemon has not applied yet (Marten's FetchLatest), so a read right after a command already shows it.
/// </summary>
public static class LatestViews
{
    public static async Task<T?> LatestAsync<T>(this IQuerySession session, Guid id, CancellationToken ct = default) where T : class
    {
        if (session is IDocumentSession writable) return await writable.Events.FetchLatest<T>(id, ct);
        // FetchLatest needs a document session; a lightweight one of the same organization reads nothing else.
        await using var reader = session.DocumentStore.LightweightSession(session.TenantId);
        return await reader.Events.FetchLatest<T>(id, ct);
    }
}
