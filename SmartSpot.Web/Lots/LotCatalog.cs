using Microsoft.Extensions.Options;
using SmartSpot.Vision;
using SmartSpot.Vision.Frames;
using SmartSpot.Vision.Pipeline;
using SmartSpot.Vision.Rendering;
using SmartSpot.Vision.Spots;
using SmartSpot.Web.Analysis;
using SmartSpot.Web.Sessions;
using SmartSpot.Web.Storage;
using SmartSpot.Web.Uploads;

namespace SmartSpot.Web.Lots;

/// <summary>
/// What an operator does with lots: makes one from a video (empty, from a lot file, or with a mask in one step with
/// its first analysis), changes its spots and zones (checked by <see cref="LotLayoutValidator"/>), imports and exports
/// it, and starts analyses on it. Bad input is an <see cref="InvalidInputException"/> or a <see cref="LayoutRefusedException"/>.
/// </summary>
public sealed class LotCatalog(
    LotRepository lots,
    LotLayoutValidator validator,
    LotOptions options,
    SessionRegistry registry,
    SessionQueue queue,
    SessionOpener opener,
    UploadStore uploads,
    StillFrameRenderer stills,
    IEnumerable<ISourcePreparer> preparers,
    PipelineOptions pipeline,
    IOptions<StorageOptions> storage,
    TimeProvider time,
    ILogger<LotCatalog> logger)
{
    /// <summary>A lot of an uploaded video (checked by rendering its first frame): without spots, or with the layout of a lot file; the upload is deleted on refusal.</summary>
    public async Task<Lot> CreateAsync(StoredUpload video, string? name, LotFile? file, CancellationToken cancellationToken)
    {
        try
        {
            var source = new LotSource(SessionKind.Upload, video.FileName, video.StoredPath);
            var still = await RenderAsync(source, cancellationToken);
            var frameSize = new PixelSize(still.Video.Width, still.Video.Height);
            var layout = file is null ? LotLayout.Empty(frameSize) : file.ToLayout().FitTo(frameSize, options.AspectTolerance);
            validator.Validate(layout);
            var now = time.GetUtcNow();
            var lot = new Lot(Guid.NewGuid(), NameOf(name ?? file?.Name, "The lot name", video.FileName), now, now, source, layout);
            await lots.AddAsync(lot, cancellationToken);
            return lot;
        }
        catch
        {
            uploads.Delete(video);
            throw;
        }
    }

    /// <summary>
    /// The one-step start: the video and mask are opened against each other, become a lot named after the video (the
    /// mask's spots), and its first analysis is queued. On any refusal nothing is kept; a full queue refuses first.
    /// </summary>
    /// <param name="speed">See <see cref="AnalysisSpeed"/>; null = SmartSpot:Analysis:DefaultSpeed.</param>
    public async Task<AnalysisSession> CreateAndStartAsync(
        StoredUpload video, StoredUpload mask, string? name, double? speed, CancellationToken cancellationToken)
    {
        try
        {
            var lotId = Guid.NewGuid();
            var source = new SessionSource(SessionKind.Upload, lotId, video.FileName, video.StoredPath, mask.FileName, mask.StoredPath);
            var lotName = Path.GetFileNameWithoutExtension(video.FileName);
            return await StartWithMaskAsync(source, lotName, NameOf(name, "The session name", lotName), speed, cancellationToken);
        }
        catch
        {
            uploads.Delete(video);
            uploads.Delete(mask);
            throw;
        }
    }

    /// <summary>
    /// The one-step start of a live camera: connects to it, fits the uploaded mask to its picture, makes a lot of the
    /// camera (named after its URL, credentials masked) and queues the live analysis, which runs until stopped (it holds
    /// one of the MaxConcurrentSessions slots meanwhile). On any refusal nothing is kept.
    /// </summary>
    /// <param name="url">rtsp://, rtsps://, http:// or https://; its credentials are kept in memory only, never stored or shown.</param>
    /// <exception cref="InvalidInputException">Not a stream URL, the camera does not answer with video, or the mask does not fit.</exception>
    /// <exception cref="QueueFullException">Too many analyses are waiting; nothing was stored.</exception>
    public async Task<AnalysisSession> CreateLiveAndStartAsync(string url, StoredUpload mask, string? name, CancellationToken cancellationToken)
    {
        try
        {
            var address = StreamAddress.Parse(url);
            var masked = UrlCredentials.Mask(address.OriginalString);
            var source = new SessionSource(SessionKind.Stream, Guid.NewGuid(), masked, masked, mask.FileName, mask.StoredPath, address.OriginalString);
            var fallback = $"{address.Host} live";
            var lotName = masked.Length <= DisplayName.MaxLength ? masked : fallback;
            return await StartWithMaskAsync(source, lotName, NameOf(name, "The session name", fallback), speed: 0, cancellationToken); // the camera sets the pace
        }
        catch
        {
            uploads.Delete(mask);
            throw;
        }
    }

    /// <summary>Opens the source against its uploaded mask, keeps a lot of it with the mask's spots and queues its first analysis; the caller deletes the uploads on refusal.</summary>
    private async Task<AnalysisSession> StartWithMaskAsync(SessionSource source, string lotName, string sessionName, double? speed, CancellationToken cancellationToken)
    {
        var added = false;
        try
        {
            using var reservation = queue.Reserve();
            var input = await opener.OpenWithMaskAsync(source, cancellationToken);
            try
            {
                var now = time.GetUtcNow();
                var lotSource = new LotSource(source.Kind, source.VideoFileName, source.VideoPath);
                await lots.AddAsync(new Lot(source.LotId, lotName, now, now, lotSource, LotLayout.FromSpotMap(input.Spots)), cancellationToken);
                added = true;
            }
            catch
            {
                input.Dispose();
                throw;
            }
            return await registry.StartAsync(source, sessionName, speed, input, reservation, cancellationToken);
        }
        catch
        {
            if (added) await ForgetAsync(source.LotId);
            throw;
        }
    }

    /// <summary>Queues an analysis of the lot's spots on its video; null when the lot is unknown.</summary>
    /// <param name="speed">See <see cref="AnalysisSpeed"/>; null = the lot's speed, else SmartSpot:Analysis:DefaultSpeed. Ignored for a camera (live) lot.</param>
    /// <exception cref="InvalidInputException">The lot has no spots, or its video cannot be analysed.</exception>
    /// <exception cref="QueueFullException">Too many analyses are waiting; nothing was stored.</exception>
    public async Task<AnalysisSession?> StartAsync(Guid lotId, double? speed, CancellationToken cancellationToken)
    {
        if (await lots.GetAsync(lotId, cancellationToken) is not { } lot) return null;
        var spots = lot.Layout.ToSpotMap();
        var source = new SessionSource(lot.Source.Kind, lot.Id, lot.Source.VideoFileName, lot.Source.VideoPath);
        // A camera sets its own pace; a stored video plays at the asked, the lot's or the server's speed.
        var pace = lot.Source.Kind == SessionKind.Stream ? 0 : speed ?? lot.Layout.Settings.Speed;
        return await registry.StartAsync(source, lot.Name, pace, spots, cancellationToken);
    }

    /// <summary>Keeps <paramref name="layout"/> as the lot's (fitted to its frame); throws <see cref="LayoutRefusedException"/> when it breaks a rule. False when the lot is unknown.</summary>
    public async Task<bool> SaveLayoutAsync(Guid lotId, LotLayout layout, CancellationToken cancellationToken)
    {
        validator.Validate(layout);
        return await lots.SaveLayoutAsync(lotId, layout, cancellationToken);
    }

    /// <summary>Replaces the lot's spots, zones and settings with a lot file's (fitted to the lot's video); null when the lot is unknown.</summary>
    public async Task<Lot?> ImportAsync(Guid lotId, byte[] json, string fileName, CancellationToken cancellationToken)
    {
        if (json.Length > options.MaxLotFileBytes)
        {
            throw new InvalidInputException($"'{fileName}' is larger than the {UploadStore.FormatBytes(options.MaxLotFileBytes)} limit for a lot file (SmartSpot:Lots:MaxLotFileBytes).");
        }
        if (await lots.GetAsync(lotId, cancellationToken) is not { } lot) return null;
        var layout = LotFile.Read(json, fileName).ToLayout().FitTo(lot.Layout.FrameSize, options.AspectTolerance);
        validator.Validate(layout);
        await lots.SaveLayoutAsync(lotId, layout, cancellationToken);
        return lot with { Layout = layout };
    }

    /// <summary>The spots of a mask image (the same rules as a mask uploaded with a video), in the pixels of <paramref name="frameSize"/>, named by their ids.</summary>
    public IReadOnlyList<LotSpot> SpotsOfMask(byte[] image, string fileName, PixelSize frameSize) =>
        LotLayout.FromSpotMap(SpotMap.Decode(image, fileName, pipeline.Spots).FitTo(frameSize, pipeline.Spots.AspectTolerance)).Spots;

    /// <summary>The layout's spots as a mask PNG at its frame size, which reads back as the same spots.</summary>
    public static byte[] MaskOf(LotLayout layout) => SpotMaskPainter.PaintPng(layout.FrameSize, layout.Spots.Select(spot => spot.Quad));

    /// <summary>The first frame of the lot's video (the demo lot's is generated first when it is gone).</summary>
    public async Task<StillFrame> RenderAsync(LotSource source, CancellationToken cancellationToken)
    {
        if (preparers.FirstOrDefault(preparer => preparer.Kind == source.Kind) is { } preparer) await preparer.PrepareAsync(cancellationToken);
        if (source.Kind == SessionKind.Stream)
        {
            throw new InvalidInputException($"The lot of the camera '{source.VideoFileName}' has no stored video to show a frame of; its spots come from the mask it was started with.");
        }
        var path = storage.Value.FullPath(source.VideoPath);
        if (!File.Exists(path))
        {
            throw new InvalidInputException($"The lot's video '{source.VideoFileName}' is gone from the data directory; make a new lot with the video.");
        }
        try
        {
            return await stills.RenderAsync(path, cancellationToken);
        }
        catch (InvalidInputException invalid)
        {
            throw new InvalidInputException(invalid.Message.Replace(path, source.VideoFileName, StringComparison.Ordinal), invalid);
        }
    }

    /// <summary>Renames the lot, sets (or clears) its camera's live stream address and the speed of its analyses; false when the lot is unknown.</summary>
    /// <param name="speed">See <see cref="AnalysisSpeed"/>; null = SmartSpot:Analysis:DefaultSpeed.</param>
    public Task<bool> UpdateDetailsAsync(Guid lotId, string name, string? liveUrl, double? speed, CancellationToken cancellationToken)
    {
        var cleaned = DisplayName.Clean(name, "The lot's name");
        if (cleaned.Length == 0) throw new InvalidInputException("The lot needs a name.");
        if (speed is { } pace && !AnalysisSpeed.IsValid(pace))
        {
            throw new InvalidInputException($"The speed {pace} is not valid: 0 (as fast as possible) or from {AnalysisSpeed.Min} to {AnalysisSpeed.Max}; null for the server's default.");
        }
        return lots.UpdateDetailsAsync(lotId, cleaned, StreamAddress.ParseOptional(liveUrl), speed, cancellationToken);
    }

    private async Task ForgetAsync(Guid lotId)
    {
        try
        {
            await lots.DeleteUnusedAsync(lotId, CancellationToken.None);
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "Could not remove lot {LotId}, whose analysis was refused.", lotId);
        }
    }

    /// <summary>The name given (cleaned), else <paramref name="fallback"/>.</summary>
    /// <param name="what">What the name is, for the message: "The session name".</param>
    private static string NameOf(string? name, string what, string fallback)
    {
        var cleaned = name is null ? "" : DisplayName.Clean(name, what);
        return cleaned.Length > 0 ? cleaned : fallback;
    }
}
