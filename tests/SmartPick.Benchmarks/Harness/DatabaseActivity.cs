using System.Globalization;
using System.Text;
using Npgsql;

namespace SmartPick.Benchmarks.Harness;

/// <summary>
/// PostgreSQL's own counters for the harness's database (pg_stat_database, pg_stat_user_tables) before and after
/// a measurement, divided by the operations done: transactions, rows read and written per table, sequential
/// scans. A profile of where the database time goes that needs no server extension.
/// </summary>
public sealed class DatabaseActivity
{
    private readonly string _connectionString;
    private readonly Snapshot _start;

    private DatabaseActivity(string connectionString, Snapshot start)
    {
        _connectionString = connectionString;
        _start = start;
    }

    public static async Task<DatabaseActivity> StartAsync(string connectionString) => new(connectionString, await TakeAsync(connectionString));

    /// <summary>The counters' growth per operation, as a few report lines (the busiest tables first).</summary>
    public async Task<string> PerOperationAsync(long operations, string? excludeTable = null)
    {
        var end = await TakeAsync(_connectionString);
        if (operations <= 0) return "no operations";
        var inv = CultureInfo.InvariantCulture;
        double Per(long v) => (double)v / operations;
        var s = new StringBuilder();
        s.Append(string.Create(inv, $"per operation: {Per(end.Commits - _start.Commits):F1} commits, {Per(end.Returned - _start.Returned):F0} rows returned by scans, {Per(end.Fetched - _start.Fetched):F1} rows fetched by index, {Per(end.BlocksHit - _start.BlocksHit):F0} buffer hits"));
        var tables = end.Tables
            .Where(t => t.Key != excludeTable)
            .Select(t => (Name: t.Key, Delta: t.Value.Minus(_start.Tables.GetValueOrDefault(t.Key) ?? TableCounters.Zero)))
            .Where(t => t.Delta.Total > 0)
            .OrderByDescending(t => t.Delta.Total)
            .Take(8)
            .ToList();
        foreach (var (name, d) in tables)
        {
            s.Append(string.Create(inv, $"; {name}: {Per(d.Inserted):F1} ins, {Per(d.Updated):F1} upd, {Per(d.Deleted):F1} del, {Per(d.IndexScans):F1} index scans, {Per(d.SeqScans):F2} seq scans ({Per(d.SeqRead):F0} rows read)"));
        }
        return s.ToString();
    }

    private sealed record TableCounters(long SeqScans, long SeqRead, long IndexScans, long Inserted, long Updated, long Deleted)
    {
        public static readonly TableCounters Zero = new(0, 0, 0, 0, 0, 0);
        public long Total => SeqScans + IndexScans + Inserted + Updated + Deleted;

        public TableCounters Minus(TableCounters o) => new(SeqScans - o.SeqScans, SeqRead - o.SeqRead, IndexScans - o.IndexScans,
            Inserted - o.Inserted, Updated - o.Updated, Deleted - o.Deleted);
    }

    private sealed record Snapshot(long Commits, long Returned, long Fetched, long BlocksHit, Dictionary<string, TableCounters> Tables);

    private static async Task<Snapshot> TakeAsync(string cs)
    {
        // Backends publish their counters when idle, at most about once a second.
        await Task.Delay(1500);
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using (var clear = new NpgsqlCommand("select pg_stat_clear_snapshot()", conn)) await clear.ExecuteNonQueryAsync();
        long commits, returned, fetched, hits;
        await using (var db = new NpgsqlCommand("select xact_commit, tup_returned, tup_fetched, blks_hit from pg_stat_database where datname = current_database()", conn))
        await using (var r = await db.ExecuteReaderAsync())
        {
            await r.ReadAsync();
            (commits, returned, fetched, hits) = (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3));
        }
        var tables = new Dictionary<string, TableCounters>(StringComparer.Ordinal);
        await using (var t = new NpgsqlCommand(
            "select schemaname || '.' || relname, coalesce(seq_scan, 0), coalesce(seq_tup_read, 0), coalesce(idx_scan, 0), n_tup_ins, n_tup_upd, n_tup_del from pg_stat_user_tables", conn))
        await using (var r = await t.ExecuteReaderAsync())
        {
            while (await r.ReadAsync())
            {
                tables[r.GetString(0)] = new TableCounters(r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6));
            }
        }
        return new Snapshot(commits, returned, fetched, hits, tables);
    }
}
