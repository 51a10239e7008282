using System.ComponentModel.DataAnnotations;

namespace SmartSpot.Web.Uploads;

/// <summary>What an upload may be; bound from <c>SmartSpot:Uploads</c>.</summary>
public sealed record UploadOptions
{
    public const string Section = "SmartSpot:Uploads";

    /// <summary>Largest video accepted, in bytes. Default 2 GB: an hour of 1080p camera footage.</summary>
    [Range(1, long.MaxValue)]
    public long MaxVideoBytes { get; init; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Largest mask accepted, in bytes. Default 20 MB: an uncompressed 8K BMP fits, anything bigger is not a mask.</summary>
    [Range(1, long.MaxValue)]
    public long MaxMaskBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>Video file extensions, comma separated. Default: the containers OpenCV's FFmpeg backend reads.</summary>
    [Required(AllowEmptyStrings = false)]
    public string VideoExtensions { get; init; } = ".mp4,.avi,.mkv,.mov,.webm";

    /// <summary>Mask file extensions, comma separated. Default: the formats the engine reads a header from.</summary>
    [Required(AllowEmptyStrings = false)]
    public string MaskExtensions { get; init; } = ".png,.jpg,.jpeg,.bmp";

    /// <summary>The largest upload request: a video and a mask at their limits.</summary>
    public long MaxTotalBytes => MaxVideoBytes + MaxMaskBytes;

    public IReadOnlyList<string> VideoExtensionList => Split(VideoExtensions);

    public IReadOnlyList<string> MaskExtensionList => Split(MaskExtensions);

    private static string[] Split(string extensions) =>
        extensions.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(extension => extension.StartsWith('.') ? extension.ToLowerInvariant() : "." + extension.ToLowerInvariant())
            .ToArray();
}
