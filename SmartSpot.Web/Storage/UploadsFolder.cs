namespace SmartSpot.Web.Storage;

/// <summary>The uploads folder and the marker that proves SmartSpot made it: orphan cleanup runs only on a marked folder.</summary>
public static class UploadsFolder
{
    /// <summary>Written into the uploads folder by SmartSpot when it creates it.</summary>
    public const string MarkerFileName = ".smartspot-uploads";

    /// <summary>Creates the folder with its marker; a folder that already exists is left unmarked (it may not be SmartSpot's).</summary>
    public static void EnsureCreated(string directory)
    {
        if (Directory.Exists(directory)) return;
        Directory.CreateDirectory(directory);
        Mark(directory);
    }

    public static bool IsMarked(string directory) => File.Exists(Path.Combine(directory, MarkerFileName));

    public static void Mark(string directory) =>
        File.WriteAllText(Path.Combine(directory, MarkerFileName), "SmartSpot keeps its uploads here; files no analysis refers to are deleted at start.\n");

    /// <summary>Only names SmartSpot makes for uploads (32 hex digits and an extension) can be orphans.</summary>
    public static bool IsGeneratedName(string fileName) =>
        Path.GetFileNameWithoutExtension(fileName) is { Length: 32 } stem && stem.All(char.IsAsciiHexDigitLower);
}
