using OpenCvSharp;
using SmartSpot.Vision.Frames;

namespace SmartSpot.Vision.Rendering;

/// <summary>Renders the first frame of a video as a JPEG for the spot editor: the video's own size, so spots are drawn in its pixels.</summary>
public sealed class StillFrameRenderer(FrameSourceOptions frames)
{
    /// <summary>JPEG quality of the still. 90: painted lines stay sharp when the editor zooms in.</summary>
    private const int JpegQuality = 90;

    /// <summary>The first frame; throws <see cref="InvalidInputException"/> for a video that cannot be read or has no frame.</summary>
    public async Task<StillFrame> RenderAsync(string videoPath, CancellationToken cancellationToken)
    {
        using var source = new VideoFileFrameSource(videoPath, frames with { AnalyzeEvery = 1 });
        await foreach (var frame in source.ReadAsync(cancellationToken))
        {
            using (frame)
            {
                using var bgr = BgrFrameConverter.ToBgr(frame);
                Cv2.ImEncode(".jpg", bgr, out var jpeg, [new ImageEncodingParam(ImwriteFlags.JpegQuality, JpegQuality)]);
                return new StillFrame(source.Info, jpeg);
            }
        }
        throw new InvalidInputException($"The video '{videoPath}' has no frame that can be decoded. Upload the camera's video again.");
    }
}
