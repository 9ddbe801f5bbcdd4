using Xunit;

namespace SmartPick.Advising.Tests.Storage;

/// <summary>A fact that needs PostgreSQL; skipped, saying why, when no connection string is set.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "ConnectionStrings__postgres";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable);

    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
            Skip = $"Needs PostgreSQL: set {Variable} (./infra/smartpick test does).";
    }
}

/// <summary>A theory that needs PostgreSQL; skipped, saying why, when no connection string is set.</summary>
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute()
    {
        if (string.IsNullOrWhiteSpace(PostgresFactAttribute.ConnectionString))
            Skip = $"Needs PostgreSQL: set {PostgresFactAttribute.Variable} (./infra/smartpick test does).";
    }
}
