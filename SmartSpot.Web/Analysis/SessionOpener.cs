using Microsoft.Extensions.Options;
using SmartSpot.Vision;
using SmartSpot.Vision.Frames;
using SmartSpot.Vision.Pipeline;
using SmartSpot.Web.Sessions;
using SmartSpot.Web.Storage;

namespace SmartSpot.Web.Analysis;

/// <summary>Opens and checks a session's video and mask together, once, on a pool thread; the opened input goes to the run.</summary>
public sealed class SessionOpener(PipelineOptions pipeline, IOptions<StorageOptions> storage, ILogger<SessionOpener> logger)
{
    /// <summary>The opened input; throws <see cref="InvalidInputException"/> in the operator's words (file names, never server paths).</summary>
    public Task<AnalysisInput> OpenAsync(SessionSource source, CancellationToken cancellationToken) => Task.Run(() => Open(source), cancellationToken);

    /// <summary>
    /// Replaces the server paths of <paramref name="source"/>'s files in an engine message with the operator's file
    /// names, and masks the credentials of any URL in it.
    /// </summary>
    public string Explain(SessionSource source, string message) => UrlCredentials.Mask(message
        .Replace(storage.Value.FullPath(source.VideoPath), source.VideoFileName, StringComparison.Ordinal)
        .Replace(storage.Value.FullPath(source.MaskPath), source.MaskFileName, StringComparison.Ordinal));

    private AnalysisInput Open(SessionSource source)
    {
        var (video, mask) = (Video(source), storage.Value.FullPath(source.MaskPath));
        if (source.Kind != SessionKind.Stream && !File.Exists(video) || !File.Exists(mask))
        {
            throw new InvalidInputException(source.Kind == SessionKind.Stream
                ? $"The stored mask of this live session ('{source.MaskFileName}') is gone from the data directory; start the live session again with its mask."
                : $"The stored files of this analysis ('{source.VideoFileName}', '{source.MaskFileName}') are gone from the data directory; upload the video and mask again.");
        }
        try
        {
            return AnalysisInput.Open(video, mask, pipeline);
        }
        catch (InvalidInputException invalid)
        {
            throw new InvalidInputException(Explain(source, invalid.Message), invalid);
        }
        catch (Exception unreadable) when (unreadable is not OperationCanceledException)
        {
            logger.LogWarning(unreadable, "Could not open {Video} with {Mask}.", source.VideoFileName, source.MaskFileName);
            throw new InvalidInputException($"'{source.VideoFileName}' or '{source.MaskFileName}' could not be read. Check both files and upload them again.", unreadable);
        }
    }

    /// <summary>The file to decode, or the stream's URL: as given while the session lives, as stored (masked) after a restart of the server.</summary>
    private string Video(SessionSource source)
    {
        if (source.Kind != SessionKind.Stream) return storage.Value.FullPath(source.VideoPath);
        var url = source.StreamUrl ?? source.VideoPath;
        if (UrlCredentials.IsMasked(url))
        {
            throw new InvalidInputException(
                $"The address of '{source.VideoFileName}' carried credentials, which SmartSpot does not keep once the server restarts; start a new live session with the full URL.");
        }
        return url;
    }
}
