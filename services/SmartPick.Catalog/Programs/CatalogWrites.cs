using Marten;
using SmartPick.Contracts;
using Wolverine;
using Wolverine.Marten.Publishing;

namespace SmartPick.Catalog.Programs;

/// <summary>
/// The catalog's writes for callers outside a Wolverine endpoint (the catalog pages): each opens the organization's
/// outboxed session, runs the same decision as its endpoint and commits the new version together with the message
/// it publishes, or commits nothing when the write is refused.
/// </summary>
public sealed class CatalogWrites(IDocumentStore store, OutboxedSessionFactory sessions, IMessageBus bus, OrganizationCatalogs catalogs, TimeProvider clock)
{
    public async Task<CatalogWrite<ProgramEdited>> EditProgramAsync(string tenant, string code, EditProgram command, RecordedBy by, CancellationToken ct)
    {
        await using var session = OpenSession(tenant);
        var outcome = await EditProgramEndpoint.EditAsync(code, command, session, bus, catalogs, by, clock.GetUtcNow(), ct);
        if (outcome.Accepted is not null) await session.SaveChangesAsync(ct);
        return outcome;
    }

    public async Task<CatalogWrite<CatalogImportResult>> ApplyImportAsync(string tenant, Guid importId, RecordedBy by, CancellationToken ct,
        int? confirmRemovals = null)
    {
        await using var session = OpenSession(tenant);
        var outcome = await ApplyCatalogImport.ApplyAsync(importId, session, bus, catalogs, by, clock.GetUtcNow(), ct, confirmRemovals);
        if (outcome.Accepted is not null) await session.SaveChangesAsync(ct);
        return outcome;
    }

    /// <summary>Stores the preview of an uploaded sheet (nothing is published, so no outbox is needed).</summary>
    public async Task<CatalogImportPreview> PreviewImportAsync(string tenant, UploadedSheet upload, RecordedBy by, CancellationToken ct,
        ImportMode mode = ImportMode.Update)
    {
        await using var session = store.LightweightSession(tenant);
        var preview = await PreviewCatalogImport.PreviewAsync(upload, session, catalogs, by, clock.GetUtcNow(), ct, mode);
        await session.SaveChangesAsync(ct);
        return preview;
    }

    /// <summary>The sheet of an import not yet applied, previewed again in <paramref name="mode"/> (see <see cref="PreviewCatalogImport.PreviewAgainAsync"/>).</summary>
    public async Task<CatalogWrite<CatalogImportPreview>> PreviewAgainAsync(string tenant, Guid importId, ImportMode mode, RecordedBy by, CancellationToken ct)
    {
        await using var session = store.LightweightSession(tenant);
        var outcome = await PreviewCatalogImport.PreviewAgainAsync(importId, mode, session, catalogs, by, clock.GetUtcNow(), ct);
        if (outcome.Accepted is not null) await session.SaveChangesAsync(ct);
        return outcome;
    }

    /// <summary>The preview of an import not yet applied, as it was shown; null when there is none.</summary>
    public async Task<CatalogImportPreview?> PreviewOfAsync(string tenant, Guid importId, CancellationToken ct)
    {
        await using var session = store.QuerySession(tenant);
        return await session.LoadAsync<CatalogImport>(importId, ct) is { AppliedAt: null } import ? CatalogImportPreview.Of(import) : null;
    }

    /// <summary>A session of <paramref name="tenant"/> whose messages published on the bus are stored in its own transaction.</summary>
    private IDocumentSession OpenSession(string tenant)
    {
        bus.TenantId = tenant;
        return sessions.OpenSession(bus);
    }
}
