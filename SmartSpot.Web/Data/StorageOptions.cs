using System.ComponentModel.DataAnnotations;

namespace SmartSpot.Web.Data;

/// <summary>Where SmartSpot keeps its database, uploaded files and demo lot; bound from <c>SmartSpot</c>.</summary>
public sealed record StorageOptions
{
    public const string Section = "SmartSpot";

    /// <summary>Root of everything SmartSpot writes. Default: local application data/SmartSpot, outside the web root so uploads are never served.</summary>
    [Required(AllowEmptyStrings = false)]
    public string DataDirectory { get; init; } = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "SmartSpot");

    public string DatabasePath => Path.Combine(Root, "smartspot.db");

    public string UploadsDirectory => Path.Combine(Root, "uploads");

    public string DemoDirectory => Path.Combine(Root, "demo");

    private string Root => Path.GetFullPath(DataDirectory);
}
