namespace SmartPick.Catalog.Tests;

/// <summary>
/// Locates the shared data folder: ../shared/data next to the repository root (the folder that holds
/// SmartPick.sln), found by walking up from the test's base directory.
/// </summary>
public static class SharedData
{
    public static readonly string? Root = Find();

    public static string CatalogFile => Path.Combine(Root ?? throw new InvalidOperationException("shared data is absent"),
        "catalog", "us-programs.csv");

    public static string EvidenceFile => Path.Combine(Root ?? throw new InvalidOperationException("shared data is absent"),
        "evidence", "program-interview-rates.csv");

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "SmartPick.sln"))) continue;
            var data = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
            return Directory.Exists(data) ? data : null;
        }
        return null;
    }
}

/// <summary>A fact that needs the shared data folder and skips itself, saying why, when it is absent.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (SharedData.Root is null)
            Skip = "../shared/data (next to the repository root) is absent; the real catalog sheet cannot be read";
    }
}

/// <summary>A fact that needs the shared catalog and evidence files and skips itself, saying why, when either is absent.</summary>
public sealed class SharedEvidenceFactAttribute : FactAttribute
{
    public SharedEvidenceFactAttribute()
    {
        if (SharedData.Root is null)
            Skip = "../shared/data (next to the repository root) is absent; the real catalog and evidence files cannot be read";
        else if (!File.Exists(SharedData.EvidenceFile) || !File.Exists(SharedData.CatalogFile))
            Skip = "../shared/data/evidence/program-interview-rates.csv or ../shared/data/catalog/us-programs.csv is absent; the real evidence cannot be merged";
    }
}
