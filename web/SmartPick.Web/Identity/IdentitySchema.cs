using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using SmartPick.Contracts;

namespace SmartPick.Web.Identity;

/// <summary>
/// Creates the identity schema when it is missing. EF's EnsureCreated skips a database that already has
/// tables (the event store's), so the create script is run here, once, under an advisory lock so that
/// several nodes starting together do not race.
/// </summary>
public static class IdentitySchema
{
    private const long LockKey = 0x5350_4944; // "SPID"

    /// <summary>
    /// Whether the identity tables and every role already exist, in one plain query. A normal start then
    /// skips EF Core altogether: building its model costs a second or two that readiness need not wait for.
    /// </summary>
    public static async Task<bool> IsCompleteAsync(string connectionString, CancellationToken ct = default)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(ct);
        await using var tables = new NpgsqlCommand(
            $"select to_regclass('{IdentityDb.Schema}.\"AspNetUsers\"') is not null and to_regclass('{IdentityDb.Schema}.\"AspNetRoles\"') is not null", conn);
        if (!(bool)(await tables.ExecuteScalarAsync(ct))!) return false;
        await using var roles = new NpgsqlCommand(
            $"select count(*) from {IdentityDb.Schema}.\"AspNetRoles\" where \"NormalizedName\" = any(@names)", conn);
        // Identity's default normalizer upper-cases invariantly.
        roles.Parameters.AddWithValue("names", SmartPickRoles.All.Select(r => r.ToUpperInvariant()).ToArray());
        return (long)(await roles.ExecuteScalarAsync(ct))! == SmartPickRoles.All.Count;
    }

    public static async Task EnsureAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using (var lockCmd = new NpgsqlCommand($"select pg_advisory_lock({LockKey})", conn))
            {
                await lockCmd.ExecuteNonQueryAsync(ct);
            }

            await using var check = new NpgsqlCommand($"select to_regclass('{IdentityDb.Schema}.\"AspNetUsers\"') is not null", conn);
            var exists = (bool)(await check.ExecuteScalarAsync(ct))!;
            if (!exists)
            {
                var script = db.Database.GenerateCreateScript();
                await using var tx = await conn.BeginTransactionAsync(ct);
                await using (var create = new NpgsqlCommand($"create schema if not exists {IdentityDb.Schema};" + script, conn, tx))
                {
                    await create.ExecuteNonQueryAsync(ct);
                }
                await tx.CommitAsync(ct);
            }
        }
        finally
        {
            await using (var unlock = new NpgsqlCommand($"select pg_advisory_unlock({LockKey})", conn))
            {
                await unlock.ExecuteNonQueryAsync(ct);
            }
            await db.Database.CloseConnectionAsync();
        }
    }
}
