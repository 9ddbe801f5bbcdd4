using Npgsql;
using Shouldly;
using SmartPick.Web.Infrastructure;

namespace SmartPick.Web.Tests.Infrastructure;

/// <summary>The host prepares the statements its pooled connections repeat, unless the operator said otherwise.</summary>
public sealed class PostgresConnectionTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public void the_host_runs_with_automatic_preparation()
    {
        var used = new NpgsqlConnectionStringBuilder(Host.Services.GetRequiredService<StartupDatabase>().ConnectionString);
        used.MaxAutoPrepare.ShouldBe(PostgresConnection.AutoPrepared);
        used.AutoPrepareMinUsages.ShouldBe(2);
    }

    [Theory]
    [InlineData("Host=db;Database=smartpick;Username=app;Password=secret", PostgresConnection.AutoPrepared)]
    [InlineData("Host=db;Database=smartpick;Username=app;Max Auto Prepare=10", 10)]
    [InlineData("Host=db;Database=smartpick;Username=app;MaxAutoPrepare=0", 0)]
    public void an_operators_own_setting_is_kept_and_nothing_else_changes(string given, int prepared)
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgresConnection.Tuned(given));
        tuned.MaxAutoPrepare.ShouldBe(prepared);
        var original = new NpgsqlConnectionStringBuilder(given);
        (tuned.Host, tuned.Database, tuned.Username, tuned.Password).ShouldBe((original.Host, original.Database, original.Username, original.Password));
    }
}
