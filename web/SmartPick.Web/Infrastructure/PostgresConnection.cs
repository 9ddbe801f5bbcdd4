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
        var setByOperator = connectionString.Split(';')
            .Any(part => part.Split('=')[0].Replace(" ", "", StringComparison.Ordinal).Trim().Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase));
        if (!setByOperator)
        {
            builder.MaxAutoPrepare = AutoPrepared;
            builder.AutoPrepareMinUsages = 2;
        }
        return builder.ConnectionString;
    }
}
