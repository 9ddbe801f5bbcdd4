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
