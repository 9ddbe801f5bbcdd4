using Npgsql;
using Shouldly;
using SmartPick.Web.Infrastructure;

namespace SmartPick.Web.Tests.Infrastructure;

/// <summary>
/// The host prepares the statements its pooled connections repeat and sizes its pools to the cores, unless the
/// operator said otherwise.
/// </summary>
public sealed class PostgresConnectionTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public void the_host_runs_with_automatic_preparation_and_pools_sized_to_the_cores()
    {
        var used = new NpgsqlConnectionStringBuilder(Host.Services.GetRequiredService<StartupDatabase>().ConnectionString);
        used.MaxAutoPrepare.ShouldBe(PostgresConnection.AutoPrepared);
        used.AutoPrepareMinUsages.ShouldBe(2);
        used.MaxPoolSize.ShouldBe(PostgresConnection.PooledConnections(Environment.ProcessorCount));
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
