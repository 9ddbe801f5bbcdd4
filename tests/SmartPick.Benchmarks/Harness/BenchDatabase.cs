using Npgsql;

namespace SmartPick.Benchmarks.Harness;

/// <summary>A database of the harness's own, dropped and created anew so every run starts from nothing.</summary>
public static class BenchDatabase
{
    public static async Task RecreateAsync(string connectionString)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var name = target.Database ?? throw new HarnessUsageException("The connection string names no database.");
        if (!name.Contains("bench", StringComparison.Ordinal) && !name.Contains("rebuild", StringComparison.Ordinal))
        {
            // A guard: this drops the database, so it only touches names that say they are the harness's.
            throw new HarnessUsageException($"Refusing to drop '{name}': a harness database name contains 'bench' or 'rebuild'.");
        }
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        await using var conn = new NpgsqlConnection(admin);
        await conn.OpenAsync();
        await Execute(conn, $"drop database if exists \"{name}\" with (force)");
        await Execute(conn, $"create database \"{name}\"");
    }

    public static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task Execute(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
