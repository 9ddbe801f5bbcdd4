using System.Diagnostics;
using System.Globalization;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Npgsql;
using SmartPick.Benchmarks.Harness;
using SmartPick.Nudges.Sweeps;

namespace SmartPick.Benchmarks.Attack;

/// <summary>
/// Two hosts on one database behind nginx, as production runs them (<c>Cluster__Enabled</c>: the async daemon in
/// HotCold, Wolverine Balanced, each with its Hangfire server, sharing their Data Protection keys), and what the
/// harness reads in the database to see which of them does the background work: the holder of the advisory locks of
/// the async daemon and Wolverine's leader, the node Wolverine's leader and durability agent are assigned to, the messages in the durable inbox a
/// node owns, the Hangfire server a job ran on. Each host's sessions carry its name (<c>smartpick-a</c>,
/// <c>smartpick-b</c>) as their application name, and each host's Wolverine node is the one that appeared when it started.
/// </summary>
public sealed class ChaosCluster : IAsyncDisposable
{
    private readonly string _cs;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly HostProcess[] _hosts;
    private readonly Guid[] _nodes;
    private readonly int[] _nodeNumbers;
    private readonly BackgroundJobClient _jobs;

    private ChaosCluster(string cs, IReadOnlyDictionary<string, string> settings, HostProcess[] hosts, Guid[] nodes, int[] nodeNumbers, NginxProxy proxy)
    {
        _cs = new NpgsqlConnectionStringBuilder(cs) { ApplicationName = "smartpick-harness" }.ConnectionString;
        _settings = settings;
        _hosts = hosts;
        _nodes = nodes;
        _nodeNumbers = nodeNumbers;
        Proxy = proxy;
        // Hangfire's log provider is process-wide, and the in-process host that provisioned the run set it to its own (disposed) loggers.
        Hangfire.Logging.LogProvider.SetCurrentLogProvider(new Silent());
        var options = new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = false };
        _jobs = new BackgroundJobClient(new PostgreSqlStorage(new NpgsqlConnectionFactory(_cs, options), options));
    }

    public static readonly string[] Names = ["a", "b"];

    public NginxProxy Proxy { get; }

    public string BaseUrl => Proxy.BaseUrl;

    public HostProcess Host(int index) => _hosts[index];

    /// <summary>The settings that make the hosts a cluster; the Data Protection keys are shared through <paramref name="keys"/>.</summary>
    public static Dictionary<string, string> Settings(IReadOnlyDictionary<string, string> settings, string keys) => new(settings)
    {
        ["Cluster__Enabled"] = "true",
        ["Hangfire__Server"] = "true",
        ["SMARTPICK_DATA_PROTECTION_KEYS"] = keys,
    };

    /// <summary>Starts host a, then host b (one after the other: each one's Wolverine node is the newest when it is ready), then nginx.</summary>
    public static async Task<ChaosCluster> StartAsync(string cs, IReadOnlyDictionary<string, string> settings, Action<string> progress)
    {
        var hosts = new HostProcess?[2];
        var nodes = new Guid[2];
        var numbers = new int[2];
        NginxProxy? proxy = null;
        try
        {
            for (var i = 0; i < 2; i++)
            {
                var host = hosts[i] = await HostProcess.StartAsync(cs, settings, Names[i]);
                (nodes[i], numbers[i]) = await NewestNodeAsync(cs);
                progress($"host {Names[i]} ready in {host.StartedIn.TotalSeconds:F1} s on port {host.Port} (pid {host.ProcessId}, Wolverine node {numbers[i]})");
            }
            proxy = await NginxProxy.StartAsync([hosts[0]!.Port, hosts[1]!.Port]);
            progress($"nginx in front of both at {proxy.BaseUrl}");
            return new ChaosCluster(cs, settings, [hosts[0]!, hosts[1]!], nodes, numbers, proxy);
        }
        catch
        {
            // Nothing started may outlive a failed start.
            if (proxy is not null) await proxy.DisposeAsync();
            foreach (var host in hosts) if (host is not null) await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>SIGKILL of one host; nginx finds it gone on its next connection.</summary>
    public Task KillAsync(int index) => _hosts[index].KillAsync();

    /// <summary>Starts the killed host again, on its port; returns how long it took to be ready.</summary>
    public async Task<TimeSpan> RestartAsync(int index)
    {
        await _hosts[index].DisposeAsync();
        _hosts[index] = await HostProcess.StartAsync(_cs, _settings, Names[index], _hosts[index].Port);
        (_nodes[index], _nodeNumbers[index]) = await NewestNodeAsync(_cs);
        return _hosts[index].StartedIn;
    }

    /// <summary>
    /// Which host's sessions hold the session-level advisory locks the hosts take (-1: neither, or both some): Marten's
    /// HotCold daemon lock and Wolverine's leadership lock. Their ids are computed by the libraries (not Marten's
    /// <c>DaemonLockId</c> itself), so the harness does not tell the two apart; whoever holds them runs the projections,
    /// which <see cref="DaemonProgressAsync"/> shows.
    /// </summary>
    public async Task<int> LockHolderAsync()
    {
        var holders = new List<string>();
        await using var conn = new NpgsqlConnection(_cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            select distinct a.application_name from pg_locks l join pg_stat_activity a on a.pid = l.pid
            where l.locktype = 'advisory' and l.granted and a.datname = current_database() and a.application_name like 'smartpick-%' and a.application_name <> 'smartpick-harness'
            """, conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) holders.Add(reader.GetString(0));
        return holders.Count == 1 ? Array.FindIndex(Names, n => holders[0] == "smartpick-" + n) : -1;
    }

    /// <summary>Every advisory lock held now, by holder (for the report: what the hosts' sessions lock).</summary>
    public async Task<string> AdvisoryLocksAsync()
    {
        var rows = new List<string>();
        await using var conn = new NpgsqlConnection(_cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            select a.application_name, ((l.classid::bigint << 32) | l.objid::bigint) from pg_locks l join pg_stat_activity a on a.pid = l.pid
            where l.locktype = 'advisory' and l.granted and a.datname = current_database() order by 1, 2
            """, conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add($"{reader.GetString(0)}: {reader.GetInt64(1)}");
        return "advisory locks held: " + string.Join("; ", rows);
    }

    /// <summary>The sum of the async projections' progress (sequence numbers): it grows while some daemon works.</summary>
    public Task<long> DaemonProgressAsync() => ScalarAsync(
        "select coalesce(sum(last_seq_id), 0) from smartpick.mt_event_progression where name not like 'HighWater%'");

    /// <summary>The host (-1: none or a dead node) that Wolverine assigned an agent to: <c>wolverine://leader/</c>, or the database's durability agent.</summary>
    public async Task<int> AgentHostAsync(bool leader)
    {
        var node = await TextAsync(leader
            ? "select node_id::text from smartpick.wolverine_node_assignments where id = 'wolverine://leader/'"
            : "select node_id::text from smartpick.wolverine_node_assignments where id like 'wolverinedb://%' limit 1", null);
        return node is null ? -1 : Array.IndexOf(_nodes, Guid.Parse(node));
    }

    /// <summary>The durable-inbox messages a host's Wolverine node owns and has not handled.</summary>
    public async Task<List<Guid>> OwnedPendingAsync(int index)
    {
        var ids = new List<Guid>();
        await using var conn = new NpgsqlConnection(_cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("select id from smartpick.wolverine_incoming_envelopes where owner_id = $1 and status <> 'Handled'", conn);
        cmd.Parameters.AddWithValue(_nodeNumbers[index]);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids.Add(reader.GetGuid(0));
        return ids;
    }

    /// <summary>How many of <paramref name="ids"/> are still waiting (not handled, not gone).</summary>
    public async Task<int> StillPendingAsync(IReadOnlyList<Guid> ids)
    {
        if (ids.Count == 0) return 0;
        await using var conn = new NpgsqlConnection(_cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("select count(*) from smartpick.wolverine_incoming_envelopes where id = any($1) and status <> 'Handled'", conn);
        cmd.Parameters.AddWithValue(ids.ToArray());
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>Enqueues the product's Hangfire job that hands an organization's nudge sweep to Wolverine (what its hourly schedule runs).</summary>
    public string EnqueueSweepJob(string organization) => _jobs.Enqueue<NudgeSweepJob>(j => j.RunAsync(organization));

    /// <summary>A Hangfire job's state, and the host whose server last processed it (-1: none yet, or a host no longer running).</summary>
    public async Task<(string? State, int Host, int Pid)> JobAsync(string id)
    {
        var state = await TextAsync("select statename from hangfire.job where id = $1", long.Parse(id, CultureInfo.InvariantCulture));
        var server = await TextAsync(
            "select data->>'ServerId' from hangfire.state where jobid = $1 and name = 'Processing' order by id desc limit 1", long.Parse(id, CultureInfo.InvariantCulture));
        // A Hangfire server's id is "{machine}:{process id}:{guid}".
        var pid = server?.Split(':') is [_, var p, ..] && int.TryParse(p, CultureInfo.InvariantCulture, out var parsed) ? parsed : -1;
        return (state, Array.FindIndex(_hosts, h => !h.HasExited && h.ProcessId == pid), pid);
    }

    private static async Task<(Guid Id, int Number)> NewestNodeAsync(string cs)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("select id, node_number from smartpick.wolverine_nodes order by node_number desc limit 1", conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) throw new InvalidOperationException("A host in Cluster mode registered no Wolverine node");
        return (reader.GetGuid(0), reader.GetInt32(1));
    }

    private async Task<string?> TextAsync(string sql, object? parameter)
    {
        await using var conn = new NpgsqlConnection(_cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        if (parameter is not null) cmd.Parameters.AddWithValue(parameter);
        return await cmd.ExecuteScalarAsync() as string;
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(_cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private sealed class Silent : Hangfire.Logging.ILogProvider, Hangfire.Logging.ILog
    {
        public Hangfire.Logging.ILog GetLogger(string name) => this;
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }

    public async ValueTask DisposeAsync()
    {
        await Proxy.DisposeAsync();
        foreach (var host in _hosts) await host.DisposeAsync();
    }
}

/// <summary>What happened in one round of two hosts while one of them was dead, in seconds after the kill (null: not before it was back).</summary>
public sealed record Handover(
    string Victim, double DeadFor, int WritesWhileDown,
    bool VictimHeldLocks, double? LocksMoved, double? DaemonProgressed,
    bool VictimWasLeader, double? LeaderMoved, bool VictimHadDurabilityAgent, double? DurabilityAgentMoved,
    int InboxOwnedAtKill, int InboxHandledWhileDown, string? Job, string? JobState, string JobRanOn)
{
    /// <summary>Kills <paramref name="victim"/> (with <paramref name="kill"/>), brings it back (<paramref name="bringBack"/>) and watches the cluster meanwhile.</summary>
    public static async Task<Handover> WatchAsync(ChaosCluster cluster, int victim, Acknowledged ledger, string organization,
        Func<Task> kill, Func<Task<TimeSpan>> bringBack, bool enqueueJob)
    {
        var survivor = 1 - victim;
        var heldLocks = await cluster.LockHolderAsync() == victim;
        var wasLeader = await cluster.AgentHostAsync(leader: true) == victim;
        var hadAgent = await cluster.AgentHostAsync(leader: false) == victim;
        var progressAtKill = await cluster.DaemonProgressAsync();
        var writesAtKill = ledger.Count;
        await kill();
        var clock = Stopwatch.StartNew();
        // Owned by the dead node, so taken at the kill: what it held is what must be handed on.
        var owned = await cluster.OwnedPendingAsync(victim);
        var job = enqueueJob ? cluster.EnqueueSweepJob(organization) : null;
        double? lockMoved = null, progressed = null, leaderMoved = null, agentMoved = null;
        var handled = 0;
        var restart = bringBack();
        while (!restart.IsCompleted)
        {
            var at = clock.Elapsed.TotalSeconds;
            if (lockMoved is null && await cluster.LockHolderAsync() == survivor) lockMoved = at;
            if (progressed is null && await cluster.DaemonProgressAsync() > progressAtKill) progressed = at;
            if (leaderMoved is null && await cluster.AgentHostAsync(leader: true) == survivor) leaderMoved = at;
            if (agentMoved is null && await cluster.AgentHostAsync(leader: false) == survivor) agentMoved = at;
            handled = owned.Count - await cluster.StillPendingAsync(owned);
            await Task.WhenAny(restart, Task.Delay(250));
        }
        await restart;
        var deadFor = clock.Elapsed.TotalSeconds;
        var writes = ledger.Count - writesAtKill;
        string? state = null;
        var ranOn = "";
        if (job is not null)
        {
            int host, pid;
            (state, host, pid) = await cluster.JobAsync(job);
            ranOn = host == survivor ? "survivor" : host == victim ? "restarted host" : pid > 0 ? $"pid {pid}" : "not yet";
        }
        return new Handover(ChaosCluster.Names[victim], deadFor, writes, heldLocks, lockMoved, progressed, wasLeader, leaderMoved, hadAgent, agentMoved,
            owned.Count, handled, job, state, ranOn);
    }

    public string Describe() =>
        $"host {Victim} down {DeadFor:F1} s, {WritesWhileDown} writes acknowledged meanwhile; " +
        $"advisory locks {(VictimHeldLocks ? "were the killed host's, " : "")}all on the survivor {At(LocksMoved)}, projections advanced {At(DaemonProgressed)}; " +
        $"Wolverine leader {(VictimWasLeader ? "was the killed host's, " : "")}on the survivor {At(LeaderMoved)}, durability agent {(VictimHadDurabilityAgent ? "was the killed host's, " : "")}on the survivor {At(DurabilityAgentMoved)}; " +
        $"inbox owned by the killed node: {InboxOwnedAtKill}, handled while it was down: {InboxHandledWhileDown}" +
        (Job is null ? "" : $"; Hangfire job {Job}: {JobState ?? "?"} ({JobRanOn})");

    private static string At(double? seconds) => seconds is { } s ? $"after {s:F1} s" : "not before it was back";
}
