using Marten;
using Npgsql;

namespace SmartPick.Advising.Views;

/// <summary>
/// Before the daemon starts: when the composite of daemon views (<see cref="AdvisingModule.DaemonViews"/>) has no
/// progress of its own yet, its members' documents and any progress they kept under an earlier layout (kept
/// inline, or as separate async projections) are cleared, so that the daemon's first pass builds them all from
/// the first event. Without this, a database from an earlier build would either refuse the composite (its
/// members' progress rows already exist) or have the events applied a second time on top of the documents.
/// </summary>
public static class DaemonViewsStart
{
    /// <summary>The documents of the composite's members, as registered in <see cref="AdvisingModule.ConfigureMarten"/>.</summary>
    public static IReadOnlyList<Type> Members(IDocumentStore store)
        => ((StoreOptions)store.Options).Projections.All.Single(p => p.Name == AdvisingModule.DaemonViews).PublishedTypes().ToList();

    /// <summary>Returns whether anything was cleared. Idempotent; a no-op on a new database or once the composite has run.</summary>
    public static async Task<bool> PrepareAsync(IDocumentStore store, CancellationToken ct)
    {
        var schema = store.Options.DatabaseSchemaName;
        var progression = $"{schema}.mt_event_progression";
        var composite = $"{AdvisingModule.DaemonViews}:All";
        var members = Members(store);
        var memberShards = members.Select(t => $"{t.Name}:All").ToArray();
        var tables = members.Select(t => store.Options.FindOrResolveDocumentType(t).TableName.QualifiedName).ToArray();

        await using var conn = store.Storage.Database.CreateConnection();
        await conn.OpenAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        // Nodes starting together take turns.
        await using (var turn = new NpgsqlCommand("select pg_advisory_xact_lock(hashtext('smartpick.daemon-views-start'))", conn, tx))
        {
            await turn.ExecuteNonQueryAsync(ct);
        }
        // A new database (no progress table yet) or a composite that has run: nothing to do.
        if (await TableMissingAsync(conn, tx, progression, ct)) return false;
        await using (var check = new NpgsqlCommand($"select exists (select 1 from {progression} where name = @composite)", conn, tx))
        {
            check.Parameters.AddWithValue("composite", composite);
            if ((bool)(await check.ExecuteScalarAsync(ct))!) return false;
        }
        foreach (var table in tables)
        {
            if (await TableMissingAsync(conn, tx, table, ct)) continue;
            await using var delete = new NpgsqlCommand($"delete from {table}", conn, tx);
            await delete.ExecuteNonQueryAsync(ct);
        }
        await using (var forget = new NpgsqlCommand($"delete from {progression} where name = any(@names)", conn, tx))
        {
            forget.Parameters.AddWithValue("names", memberShards);
            await forget.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return true;
    }

    private static async Task<bool> TableMissingAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string table, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("select to_regclass(@t) is null", conn, tx);
        cmd.Parameters.AddWithValue("t", table);
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }
}
