using OpenCvSharp;

namespace SmartSpot.Vision.Spots;

/// <summary>The parking spots of a lot: the connected white shapes of a mask, with stable ids.</summary>
public sealed class SpotMap
{
    private SpotMap(PixelSize frameSize, IReadOnlyList<ParkingSpot> spots)
    {
        FrameSize = frameSize;
        Spots = spots;
    }

    /// <summary>Size of the image the spot boxes are measured in.</summary>
    public PixelSize FrameSize { get; }

    public IReadOnlyList<ParkingSpot> Spots { get; }

    /// <summary>Reads a mask file, checking its header (format, size limit, completeness) before decoding it.</summary>
    public static SpotMap Load(string path, SpotMapOptions options)
    {
        if (!File.Exists(path))
        {
            throw new InvalidInputException($"The mask '{path}' does not exist. Check the path.");
        }
        var header = ImageHeader.Read(path);
        if (header.Pixels > options.MaxMaskPixels)
        {
            throw new InvalidInputException(
                $"The mask '{path}' is {header.Width}x{header.Height} ({header.Pixels:N0} pixels), over the limit of {options.MaxMaskPixels:N0}. Draw the mask at the video's size.");
        }
        using var mask = Cv2.ImRead(path, ImreadModes.Grayscale);
        if (mask.Empty())
        {
            throw new InvalidInputException($"The mask '{path}' could not be decoded as an image. Save it again as PNG.");
        }
        return FromMask(mask, options);
    }

    /// <summary>Finds the spots of a grey mask: threshold above 127, 4-connected shapes, specks dropped.</summary>
    public static SpotMap FromMask(Mat mask, SpotMapOptions options)
    {
        using var binary = new Mat();
        Cv2.Threshold(mask, binary, 127, 255, ThresholdTypes.Binary);
        using var labels = new Mat();
        using var stats = new Mat();
        using var centroids = new Mat();
        var count = Cv2.ConnectedComponentsWithStats(binary, labels, stats, centroids, PixelConnectivity.Connectivity4);
        var shapes = new List<(Rect Box, int Area)>();
        for (var label = 1; label < count; label++)
        {
            var area = stats.At<int>(label, (int)ConnectedComponentsTypes.Area);
            if (area < options.MinSpotArea) continue;
            var box = new Rect(
                stats.At<int>(label, (int)ConnectedComponentsTypes.Left),
                stats.At<int>(label, (int)ConnectedComponentsTypes.Top),
                stats.At<int>(label, (int)ConnectedComponentsTypes.Width),
                stats.At<int>(label, (int)ConnectedComponentsTypes.Height));
            shapes.Add((box, area));
        }
        if (shapes.Count == 0)
        {
            throw new InvalidInputException("The mask has no spots: no white shape (brighter than 50 %) is large enough. Draw each spot as a white shape on black.");
        }
        var spots = InReadingOrder(shapes).Select((shape, index) => new ParkingSpot(index + 1, shape.Box.ToPixelBox(), shape.Area)).ToList();
        return new SpotMap(mask.Size().ToPixelSize(), spots);
    }

    /// <summary>The same spots in a video of another size; refuses a video whose shape differs from the mask's.</summary>
    public SpotMap FitTo(PixelSize videoSize, double aspectTolerance)
    {
        if (videoSize == FrameSize) return this;
        var maskAspect = (double)FrameSize.Width / FrameSize.Height;
        var videoAspect = (double)videoSize.Width / videoSize.Height;
        var difference = Math.Abs(maskAspect / videoAspect - 1);
        if (difference > aspectTolerance)
        {
            throw new InvalidInputException(
                $"The mask is {FrameSize.Width}x{FrameSize.Height} but the video is {videoSize.Width}x{videoSize.Height}: their shapes differ by {difference:P1} (at most {aspectTolerance:P0} allowed). Use a mask drawn on a frame of this video.");
        }
        var scaleX = (double)videoSize.Width / FrameSize.Width;
        var scaleY = (double)videoSize.Height / FrameSize.Height;
        var frame = new PixelBox(0, 0, videoSize.Width, videoSize.Height);
        var spots = Spots.Select(spot => spot with { Box = Scale(spot.Box, scaleX, scaleY).Intersect(frame) })
            .Where(spot => !spot.Box.IsEmpty)
            .ToList();
        return new SpotMap(videoSize, spots);
    }

    private static PixelBox Scale(PixelBox box, double scaleX, double scaleY)
    {
        var left = (int)Math.Round(box.X * scaleX);
        var top = (int)Math.Round(box.Y * scaleY);
        var right = (int)Math.Round(box.Right * scaleX);
        var bottom = (int)Math.Round(box.Bottom * scaleY);
        return new PixelBox(left, top, Math.Max(1, right - left), Math.Max(1, bottom - top));
    }

    /// <summary>Rows top to bottom (a shape joins a row when its centre lies within the row's first shape), then left to right.</summary>
    private static IEnumerable<(Rect Box, int Area)> InReadingOrder(List<(Rect Box, int Area)> shapes)
    {
        var rows = new List<List<(Rect Box, int Area)>>();
        foreach (var shape in shapes.OrderBy(s => s.Box.Top + s.Box.Height / 2.0))
        {
            var centreY = shape.Box.Top + shape.Box.Height / 2.0;
            var row = rows.Count > 0 ? rows[^1] : null;
            if (row is null || centreY > row[0].Box.Bottom)
            {
                rows.Add([shape]);
            }
            else
            {
                row.Add(shape);
            }
        }
        return rows.SelectMany(row => row.OrderBy(s => s.Box.Left));
    }
}
