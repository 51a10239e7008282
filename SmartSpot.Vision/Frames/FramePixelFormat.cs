namespace SmartSpot.Vision.Frames;

/// <summary>How a frame's bytes are laid out.</summary>
public enum FramePixelFormat
{
    /// <summary>Video: the Y (luma) plane, W x H bytes, then the U and V planes, W/2 x H/2 bytes each (W and H even).</summary>
    Yuv420p,

    /// <summary>A still picture (a crop image, a test drawing): H rows of W x (B, G, R) bytes.</summary>
    Bgr24,
}
