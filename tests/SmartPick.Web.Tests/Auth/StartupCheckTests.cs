using Npgsql;
using Shouldly;
using SmartPick.Web.Identity;
using SmartPick.Web.Infrastructure;
using SmartPick.Web.Tests.Infrastructure;

namespace SmartPick.Web.Tests.Auth;

/// <summary>The one-query identity check that lets an ordinary start skip EF Core.</summary>
public sealed class StartupCheckTests(AppFixture app) : AppTest(app)
{
    private string ConnectionString => Host.Services.GetRequiredService<StartupDatabase>().ConnectionString;

    [Fact]
    public async Task after_start_the_identity_tables_and_every_role_are_found()
    {
        (await IdentitySchema.IsCompleteAsync(ConnectionString)).ShouldBeTrue();
    }

    [Fact]
    public Task a_database_without_identity_tables_is_not_taken_for_complete() => WithScratchDatabaseAsync(async scratch =>
    {
        (await IdentitySchema.IsCompleteAsync(scratch)).ShouldBeFalse();
    });

    [Fact]
    public Task a_missing_role_is_not_taken_for_complete() => WithScratchDatabaseAsync(async scratch =>
    {
        // The tables the check reads, with every role but one.
        await ExecuteAsync(scratch, """
            create schema identity;
            create table identity."AspNetUsers" (id text);
            create table identity."AspNetRoles" ("NormalizedName" text);
            insert into identity."AspNetRoles" values ('PLATFORM_ADMIN'), ('ORG_ADMIN'), ('ADVISOR');
            """);
        (await IdentitySchema.IsCompleteAsync(scratch)).ShouldBeFalse();

        await ExecuteAsync(scratch, """insert into identity."AspNetRoles" values ('CANDIDATE')""");
        (await IdentitySchema.IsCompleteAsync(scratch)).ShouldBeTrue();
    });

    private async Task WithScratchDatabaseAsync(Func<string, Task> test)
    {
        var name = "smartpick_scratch_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(ConnectionString, $"create database {name}");
        try
        {
            await test(new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name, Pooling = false }.ConnectionString);
        }
        finally
        {
            await ExecuteAsync(ConnectionString, $"drop database {name} with (force)");
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
