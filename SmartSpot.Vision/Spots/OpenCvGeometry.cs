using OpenCvSharp;

namespace SmartSpot.Vision.Spots;

/// <summary>The one mapping between the engine's geometry and OpenCV's, used where pixels are touched.</summary>
internal static class OpenCvGeometry
{
    public static Rect ToRect(this PixelBox box) => new(box.X, box.Y, box.Width, box.Height);

    public static PixelBox ToPixelBox(this Rect rect) => new(rect.X, rect.Y, rect.Width, rect.Height);

    public static Size ToSize(this PixelSize size) => new(size.Width, size.Height);

    public static PixelSize ToPixelSize(this Size size) => new(size.Width, size.Height);
}
