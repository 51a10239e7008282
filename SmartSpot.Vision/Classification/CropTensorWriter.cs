using OpenCvSharp;

namespace SmartSpot.Vision.Classification;

/// <summary>
/// The model's input contract (docs/model.md): the spot's BGR crop, turned 90° clockwise when taller than wide,
/// resized with INTER_AREA to the model's width x height, written as planar B,G,R floats 0-255.
/// </summary>
public sealed class CropTensorWriter(int width, int height) : IDisposable
{
    private readonly Mat _rotated = new();
    private readonly Mat _resized = new();

    public int Width { get; } = width;

    public int Height { get; } = height;

    /// <summary>Floats one crop takes in the tensor.</summary>
    public int CropLength => 3 * Width * Height;

    /// <param name="crop">The spot's box cut from the frame, 8-bit BGR.</param>
    public void Write(Mat crop, Span<float> destination)
    {
        var upright = crop;
        if (crop.Height > crop.Width)
        {
            Cv2.Rotate(crop, _rotated, RotateFlags.Rotate90Clockwise);
            upright = _rotated;
        }
        Cv2.Resize(upright, _resized, new Size(Width, Height), interpolation: InterpolationFlags.Area);
        CopyPlanar(_resized, destination);
    }

    public void Dispose()
    {
        _rotated.Dispose();
        _resized.Dispose();
    }

    private unsafe void CopyPlanar(Mat bgr, Span<float> destination)
    {
        var plane = Width * Height;
        for (var y = 0; y < Height; y++)
        {
            var row = (byte*)bgr.Ptr(y);
            for (var x = 0; x < Width; x++)
            {
                var pixel = y * Width + x;
                destination[pixel] = row[3 * x];
                destination[plane + pixel] = row[3 * x + 1];
                destination[2 * plane + pixel] = row[3 * x + 2];
            }
        }
    }
}
