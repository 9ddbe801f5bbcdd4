using System.Data.Common;
using Npgsql;

namespace SmartPick.Web.Infrastructure;

/// <summary>How the host talks to PostgreSQL, beyond what the operator's connection string says.</summary>
public static class PostgresConnection
{
    /// <summary>
    /// How many statements each pooled connection prepares on its own: none. Npgsql 10.0.3's automatic preparation
    /// loses track of the statements it was preparing when a batch fails part-way (a value PostgreSQL refuses, such
    /// as U+0000 in text or jsonb); the connection then goes back to the pool out of step with the server, and a later,
    /// unrelated command on it fails with "Received unexpected backend message DataRow". Statements are parsed
    /// each time instead, which costs a little CPU and never a wrong answer.
    /// </summary>
    public const int AutoPrepared = 0;

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
    /// <item>Automatic statement preparation is off (<see cref="AutoPrepared"/> says why).</item>
    /// <item>Each pool is sized to what the database can run at once (<see cref="PooledConnections"/>), counting
    /// this machine's processors: right for a database on the same machine; an operator whose database has more
    /// cores sets <c>Maximum Pool Size</c> to about twice those.</item>
    /// </list>
    /// An operator's own <c>Max Auto Prepare</c> or <c>Maximum Pool Size</c> is kept (a <c>Max Auto Prepare</c> above 0
    /// brings back the failure described at <see cref="AutoPrepared"/>).
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
        }
        if (!Written("MaximumPoolSize", "MaxPoolSize"))
        {
            builder.MaxPoolSize = Math.Max(builder.MinPoolSize, PooledConnections(processors));
        }
        return builder.ConnectionString;
    }
}
