namespace SmartSpot.Web.Services;

/// <summary>The stored video and mask of an analysis, with the names the operator gave them.</summary>
public sealed record SessionFiles(StoredUpload Video, StoredUpload Mask)
{
    /// <summary>Replaces stored paths in an engine message with the operator's file names.</summary>
    public string Explain(string message) =>
        message.Replace(Video.Path, Video.FileName, StringComparison.Ordinal).Replace(Mask.Path, Mask.FileName, StringComparison.Ordinal);
}
