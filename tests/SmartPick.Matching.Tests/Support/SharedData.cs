namespace SmartPick.Matching.Tests.Support;

/// <summary>Finds the shared data folder: ../shared/data next to the repository root (the folder holding SmartPick.sln).</summary>
public static class SharedData
{
    public static readonly string? Folder = Locate();

    public static string CatalogPath => Path.Combine(Folder!, "catalog", "us-programs.csv");
    public static string OutcomesPath => Path.Combine(Folder!, "outcomes", "img-applicants-calibration.csv");
    public static string EvidencePath => Path.Combine(Folder!, "evidence", "program-interview-rates.csv");

    private static string? Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SmartPick.sln")))
            {
                var data = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
                return Directory.Exists(data) ? data : null;
            }
        }
        return null;
    }
}

/// <summary>A fact that skips itself, saying why, when the shared data folder is absent.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (SharedData.Folder is null) Skip = "The shared data folder (../shared/data next to the repository) is absent.";
    }
}
