using System.ComponentModel.DataAnnotations;

namespace SmartSpot.Web.Storage;

/// <summary>Where SmartSpot keeps its database, uploaded files and demo lot; bound from <c>SmartSpot</c>.</summary>
public sealed record StorageOptions
{
    public const string Section = "SmartSpot";

    /// <summary>Root of everything SmartSpot writes. Default: local application data/SmartSpot, outside the web root so uploads are never served.</summary>
    [Required(AllowEmptyStrings = false)]
    public string DataDirectory { get; init; } = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "SmartSpot");

    public string DatabasePath => Path.Combine(Root, "smartspot.db");

    public string UploadsDirectory => Path.Combine(Root, UploadsFolder);

    public string DemoDirectory => Path.Combine(Root, DemoFolder);

    /// <summary>The keys that protect sign-in and antiforgery cookies (ASP.NET Core data protection).</summary>
    public string KeysDirectory => Path.Combine(Root, "keys");

    /// <summary>The uploads folder's name inside the data directory, as stored paths begin.</summary>
    public const string UploadsFolder = "uploads";

    /// <summary>The demo lot's folder inside the data directory.</summary>
    public const string DemoFolder = "demo";

    /// <summary>The full path of a stored (data-directory-relative) path.</summary>
    public string FullPath(string storedPath) => Path.Combine(Root, storedPath);

    /// <summary>How a file under the data directory is stored: relative, with '/' separators, so the directory can move.</summary>
    public static string StoredPath(string folder, string fileName) => $"{folder}/{fileName}";

    private string Root => Path.GetFullPath(DataDirectory);
}
