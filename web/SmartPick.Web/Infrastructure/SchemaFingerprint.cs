using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace SmartPick.Web.Infrastructure;

/// <summary>
/// Remembers, per database, which build last brought the database schema up to date, so a restart of the
/// same build skips the full schema comparison (Marten's documents and event store, Wolverine's envelope
/// tables, Hangfire's tables): about a second and a half of a five-second start.
/// </summary>
/// <remarks>
/// The fingerprint hashes the module version ids of every assembly that decides the schema (the product's
/// own and the storage libraries'), which change whenever their code does, and the environment name.
/// A new build, a new library version or another environment therefore runs the full check once and then
/// records itself. Document tables are still checked lazily on first use (Marten's CreateOrUpdate), so a
/// table dropped by hand comes back; the record is only a shortcut for the start-up pass.
/// </remarks>
public static class SchemaFingerprint
{
    /// <summary>The table holding the fingerprint, beside the event store.</summary>
    public const string Table = "smartpick.schema_fingerprint";

    /// <summary>The assemblies whose code decides the database schema.</summary>
    public static IReadOnlyList<Assembly> SchemaAssemblies { get; } =
    [
        typeof(SchemaFingerprint).Assembly,
        typeof(SmartPick.Contracts.SmartPickRoles).Assembly,
        typeof(SmartPick.Advising.AdvisingModule).Assembly,
        typeof(SmartPick.Catalog.CatalogModule).Assembly,
        typeof(SmartPick.Nudges.NudgesModule).Assembly,
        typeof(Marten.DocumentStore).Assembly,
        typeof(Weasel.Postgresql.PostgresqlDatabase).Assembly,
        typeof(Wolverine.WolverineOptions).Assembly,
        typeof(Wolverine.Marten.MartenIntegration).Assembly,
        typeof(JasperFx.Events.IEvent).Assembly,
        typeof(Hangfire.PostgreSql.PostgreSqlStorage).Assembly,
    ];

    public static string Compute(string environmentName) => Compute(environmentName, SchemaAssemblies);

    public static string Compute(string environmentName, IEnumerable<Assembly> assemblies)
    {
        var text = new StringBuilder(environmentName);
        foreach (var assembly in assemblies.OrderBy(a => a.FullName, StringComparer.Ordinal))
        {
            text.Append('|').Append(assembly.GetName().Name).Append(':').Append(assembly.ManifestModule.ModuleVersionId);
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>
    /// Whether this database's schema was last brought up to date by the build with this fingerprint.
    /// Any doubt (no table yet, no database, no connection) answers false, so the full check runs and
    /// reports whatever is wrong in its own words.
    /// </summary>
    public static async Task<bool> IsCurrentAsync(string connectionString, string fingerprint, CancellationToken ct = default)
    {
        try
        {
            await using var conn = new NpgsqlConnection(connectionString);
            await conn.OpenAsync(ct);
            await using (var exists = new NpgsqlCommand($"select to_regclass('{Table}') is not null", conn))
            {
                if (!(bool)(await exists.ExecuteScalarAsync(ct))!) return false;
            }
            await using var read = new NpgsqlCommand($"select fingerprint from {Table} where id = 1", conn);
            return await read.ExecuteScalarAsync(ct) is string stored && stored == fingerprint;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Records that the schema is now up to date for this fingerprint (after a full check succeeded).</summary>
    public static async Task RecordAsync(string connectionString, string fingerprint, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand(
            $"""
             create schema if not exists smartpick;
             create table if not exists {Table} (id int primary key check (id = 1), fingerprint text not null, applied_at timestamptz not null);
             insert into {Table} (id, fingerprint, applied_at) values (1, @fingerprint, @at)
             on conflict (id) do update set fingerprint = excluded.fingerprint, applied_at = excluded.applied_at;
             """, conn);
        cmd.Parameters.AddWithValue("fingerprint", fingerprint);
        cmd.Parameters.AddWithValue("at", at);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
