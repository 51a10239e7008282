using SmartSpot.Vision.Frames;

namespace SmartSpot.Vision.Rendering;

/// <summary>One frame of a video as JPEG, to draw spots on, with what the video is.</summary>
/// <param name="Jpeg">The frame at the video's own size, unscaled and unannotated.</param>
public sealed record StillFrame(VideoInfo Video, byte[] Jpeg);
