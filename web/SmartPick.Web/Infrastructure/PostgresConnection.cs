using System.Data.Common;
using Npgsql;

namespace SmartPick.Web.Infrastructure;

/// <summary>How the host talks to PostgreSQL, beyond what the operator's connection string says.</summary>
public static class PostgresConnection
{
    /// <summary>How many statements each pooled connection keeps prepared.</summary>
    public const int AutoPrepared = 64;

    /// <summary>
    /// The connection string every part of the host uses. Npgsql prepares the statements a pooled connection runs
    /// again and again (a command is the same few statements each time: the stream lock, the loads, the event
    /// append, the view upserts), so PostgreSQL parses and plans each once per connection instead of once per
    /// command. Prepared statements survive the connection's return to the pool. An operator's own
    /// <c>Max Auto Prepare</c> is kept, including 0 to turn it off.
    /// </summary>
    public static string Tuned(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        // The keys as the operator wrote them (Npgsql's builder reports its default, 0, whether set or not).
        var written = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>();
        if (!written.Any(key => key.Replace(" ", "", StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
        {
            builder.MaxAutoPrepare = AutoPrepared;
            builder.AutoPrepareMinUsages = 2;
        }
        return builder.ConnectionString;
    }
}
