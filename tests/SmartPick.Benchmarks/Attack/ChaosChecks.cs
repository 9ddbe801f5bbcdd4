using System.Collections.Concurrent;
using System.Globalization;
using Npgsql;
using SmartPick.Benchmarks.Harness;

namespace SmartPick.Benchmarks.Attack;

/// <summary>Writes the host acknowledged (a 2xx reached the client), by what makes each findable in the event store.</summary>
public sealed class Acknowledged
{
    public ConcurrentDictionary<Guid, bool> Files { get; } = new();
    public ConcurrentDictionary<Guid, bool> NudgeDueFiles { get; } = new();
    public ConcurrentDictionary<string, Guid> Notes { get; } = new(StringComparer.Ordinal);
    public ConcurrentDictionary<string, Guid> Usce { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<int, int> RefusedByStatus { get; } = new();

    /// <summary>Every write acknowledged so far (files, notes and USCE).</summary>
    public int Count => Files.Count + Notes.Count + Usce.Count;

    /// <summary>A refusal (a 409 on a stale version, say) is no loss: it was never acknowledged. Counted for the report.</summary>
    public void Refused(HttpResponseMessage response) => RefusedByStatus.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);

    public string Describe() => $"{Files.Count} files ({NudgeDueFiles.Count} with a nudge due), {Notes.Count} notes, {Usce.Count} USCE" +
        (RefusedByStatus.IsEmpty ? "" : "; refused: " + string.Join(", ", RefusedByStatus.OrderBy(r => r.Key).Select(r => $"{r.Key} × {r.Value}")));
}

/// <summary>What the event store, the durable inbox and the SMTP sink hold after a run, as the checks compare it with the ledger.</summary>
public sealed record StoreFacts(
    IReadOnlySet<Guid> Streams, IReadOnlySet<string> NoteTexts, IReadOnlySet<string> UsceInstitutions,
    int StreamsWithGaps, int ListsNotRegenerated, long DeadLetters, long InboxNotHandled, IReadOnlyList<string> MailKeys)
{
    /// <summary>Appends that failed after taking their sequence numbers, which Marten marked with tombstone events (see <see cref="Figures.TombstonesQuery"/>).</summary>
    public long Tombstones { get; init; }
}

/// <summary>The run's verdict: what was lost, broken or sent twice.</summary>
public sealed record Figures(int FilesLost, int NotesLost, int UsceLost, int StreamsWithGaps, int ListsNotRegenerated, long DeadLetters,
    long InboxNotHandled, int NudgesLost, int DuplicateNudges, int MailsReceived, int NudgesExpected)
{
    /// <summary>The nudge key the product gives the rank-list nudge of a file (X-SmartPick-Nudge-Key).</summary>
    public static string NudgeKey(string organization, Guid file) => $"nudge:{organization}:{file:N}:rank-list:2027:14d";

    /// <summary>Compares the ledger with what the store and the sink hold.</summary>
    public static Figures Of(Acknowledged ack, StoreFacts facts, string organization)
    {
        var received = facts.MailKeys.ToHashSet(StringComparer.Ordinal);
        var expected = ack.NudgeDueFiles.Keys.Select(id => NudgeKey(organization, id)).ToHashSet(StringComparer.Ordinal);
        return new Figures(
            ack.Files.Keys.Count(f => !facts.Streams.Contains(f)),
            ack.Notes.Keys.Count(n => !facts.NoteTexts.Contains(n)),
            ack.Usce.Keys.Count(u => !facts.UsceInstitutions.Contains(u)),
            facts.StreamsWithGaps, facts.ListsNotRegenerated, facts.DeadLetters, facts.InboxNotHandled,
            expected.Count(k => !received.Contains(k)),
            facts.MailKeys.GroupBy(k => k, StringComparer.Ordinal).Sum(g => g.Count() - 1),
            facts.MailKeys.Count, expected.Count) { Tombstones = facts.Tombstones };
    }

    /// <summary>Failed appends Marten marked with tombstones: reported, not a failure (nothing acknowledged was in them).</summary>
    public long Tombstones { get; init; }

    public bool Clean(int kills) => FilesLost + NotesLost + UsceLost + StreamsWithGaps + ListsNotRegenerated + NudgesLost == 0
                                    && DeadLetters == 0 && InboxNotHandled == 0 && DuplicateNudges <= kills;

    public string Describe(int kills) =>
        $"""
         | Check | Count |
         |---|---:|
         | acknowledged files lost | {FilesLost} |
         | acknowledged notes lost | {NotesLost} |
         | acknowledged USCE lost | {UsceLost} |
         | streams with a gap or a version mismatch | {StreamsWithGaps} |
         | files whose list regeneration never considered their last acknowledged USCE | {ListsNotRegenerated} |
         | messages dead-lettered | {DeadLetters} |
         | inbox messages not handled after the drain | {InboxNotHandled} |
         | nudges due (files acknowledged with a season and an interview) | {NudgesExpected} |
         | nudges lost | {NudgesLost} |
         | nudges received twice or more (extra copies; allowed: ≤ 1 per kill = {kills}) | {DuplicateNudges} |
         | mails received | {MailsReceived} |
         | appends that failed and that Marten marked with tombstone events (never acknowledged; not a gap) | {Tombstones} |
         """;

    /// <summary>Reads the facts of one organization from the database and the sink.</summary>
    public static async Task<StoreFacts> ReadAsync(string cs, IEnumerable<string> mailKeys, string organization)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        var streams = new HashSet<Guid>();
        await using (var cmd = new NpgsqlCommand("select id from smartpick.mt_streams where tenant_id = $1", conn))
        {
            cmd.Parameters.AddWithValue(organization);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) streams.Add(reader.GetGuid(0));
        }
        var notes = await TextsAsync(conn, "advisor_note_added", "Text", organization);
        var usce = await TextsAsync(conn, "usce_added", "Institution", organization);
        var gaps = (int)await ScalarAsync(conn, GapsQuery, organization);
        var tombstones = await ScalarAsync(conn, TombstonesQuery, organization);
        // A file whose last USCE is newer than what its list regeneration last considered (its mark's version; a
        // regeneration that finds the list unchanged appends nothing but still moves the mark): a regeneration lost.
        var stale = (int)await ScalarAsync(conn, """
            select count(*) from (
              select e.stream_id, max(e.version) filter (where e.type = 'usce_added') as last_usce, (m.data->>'UpToVersion')::bigint as mark
              from smartpick.mt_events e
              left join smartpick.mt_doc_listregenerationmark m on m.id = e.stream_id and m.tenant_id = e.tenant_id
              where e.tenant_id = $1 group by e.stream_id, m.data) files
            where last_usce is not null and (mark is null or mark < last_usce)
            """, organization);
        var deadLetters = await ScalarAsync(conn, "select count(*) from smartpick.wolverine_dead_letters", null);
        var notHandled = await ScalarAsync(conn, "select count(*) from smartpick.wolverine_incoming_envelopes where status <> 'Handled'", null);
        return new StoreFacts(streams, notes, usce, gaps, stale, deadLetters, notHandled, mailKeys.ToList()) { Tombstones = tombstones };
    }

    /// <summary>
    /// Streams of the organization whose events do not run 1, 2, … up to the stream's version. Marten's own markers
    /// are left out: when an append fails after it took its sequence numbers (a lost race, a timeout), Marten writes
    /// "tombstone" events with those numbers into a stream of their own (no type, version 0, each event's version its
    /// sequence number) so the async daemon does not wait on the hole; such a stream never held a candidate's event.
    /// </summary>
    public const string GapsQuery = """
        select count(*) from (
          select s.id from smartpick.mt_streams s left join smartpick.mt_events e on e.stream_id = s.id and e.tenant_id = s.tenant_id
          where s.tenant_id = $1
            and not exists (select 1 from smartpick.mt_events t where t.stream_id = s.id and t.tenant_id = s.tenant_id and t.type = 'tombstone')
          group by s.id, s.version
          having count(e.seq_id) <> s.version or coalesce(max(e.version), 0) <> s.version or coalesce(min(e.version), 1) <> 1) broken
        """;

    /// <summary>How many tombstone events Marten wrote for the organization: one per sequence number of a failed append.</summary>
    public const string TombstonesQuery = "select count(*) from smartpick.mt_events where tenant_id = $1 and type = 'tombstone'";

    /// <summary>Runs one of the count queries above for <paramref name="organization"/>.</summary>
    public static Task<long> CountAsync(NpgsqlConnection conn, string query, string organization) => ScalarAsync(conn, query, organization);

    private static async Task<HashSet<string>> TextsAsync(NpgsqlConnection conn, string type, string field, string tenant)
    {
        var texts = new HashSet<string>(StringComparer.Ordinal);
        await using var cmd = new NpgsqlCommand($"select data->>'{field}' from smartpick.mt_events where type = $1 and tenant_id = $2", conn);
        cmd.Parameters.AddWithValue(type);
        cmd.Parameters.AddWithValue(tenant);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) if (!reader.IsDBNull(0)) texts.Add(reader.GetString(0));
        return texts;
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection conn, string sql, string? parameter)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        if (parameter is not null) cmd.Parameters.AddWithValue(parameter);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
