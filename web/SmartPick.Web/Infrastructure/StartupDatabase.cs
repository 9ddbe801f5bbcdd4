namespace SmartPick.Web.Infrastructure;

/// <summary>The host's PostgreSQL connection string, for start-up checks that run before any module.</summary>
public sealed record StartupDatabase(string ConnectionString);

/// <summary>This build's schema fingerprint and whether the database was already up to date for it at start.</summary>
public sealed record SchemaState(string Fingerprint, bool IsCurrent);
