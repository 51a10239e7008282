namespace SmartSpot.Tests;

/// <summary>Where the tests find the team's shared sample data and write their scratch files.</summary>
public static class TestPaths
{
    /// <summary>The repository root: the folder holding SmartSpot.sln, found upwards from the test binaries.</summary>
    public static string Repository { get; } = FindRepository();

    /// <summary>
    /// <c>../shared/data</c> beside the repository (or the folder SMARTSPOT_SHARED_DATA names: point it at a missing
    /// folder to run the suite as a machine without the shared data would); null when there is none.
    /// </summary>
    public static string? SharedData
    {
        get
        {
            var path = Environment.GetEnvironmentVariable("SMARTSPOT_SHARED_DATA") is { Length: > 0 } chosen
                ? Path.GetFullPath(chosen)
                : Path.GetFullPath(Path.Combine(Repository, "..", "shared", "data"));
            return Directory.Exists(path) ? path : null;
        }
    }

    public static string LotA(string file) => Path.Combine(SharedData ?? "", "lot-a", file);

    /// <summary>Skips the running test when the shared data is missing.</summary>
    public static string RequireSharedData()
    {
        Assert.SkipWhen(SharedData is null, "the shared data (../shared/data, or SMARTSPOT_SHARED_DATA) is not on this machine");
        return SharedData!;
    }

    public static string TempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "smartspot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    private static string FindRepository()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "SmartSpot.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException("SmartSpot.sln not found above " + AppContext.BaseDirectory);
    }
}
