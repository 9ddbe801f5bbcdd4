using Npgsql;

namespace SmartPick.Attacks;

/// <summary>One stored event as the integrity check compares it: its version, type and a hash of its data.</summary>
public sealed record StoredEvent(long Version, string Type, string DataHash);

/// <summary>The events of a set of streams at one moment, with each stream's recorded version, and the tenants' stream counts.</summary>
public sealed record LedgerSnapshot(
    IReadOnlyDictionary<Guid, IReadOnlyList<StoredEvent>> Events,
    IReadOnlyDictionary<Guid, long> StreamVersions,
    IReadOnlyDictionary<string, long> StreamsPerTenant);

/// <summary>
/// Reads the event store directly (schema <c>smartpick</c>, conjoined tenancy) to check streams before and after an
/// attack: nothing recorded earlier changed, versions run 1…n without a gap and match the stream's own version, and
/// no event was added beyond what the accepted requests explain. Events the list regeneration appends on its own
/// (a new outlook and list) are not counted as additions.
/// </summary>
public sealed class StreamLedger(string connectionString)
{
    public static bool IsDerived(string type) =>
        type.Contains("list_regenerated", StringComparison.Ordinal) || type.Contains("ranked_list_recorded", StringComparison.Ordinal);

    public async Task<LedgerSnapshot> SnapshotAsync(IEnumerable<Guid> streams, IEnumerable<string> tenants)
    {
        var ids = streams.Distinct().ToArray();
        var slugs = tenants.Distinct().ToArray();
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        // One transaction, so the events, the stream versions and the counts are the same moment.
        await using var tx = await conn.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
        var events = ids.ToDictionary(id => id, _ => new List<StoredEvent>());
        await using (var cmd = new NpgsqlCommand(
            "select stream_id, version, type, md5(data::text) from smartpick.mt_events where stream_id = any($1) order by stream_id, version", conn, tx))
        {
            cmd.Parameters.AddWithValue(ids);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) events[reader.GetGuid(0)].Add(new StoredEvent(reader.GetInt64(1), reader.GetString(2), reader.GetString(3)));
        }
        var versions = new Dictionary<Guid, long>();
        await using (var cmd = new NpgsqlCommand("select id, version from smartpick.mt_streams where id = any($1)", conn, tx))
        {
            cmd.Parameters.AddWithValue(ids);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) versions[reader.GetGuid(0)] = reader.GetInt64(1);
        }
        var counts = slugs.ToDictionary(s => s, _ => 0L);
        await using (var cmd = new NpgsqlCommand("select tenant_id, count(*) from smartpick.mt_streams where tenant_id = any($1) group by tenant_id", conn, tx))
        {
            cmd.Parameters.AddWithValue(slugs);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) counts[reader.GetString(0)] = reader.GetInt64(1);
        }
        await tx.CommitAsync();
        return new LedgerSnapshot(events.ToDictionary(e => e.Key, e => (IReadOnlyList<StoredEvent>)e.Value), versions, counts);
    }

    /// <summary>
    /// What went wrong between two snapshots; <paramref name="accepted"/> says how many requests were accepted per
    /// stream (each may add at most two events of its own), and <paramref name="newStreamsAllowed"/> per tenant.
    /// </summary>
    public static IReadOnlyList<string> Compare(LedgerSnapshot before, LedgerSnapshot after,
        IReadOnlyDictionary<Guid, int> accepted, IReadOnlyDictionary<string, int> newStreamsAllowed)
    {
        var problems = new List<string>();
        foreach (var (id, events) in after.Events)
        {
            var earlier = before.Events.GetValueOrDefault(id) ?? [];
            for (var i = 0; i < events.Count; i++)
            {
                if (events[i].Version != i + 1) problems.Add($"stream {id}: event {i + 1} has version {events[i].Version} (a gap or a duplicate)");
            }
            if (events.Count > 0 && after.StreamVersions.GetValueOrDefault(id) != events[^1].Version)
                problems.Add($"stream {id}: the stream says version {after.StreamVersions.GetValueOrDefault(id)}, its last event is {events[^1].Version}");
            foreach (var old in earlier)
            {
                var now = events.FirstOrDefault(e => e.Version == old.Version);
                if (now is null) problems.Add($"stream {id}: event {old.Version} ({old.Type}) is gone");
                else if (now != old) problems.Add($"stream {id}: event {old.Version} changed ({old.Type} → {now.Type})");
            }
            var added = events.Skip(earlier.Count).Count(e => !IsDerived(e.Type));
            var allowed = accepted.GetValueOrDefault(id) * 2;
            if (added > allowed) problems.Add($"stream {id}: {added} events added by {accepted.GetValueOrDefault(id)} accepted request(s)");
        }
        foreach (var (tenant, count) in after.StreamsPerTenant)
        {
            var grown = count - before.StreamsPerTenant.GetValueOrDefault(tenant);
            if (grown > newStreamsAllowed.GetValueOrDefault(tenant)) problems.Add($"tenant {tenant}: {grown} new stream(s) appeared");
        }
        return problems;
    }
}
