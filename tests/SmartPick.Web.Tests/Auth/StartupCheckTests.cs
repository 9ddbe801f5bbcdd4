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

    [Fact]
    public async Task after_start_the_database_holds_this_builds_schema_fingerprint()
    {
        var state = Host.Services.GetRequiredService<SchemaState>();
        state.Fingerprint.ShouldBe(SchemaFingerprint.Compute("Testing"));
        // Recorded in the background once the host has started, when the full check ran.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await SchemaFingerprint.IsCurrentAsync(ConnectionString, state.Fingerprint) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        (await SchemaFingerprint.IsCurrentAsync(ConnectionString, state.Fingerprint)).ShouldBeTrue();
    }

    [Fact]
    public void the_fingerprint_changes_with_the_environment_and_with_the_assemblies()
    {
        var production = SchemaFingerprint.Compute("Production");
        production.ShouldBe(SchemaFingerprint.Compute("Production"));
        production.ShouldNotBe(SchemaFingerprint.Compute("Development"));
        // A build of any assembly that decides the schema (here: one fewer) is another fingerprint.
        SchemaFingerprint.Compute("Production", SchemaFingerprint.SchemaAssemblies.Skip(1)).ShouldNotBe(production);
    }

    [Fact]
    public Task only_the_recorded_fingerprint_is_current_and_a_missing_table_or_database_is_not() => WithScratchDatabaseAsync(async scratch =>
    {
        (await SchemaFingerprint.IsCurrentAsync(scratch, "build-a")).ShouldBeFalse();

        await SchemaFingerprint.RecordAsync(scratch, "build-a", DateTimeOffset.UtcNow);
        (await SchemaFingerprint.IsCurrentAsync(scratch, "build-a")).ShouldBeTrue();
        (await SchemaFingerprint.IsCurrentAsync(scratch, "build-b")).ShouldBeFalse();

        await SchemaFingerprint.RecordAsync(scratch, "build-b", DateTimeOffset.UtcNow);
        (await SchemaFingerprint.IsCurrentAsync(scratch, "build-a")).ShouldBeFalse();
        (await SchemaFingerprint.IsCurrentAsync(scratch, "build-b")).ShouldBeTrue();

        var missing = new NpgsqlConnectionStringBuilder(scratch) { Database = "smartpick_no_such_database" }.ConnectionString;
        (await SchemaFingerprint.IsCurrentAsync(missing, "build-b")).ShouldBeFalse();
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
