using System.Diagnostics;
using Npgsql;

namespace SmartPick.Benchmarks.Harness;

/// <summary>
/// The list regenerations waiting in the durable inbox of the <c>advising-lists</c> queue (Wolverine keeps
/// envelopes in PostgreSQL, beside Marten in schema <c>smartpick</c>), and the lists appended so far.
/// </summary>
public sealed class ListQueue(string connectionString)
{
    private const string PendingSql =
        "select count(*) from smartpick.wolverine_incoming_envelopes where status <> 'Handled' and message_type like '%RegenerateList'";

    public Task<long> PendingAsync() => BenchDatabase.ScalarAsync(connectionString, PendingSql);

    public Task<long> ListsAppendedAsync() =>
        BenchDatabase.ScalarAsync(connectionString, "select count(*) from smartpick.mt_events where type = 'program_list_regenerated_v2'");

    /// <summary>Waits until no regeneration is pending; returns how long that took.</summary>
    public async Task<TimeSpan> DrainAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (await PendingAsync() > 0)
        {
            if (clock.Elapsed > timeout) throw new TimeoutException($"List regenerations still pending after {timeout.TotalSeconds:F0} s");
            await Task.Delay(100);
        }
        return clock.Elapsed;
    }

    /// <summary>A trivial query first, so a schema that does not exist yet fails here with a clear message.</summary>
    public async Task CheckAsync()
    {
        try
        {
            await PendingAsync();
        }
        catch (PostgresException e)
        {
            throw new InvalidOperationException("Cannot read the durable inbox (smartpick.wolverine_incoming_envelopes): " + e.MessageText, e);
        }
    }
}
