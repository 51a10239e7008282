using System.Globalization;
using Microsoft.Extensions.Options;
using SmartSpot.Vision;
using SmartSpot.Vision.Spots;
using SmartSpot.Web.Sessions;
using SmartSpot.Web.Storage;

namespace SmartSpot.Web.Uploads;

/// <summary>Streams uploads to the data directory under generated names, refusing wrong types, wrong content, oversized files and bad masks early.</summary>
public sealed class UploadStore(IOptions<StorageOptions> storage, IOptions<UploadOptions> options)
{
    private const int BufferSize = 81_920;

    /// <summary>The configured limits, for the upload page to announce (and to pass as <c>maxAllowedSize</c>).</summary>
    public UploadOptions Limits => options.Value;

    /// <summary>Saves a video whose first bytes match its extension; throws <see cref="InvalidInputException"/> (refused) or <see cref="StorageException"/> (cannot store).</summary>
    public Task<StoredUpload> SaveVideoAsync(Stream content, string fileName, CancellationToken cancellationToken = default) =>
        SaveAsync(content, fileName, "video", Limits.VideoExtensionList, Limits.MaxVideoBytes, "MaxVideoBytes", cancellationToken);

    /// <summary>Saves a mask and checks its image header; throws like <see cref="SaveVideoAsync"/>.</summary>
    public async Task<StoredUpload> SaveMaskAsync(Stream content, string fileName, CancellationToken cancellationToken = default)
    {
        var upload = await SaveAsync(content, fileName, "mask", Limits.MaskExtensionList, Limits.MaxMaskBytes, "MaxMaskBytes", cancellationToken);
        var path = FullPath(upload);
        try
        {
            ImageHeader.Read(path);
            return upload;
        }
        catch (InvalidInputException error)
        {
            Delete(upload);
            throw new InvalidInputException(error.Message.Replace(path, upload.FileName, StringComparison.Ordinal), error);
        }
    }

    public string FullPath(StoredUpload upload) => storage.Value.FullPath(upload.StoredPath);

    /// <summary>Removes a stored upload that will not be analysed; missing files are ignored.</summary>
    public void Delete(StoredUpload upload) => File.Delete(FullPath(upload));

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
        var name = CleanName(fileName, kind);
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (!extensions.Contains(extension))
        {
            throw new InvalidInputException($"'{name}' is not a {kind} file SmartSpot accepts: use one of {string.Join(", ", extensions)}.");
        }
        var upload = new StoredUpload(StorageOptions.StoredPath(StorageOptions.UploadsFolder, $"{Guid.NewGuid():N}{extension}"), name, 0);
        var path = FullPath(upload);
        try
        {
            UploadsFolder.EnsureCreated(storage.Value.UploadsDirectory);
            long length;
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
            {
                length = await CopyAsync(content, file, name, kind, extension, maxBytes, setting, cancellationToken);
            }
            if (length == 0) throw new InvalidInputException($"'{name}' is empty (0 bytes). Upload the {kind} file again.");
            return upload with { Length = length };
        }
        catch (Exception error) when (StorageException.From(error) is { } storageError)
        {
            File.Delete(path);
            throw storageError;
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    private static async Task<long> CopyAsync(
        Stream content, Stream file, string name, string kind, string extension, long maxBytes, string setting, CancellationToken cancellationToken)
    {
        var buffer = new byte[BufferSize];
        var head = new List<byte>(VideoSignature.HeadLength);
        long length = 0;
        int read;
        while ((read = await ReadAsync(content, buffer, name, cancellationToken)) > 0)
        {
            length += read;
            if (length > maxBytes)
            {
                throw new InvalidInputException(
                    $"'{name}' is larger than the {FormatBytes(maxBytes)} limit for a {kind} (SmartSpot:Uploads:{setting}). Upload a smaller file or ask the administrator to raise the limit.");
            }
            if (kind == "video" && head.Count < VideoSignature.HeadLength)
            {
                head.AddRange(buffer.Take(Math.Min(read, VideoSignature.HeadLength - head.Count)));
                if (head.Count == VideoSignature.HeadLength) CheckSignature(name, extension, head);
            }
            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        if (kind == "video" && head.Count is > 0 and < VideoSignature.HeadLength) CheckSignature(name, extension, head);
        return length;
    }

    private static void CheckSignature(string name, string extension, List<byte> head)
    {
        var bytes = head.ToArray();
        if (!VideoSignature.Matches(extension, bytes))
        {
            throw new InvalidInputException(
                $"'{name}' is named like a {extension} video but its content is {VideoSignature.Describe(bytes)}. Upload the camera's video file itself.");
        }
    }

    /// <summary>Reads the client's bytes; a body that ends early (connection cut, incomplete request) is the client's problem, not the disk's.</summary>
    private static async Task<int> ReadAsync(Stream content, byte[] buffer, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await content.ReadAsync(buffer, cancellationToken);
        }
        catch (IOException cut) when (cut is not BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            throw new InvalidInputException($"The upload of '{name}' ended before the whole file arrived (the connection was cut or the request was incomplete). Send it again.", cut);
        }
    }

    private static string CleanName(string fileName, string kind)
    {
        var name = DisplayName.Clean(Path.GetFileName(fileName.Replace('\\', '/')), $"The {kind}'s file name");
        if (name.Length == 0) throw new InvalidInputException($"The {kind} has no file name. Choose the {kind} file again.");
        return name;
    }
}
