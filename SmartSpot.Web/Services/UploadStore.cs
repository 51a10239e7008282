using System.Globalization;
using Microsoft.Extensions.Options;
using SmartSpot.Vision;
using SmartSpot.Vision.Spots;
using SmartSpot.Web.Data;

namespace SmartSpot.Web.Services;

/// <summary>Streams uploads to the data directory under generated names, refusing wrong types, oversized files and bad masks early.</summary>
public sealed class UploadStore(IOptions<StorageOptions> storage, IOptions<UploadOptions> options)
{
    private const int BufferSize = 81_920;

    /// <summary>The configured limits, for the upload page to announce (and to pass as <c>maxAllowedSize</c>).</summary>
    public UploadOptions Limits => options.Value;

    /// <summary>Saves a video; throws <see cref="InvalidInputException"/> with an operator message when it is refused.</summary>
    public Task<StoredUpload> SaveVideoAsync(Stream content, string fileName, CancellationToken cancellationToken = default) =>
        SaveAsync(content, fileName, "video", Limits.VideoExtensionList, Limits.MaxVideoBytes, "MaxVideoBytes", cancellationToken);

    /// <summary>Saves a mask and checks its image header; throws <see cref="InvalidInputException"/> when it is refused.</summary>
    public async Task<StoredUpload> SaveMaskAsync(Stream content, string fileName, CancellationToken cancellationToken = default)
    {
        var upload = await SaveAsync(content, fileName, "mask", Limits.MaskExtensionList, Limits.MaxMaskBytes, "MaxMaskBytes", cancellationToken);
        try
        {
            ImageHeader.Read(upload.Path);
            return upload;
        }
        catch (InvalidInputException error)
        {
            Delete(upload);
            throw new InvalidInputException(error.Message.Replace(upload.Path, upload.FileName, StringComparison.Ordinal), error);
        }
    }

    /// <summary>Removes a stored upload that will not be analysed; missing files are ignored.</summary>
    public void Delete(StoredUpload upload)
    {
        if (IsStoredHere(upload.Path)) File.Delete(upload.Path);
    }

    /// <summary>Deletes stored uploads no analysis refers to (left by a crash mid-upload); returns how many. Call only while nothing uploads.</summary>
    public int DeleteOrphans(IReadOnlySet<string> referenced)
    {
        var directory = storage.Value.UploadsDirectory;
        if (!Directory.Exists(directory)) return 0;
        var orphans = Directory.EnumerateFiles(directory)
            .Where(path => IsGeneratedName(path) && !referenced.Contains(Path.GetFullPath(path)))
            .ToList();
        orphans.ForEach(File.Delete);
        return orphans.Count;
    }

    /// <summary>"2 GB", "20 MB", "512 bytes": how limits are named in messages.</summary>
    public static string FormatBytes(long bytes) => bytes switch
    {
        >= 1L << 30 when bytes % (1L << 30) == 0 => $"{bytes >> 30} GB",
        >= 1L << 20 when bytes % (1L << 20) == 0 => $"{bytes >> 20} MB",
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0.#} MB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes"),
    };

    private async Task<StoredUpload> SaveAsync(
        Stream content, string fileName, string kind, IReadOnlyList<string> extensions, long maxBytes, string setting, CancellationToken cancellationToken)
    {
        var displayName = DisplayName(fileName, kind);
        var extension = Path.GetExtension(displayName).ToLowerInvariant();
        if (!extensions.Contains(extension))
        {
            throw new InvalidInputException(
                $"'{displayName}' is not a {kind} file SmartSpot accepts: use one of {string.Join(", ", extensions)}.");
        }
        Directory.CreateDirectory(storage.Value.UploadsDirectory);
        var path = Path.Combine(storage.Value.UploadsDirectory, $"{Guid.NewGuid():N}{extension}");
        long length = 0;
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
            {
                var buffer = new byte[BufferSize];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    length += read;
                    if (length > maxBytes)
                    {
                        throw new InvalidInputException(
                            $"'{displayName}' is larger than the {FormatBytes(maxBytes)} limit for a {kind} (SmartSpot:Uploads:{setting}). Upload a smaller file or ask the administrator to raise the limit.");
                    }
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }
            if (length == 0)
            {
                throw new InvalidInputException($"'{displayName}' is empty (0 bytes). Upload the {kind} file again.");
            }
            return new StoredUpload(path, displayName, length);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    /// <summary>Only names this store makes (32 hex digits and an extension) are ever cleaned up.</summary>
    private static bool IsGeneratedName(string path) =>
        Path.GetFileNameWithoutExtension(path) is { Length: 32 } stem && stem.All(char.IsAsciiHexDigitLower);

    private bool IsStoredHere(string path) =>
        Path.GetFullPath(path).StartsWith(Path.GetFullPath(storage.Value.UploadsDirectory) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string DisplayName(string fileName, string kind)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/')).Trim();
        if (name.Length == 0) throw new InvalidInputException($"The {kind} has no file name. Choose the {kind} file again.");
        return name.Length > 200 ? name[..200] : name;
    }
}
