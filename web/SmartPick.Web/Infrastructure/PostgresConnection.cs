using System.Data.Common;
using Npgsql;

namespace SmartPick.Web.Infrastructure;

/// <summary>How the host talks to PostgreSQL, beyond what the operator's connection string says.</summary>
public static class PostgresConnection
{
    /// <summary>How many statements each pooled connection keeps prepared.</summary>
    public const int AutoPrepared = 64;

    /// <summary>
    /// How many connections each of the host's pools opens at most, unless the operator says otherwise: twice the
    /// processors, plus two. PostgreSQL gets no more done with more commands running at once than it has cores to
    /// run them (and disks to wait on); beyond that, its backends take turns on the cores and every command takes
    /// longer. Past this many, a command waits in the pool, in order, for a connection to come back.
    /// </summary>
    public static int PooledConnections(int processors) => 2 * processors + 2;

    /// <summary>
    /// The connection string every part of the host uses.
    /// <list type="bullet">
    /// <item>Npgsql prepares the statements a pooled connection runs again and again (a command is the same few
    /// statements each time: the stream lock, the loads, the event append, the view upserts), so PostgreSQL parses
    /// and plans each once per connection instead of once per command. Prepared statements survive the connection's
    /// return to the pool.</item>
    /// <item>Each pool is sized to what the database can run at once (<see cref="PooledConnections"/>), counting
    /// this machine's processors: right for a database on the same machine; an operator whose database has more
    /// cores sets <c>Maximum Pool Size</c> to about twice those.</item>
    /// </list>
    /// An operator's own <c>Max Auto Prepare</c> or <c>Maximum Pool Size</c> is kept, including 0 to turn
    /// preparation off.
    /// </summary>
    public static string Tuned(string connectionString) => Tuned(connectionString, Environment.ProcessorCount);

    /// <summary>As <see cref="Tuned(string)"/>, for a machine with <paramref name="processors"/> processors.</summary>
    public static string Tuned(string connectionString, int processors)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        // The keys as the operator wrote them (Npgsql's builder reports its defaults whether set or not).
        var written = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(key => key.Replace(" ", "", StringComparison.Ordinal)).ToList();
        bool Written(params string[] names) => written.Any(key => names.Contains(key, StringComparer.OrdinalIgnoreCase));

        if (!Written("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = AutoPrepared;
            builder.AutoPrepareMinUsages = 2;
        }
        if (!Written("MaximumPoolSize", "MaxPoolSize"))
        {
            builder.MaxPoolSize = Math.Max(builder.MinPoolSize, PooledConnections(processors));
        }
        return builder.ConnectionString;
    }
}
