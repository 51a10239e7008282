using Microsoft.Extensions.Options;
using SmartSpot.Vision;
using SmartSpot.Vision.Frames;
using SmartSpot.Vision.Pipeline;
using SmartSpot.Vision.Spots;
using SmartSpot.Web.Sessions;
using SmartSpot.Web.Storage;

namespace SmartSpot.Web.Analysis;

/// <summary>Opens and checks a session's video and spots together, once, on a pool thread; the opened input goes to the run.</summary>
public sealed class SessionOpener(PipelineOptions pipeline, IOptions<StorageOptions> storage, ILogger<SessionOpener> logger)
{
    /// <summary>The opened input for spots given in the video's (or the lot's) pixels; throws <see cref="InvalidInputException"/> in the operator's words.</summary>
    public Task<AnalysisInput> OpenAsync(SessionSource source, SpotMap spots, CancellationToken cancellationToken) =>
        Task.Run(() => Open(source, video => AnalysisInput.Open(video, spots, pipeline)), cancellationToken);

    /// <summary>The opened input for the spots of the mask uploaded with the video (<see cref="SessionSource.MaskPath"/>).</summary>
    public Task<AnalysisInput> OpenWithMaskAsync(SessionSource source, CancellationToken cancellationToken) =>
        Task.Run(() => Open(source, video => AnalysisInput.Open(video, MaskOf(source), pipeline)), cancellationToken);

    /// <summary>
    /// Replaces the server paths of <paramref name="source"/>'s files in an engine message with the operator's file
    /// names, and masks the credentials of any URL in it.
    /// </summary>
    public string Explain(SessionSource source, string message)
    {
        var explained = message.Replace(storage.Value.FullPath(source.VideoPath), source.VideoFileName, StringComparison.Ordinal);
        if (source is { MaskPath: { } mask, MaskFileName: { } maskName })
        {
            explained = explained.Replace(storage.Value.FullPath(mask), maskName, StringComparison.Ordinal);
        }
        return UrlCredentials.Mask(explained);
    }

    private AnalysisInput Open(SessionSource source, Func<string, AnalysisInput> open)
    {
        var video = Video(source);
        var live = source.Kind == SessionKind.Stream;
        if (!live && !File.Exists(video) || source.MaskPath is { } mask && !File.Exists(storage.Value.FullPath(mask)))
        {
            var upload = source.MaskFileName is null ? "the video" : "the video and mask";
            throw new InvalidInputException(live
                ? $"The stored mask of this live session ('{source.MaskFileName}') is gone from the data directory; start the live session again with its mask."
                : $"The stored files of this analysis ({Files(source)}) are gone from the data directory; upload {upload} again.");
        }
        try
        {
            return open(video);
        }
        catch (InvalidInputException invalid)
        {
            throw new InvalidInputException(Explain(source, invalid.Message), invalid);
        }
        catch (Exception unreadable) when (unreadable is not OperationCanceledException)
        {
            logger.LogWarning(unreadable, "Could not open the files of {Source}.", source);
            throw new InvalidInputException($"{Files(source)} could not be read. Check the files and upload them again.", unreadable);
        }
    }

    private string MaskOf(SessionSource source) =>
        storage.Value.FullPath(source.MaskPath ?? throw new InvalidOperationException($"The analysis of '{source.VideoFileName}' has no mask of its own."));

    private static string Files(SessionSource source) =>
        source.MaskFileName is { } mask ? $"'{source.VideoFileName}', '{mask}'" : $"'{source.VideoFileName}'";

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
