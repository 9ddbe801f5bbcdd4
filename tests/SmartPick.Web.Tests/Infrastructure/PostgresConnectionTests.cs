using Marten;
using Npgsql;
using NpgsqlTypes;
using Shouldly;
using SmartPick.Web.Infrastructure;

namespace SmartPick.Web.Tests.Infrastructure;

/// <summary>
/// The host does not let Npgsql prepare statements on its own and sizes its pools to the cores, unless the
/// operator said otherwise.
/// </summary>
public sealed class PostgresConnectionTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public void the_host_runs_without_automatic_preparation_and_pools_sized_to_the_cores()
    {
        var used = new NpgsqlConnectionStringBuilder(Host.Services.GetRequiredService<StartupDatabase>().ConnectionString);
        used.MaxAutoPrepare.ShouldBe(0);
        used.MaxPoolSize.ShouldBe(PostgresConnection.PooledConnections(Environment.ProcessorCount));
        using var marten = Host.Services.GetRequiredService<IDocumentStore>().Storage.Database.CreateConnection();
        new NpgsqlConnectionStringBuilder(marten.ConnectionString).MaxAutoPrepare.ShouldBe(0);
    }

    /// <summary>
    /// A batch that PostgreSQL refuses part-way (a U+0000 in jsonb) on the very run in which its statements would
    /// have been prepared, then the same batch again, on one connection of the event store's own data source: with
    /// automatic preparation (Npgsql 10.0.3) the connection fell out of step ("Received unexpected backend message
    /// DataRow") and every later command on it failed.
    /// </summary>
    [Fact]
    public async Task a_batch_refused_for_a_nul_leaves_the_pooled_connection_in_step()
    {
        var table = $"nul_probe_{Guid.NewGuid():N}";
        await using var conn = Host.Services.GetRequiredService<IDocumentStore>().Storage.Database.CreateConnection();
        await conn.OpenAsync();
        await using (var create = new NpgsqlCommand($"create table public.{table} (id serial primary key, v text, d jsonb)", conn))
            await create.ExecuteNonQueryAsync();
        try
        {
            var refused = 0;
            foreach (var nul in new[] { false, true, false, false })
            {
                await using var tx = await conn.BeginTransactionAsync();
                await using var batch = new NpgsqlBatch(conn, tx)
                {
                    BatchCommands =
                    {
                        new NpgsqlBatchCommand($"select count(*) from public.{table} where v = $1") { Parameters = { new() { Value = "x" } } },
                        new NpgsqlBatchCommand($"insert into public.{table} (v, d) values ($1, $2) returning id")
                        {
                            Parameters = { new() { Value = "v" }, new() { Value = nul ? "{\"a\": \"x\\u0000y\"}" : "{\"a\": 1}", NpgsqlDbType = NpgsqlDbType.Jsonb } },
                        },
                        new NpgsqlBatchCommand($"select id, v from public.{table} where id = $1") { Parameters = { new() { Value = 1 } } },
                    },
                };
                try
                {
                    await using (var reader = await batch.ExecuteReaderAsync())
                    {
                        do { while (await reader.ReadAsync()) { } } while (await reader.NextResultAsync());
                    }
                    await tx.CommitAsync();
                }
                catch (PostgresException e) when (nul && e.SqlState == "22P05")
                {
                    refused++;
                    await tx.RollbackAsync();
                }
            }
            refused.ShouldBe(1);
            await using var count = new NpgsqlCommand($"select count(*) from public.{table}", conn);
            (await count.ExecuteScalarAsync()).ShouldBe(3L);
        }
        finally
        {
            await using var clean = Host.Services.GetRequiredService<IDocumentStore>().Storage.Database.CreateConnection();
            await clean.OpenAsync();
            await using var drop = new NpgsqlCommand($"drop table if exists public.{table}", clean);
            await drop.ExecuteNonQueryAsync();
        }
    }

    [Theory]
    [InlineData(1, 4)]
    [InlineData(2, 6)]
    [InlineData(16, 34)]
    public void a_pool_holds_twice_the_processors_plus_two(int processors, int pooled)
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgresConnection.Tuned("Host=db;Database=smartpick;Username=app", processors));
        tuned.MaxPoolSize.ShouldBe(pooled);
    }

    [Theory]
    [InlineData("Host=db;Database=smartpick;Username=app;Password=secret", PostgresConnection.AutoPrepared, 6)]
    [InlineData("Host=db;Database=smartpick;Username=app;Max Auto Prepare=10", 10, 6)]
    [InlineData("Host=db;Database=smartpick;Username=app;MaxAutoPrepare=0", 0, 6)]
    [InlineData("Host=db;Database=smartpick;Username=app;Maximum Pool Size=50", PostgresConnection.AutoPrepared, 50)]
    [InlineData("Host=db;Database=smartpick;Username=app;maximum pool size=3", PostgresConnection.AutoPrepared, 3)]
    [InlineData("Host=db;Database=smartpick;Username=app;Minimum Pool Size=20", PostgresConnection.AutoPrepared, 20)]
    public void an_operators_own_setting_is_kept_and_nothing_else_changes(string given, int prepared, int pooled)
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgresConnection.Tuned(given, processors: 2));
        tuned.MaxAutoPrepare.ShouldBe(prepared);
        tuned.MaxPoolSize.ShouldBe(pooled);
        var original = new NpgsqlConnectionStringBuilder(given);
        (tuned.Host, tuned.Database, tuned.Username, tuned.Password, tuned.MinPoolSize)
            .ShouldBe((original.Host, original.Database, original.Username, original.Password, original.MinPoolSize));
    }
}
