using Marten;
using Npgsql;

namespace SmartPick.Advising.Views;

/// <summary>
/// Views whose stored shape or meaning changed between builds carry a layout number. Before the daemon starts, a view
/// stored under an earlier layout is rebuilt from the events: the cohort rows (inline) by Marten's rebuild, the
/// organization's dashboard (daemon) by clearing it so the daemon's first pass builds it again. Without this, rows
/// kept under the earlier layout would show risk levels of the old meaning or fail to load.
/// </summary>
/// <remarks>Layout 2: risk levels became on track / watch / act / none, read from the stage-aware outlook.</remarks>
public static class ViewLayouts
{
    /// <summary>The table recording each view's layout, beside the event store.</summary>
    public const string Table = "view_layout";

    public const int CandidateSummaryLayout = 2;
    public const int CohortDashboardLayout = 2;

    /// <summary>The views and their current layouts.</summary>
    public static IReadOnlyDictionary<Type, int> Current { get; } = new Dictionary<Type, int>
    {
        [typeof(CandidateSummary)] = CandidateSummaryLayout,
        [typeof(CohortDashboard)] = CohortDashboardLayout,
    };

    /// <summary>
    /// Brings every view to its current layout; returns the views that were rebuilt or cleared. Idempotent; on a new
    /// database (or one whose views hold nothing yet) it only records the layouts.
    /// </summary>
    public static async Task<IReadOnlyList<string>> PrepareAsync(IDocumentStore store, CancellationToken ct)
    {
        var schema = store.Options.DatabaseSchemaName;
        var table = $"{schema}.{Table}";
        var progression = $"{schema}.mt_event_progression";
        var changed = new List<string>();
        var toRebuild = new List<Type>();

        await using (var conn = store.Storage.Database.CreateConnection())
        {
            await conn.OpenAsync(ct);
            await using var tx = await conn.BeginTransactionAsync(ct);
            await using (var turn = new NpgsqlCommand("select pg_advisory_xact_lock(hashtext('smartpick.view-layouts'))", conn, tx))
                await turn.ExecuteNonQueryAsync(ct);
            await using (var create = new NpgsqlCommand($"create schema if not exists {schema}; create table if not exists {table} (name text primary key, layout int not null)", conn, tx))
                await create.ExecuteNonQueryAsync(ct);

            foreach (var (type, layout) in Current)
            {
                var name = type.Name;
                int? stored = null;
                await using (var read = new NpgsqlCommand($"select layout from {table} where name = @name", conn, tx))
                {
                    read.Parameters.AddWithValue("name", name);
                    if (await read.ExecuteScalarAsync(ct) is int value) stored = value;
                }
                if (stored == layout) continue;

                var documents = store.Options.FindOrResolveDocumentType(type).TableName.QualifiedName;
                if (!await TableMissingAsync(conn, tx, documents, ct) && await HasRowsAsync(conn, tx, documents, ct))
                {
                    if (type == typeof(CohortDashboard))
                    {
                        // A daemon view: cleared with its progress, the daemon builds it again from the first event.
                        await using (var delete = new NpgsqlCommand($"delete from {documents}", conn, tx))
                            await delete.ExecuteNonQueryAsync(ct);
                        if (!await TableMissingAsync(conn, tx, progression, ct))
                        {
                            await using var forget = new NpgsqlCommand($"delete from {progression} where name like @name", conn, tx);
                            forget.Parameters.AddWithValue("name", $"{name}:%");
                            await forget.ExecuteNonQueryAsync(ct);
                        }
                    }
                    else
                    {
                        toRebuild.Add(type);
                    }
                    changed.Add(name);
                }
                await using var write = new NpgsqlCommand(
                    $"insert into {table} (name, layout) values (@name, @layout) on conflict (name) do update set layout = excluded.layout", conn, tx);
                write.Parameters.AddWithValue("name", name);
                write.Parameters.AddWithValue("layout", layout);
                await write.ExecuteNonQueryAsync(ct);
            }
            await tx.CommitAsync(ct);
        }

        // Inline views are rebuilt from the events by Marten, one pass over the streams.
        if (toRebuild.Count > 0)
        {
            using var daemon = await store.BuildProjectionDaemonAsync();
            foreach (var type in toRebuild)
                await daemon.RebuildProjectionAsync(type, TimeSpan.FromMinutes(10), ct);
        }
        return changed;
    }

    private static async Task<bool> TableMissingAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string table, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("select to_regclass(@t) is null", conn, tx);
        cmd.Parameters.AddWithValue("t", table);
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }

    private static async Task<bool> HasRowsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string table, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"select exists (select 1 from {table})", conn, tx);
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }
}
