using OpenCvSharp;

namespace SmartSpot.Vision.Spots;

/// <summary>The parking spots of a lot, with stable ids: the connected white shapes of a mask, or outlines drawn in the spot editor.</summary>
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
        CheckSize(ImageHeader.Read(path), path, options);
        using var mask = Cv2.ImRead(path, ImreadModes.Grayscale);
        return FromDecoded(mask, path, options);
    }

    /// <summary>Reads a mask image held in memory (an upload), checked like <see cref="Load"/>; <paramref name="name"/> is for messages.</summary>
    public static SpotMap Decode(byte[] image, string name, SpotMapOptions options)
    {
        CheckSize(ImageHeader.Parse(image, image.AsSpan(Math.Max(0, image.Length - 16)), name), name, options);
        using var mask = Cv2.ImDecode(image, ImreadModes.Grayscale);
        return FromDecoded(mask, name, options);
    }

    /// <summary>
    /// The spots of drawn outlines, in id order, on a frame of <paramref name="frameSize"/>: each spot's box is its
    /// outline's bounding box inside the frame. Overlaps are allowed here (a mask's boxes may overlap too).
    /// </summary>
    public static SpotMap FromShapes(PixelSize frameSize, IReadOnlyList<SpotShape> shapes)
    {
        if (shapes.Count == 0)
        {
            throw new InvalidInputException("The lot has no spots yet: draw them in the spot editor (or import a mask), then start the analysis.");
        }
        var frame = new PixelBox(0, 0, frameSize.Width, frameSize.Height);
        var spots = new List<ParkingSpot>(shapes.Count);
        foreach (var shape in shapes.OrderBy(shape => shape.Id))
        {
            if (shape.Id <= 0 || spots.Count > 0 && spots[^1].Id == shape.Id)
            {
                throw new InvalidInputException($"The spot id {shape.Id} is {(shape.Id <= 0 ? "not positive" : "used twice")}: every spot needs its own positive id.");
            }
            if (!shape.Quad.IsConvex)
            {
                throw new InvalidInputException($"Spot {shape.Id} is not a convex four-cornered outline {shape.Quad}: give its corners in order around it.");
            }
            var box = shape.Quad.Bounds.Intersect(frame);
            if (box.IsEmpty)
            {
                throw new InvalidInputException($"Spot {shape.Id} {shape.Quad} lies outside the {frameSize} frame.");
            }
            spots.Add(new ParkingSpot(shape.Id, box, Math.Max(1, (int)Math.Round(shape.Quad.Area)), shape.Quad));
        }
        return new SpotMap(frameSize, spots);
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

    private static void CheckSize(ImageHeader header, string name, SpotMapOptions options)
    {
        if (header.Pixels > options.MaxMaskPixels)
        {
            throw new InvalidInputException(
                $"The mask '{name}' is {header.Width}x{header.Height} ({header.Pixels:N0} pixels), over the limit of {options.MaxMaskPixels:N0}. Draw the mask at the video's size.");
        }
    }

    private static SpotMap FromDecoded(Mat mask, string name, SpotMapOptions options)
    {
        if (mask.Empty())
        {
            throw new InvalidInputException($"The mask '{name}' could not be decoded as an image. Save it again as PNG.");
        }
        return FromMask(mask, options);
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
        var spots = Spots.Select(spot => spot with { Box = Scale(spot.Box, scaleX, scaleY).Intersect(frame), Quad = spot.Quad?.Scale(scaleX, scaleY) })
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
