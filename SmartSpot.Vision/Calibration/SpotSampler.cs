using OpenCvSharp;
using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Frames;
using SmartSpot.Vision.Rendering;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Vision.Calibration;

/// <summary>
/// Cuts the spots out of chosen frames of a stored video, as the classifier sees them, and judges each with
/// <paramref name="classifier"/> (the accurate model, with its embedding, for calibration): the crops an operator labels.
/// A stored crop judged again (<see cref="Judge"/>) gives the same verdict and embedding, so a lot's head is fitted on exactly what was labelled.
/// </summary>
public sealed class SpotSampler(ISpotClassifier classifier, FrameSourceOptions frames)
{
    /// <summary>JPEG quality of the whole frame shown to the operator: 85 is plenty to see a car by.</summary>
    private const int JpegQuality = 85;

    /// <summary>
    /// The frames numbered <paramref name="frameIndices"/> of the video, each with its spots (in the video's pixels) cut out and judged;
    /// in increasing frame order. Throws <see cref="InvalidInputException"/> for a video that cannot be read, a frame past its end, or a spot outside its frame.
    /// </summary>
    public async Task<IReadOnlyList<SampledFrame>> SampleAsync(
        string videoPath, IReadOnlyList<ParkingSpot> spots, IReadOnlyList<int> frameIndices, CancellationToken cancellationToken)
    {
        using var source = VideoFileFrameSource.At(videoPath, frameIndices, frames with { AnalyzeEvery = 1 });
        var size = new PixelSize(source.Info.Width, source.Info.Height);
        if (spots.FirstOrDefault(spot => spot.Box.X < 0 || spot.Box.Y < 0 || spot.Box.Right > size.Width || spot.Box.Bottom > size.Height) is { } outside)
        {
            throw new InvalidInputException($"Spot {outside.Id} {outside.Box} lies outside the {size} frames of the video '{videoPath}': the spots belong to another video.");
        }
        var sampled = new List<SampledFrame>();
        await foreach (var frame in source.ReadAsync(cancellationToken))
        {
            using (frame)
            {
                sampled.Add(Sample(frame, spots));
            }
        }
        if (source.EndedEarly)
        {
            var missing = frameIndices.Order().First(index => sampled.All(frame => frame.Index != index));
            throw new InvalidInputException($"The video '{videoPath}' ended before frame {missing:N0}: it has fewer frames than its header announces. Choose an earlier frame.");
        }
        return sampled;
    }

    /// <summary>The frame with each of <paramref name="spots"/> cut out and judged.</summary>
    public SampledFrame Sample(Frame frame, IReadOnlyList<ParkingSpot> spots)
    {
        using var cropper = new SpotCropper();
        var verdicts = classifier.Classify(new SpotCrops(frame, spots, cropper));
        var samples = new List<SpotSample>(spots.Count);
        for (var index = 0; index < spots.Count; index++)
        {
            using var crop = cropper.Cut(frame, spots[index]);
            Cv2.ImEncode(".png", crop, out var png);
            samples.Add(new SpotSample(spots[index].Id, png, verdicts[index]));
        }
        using var picture = BgrFrameConverter.ToBgr(frame);
        Cv2.ImEncode(".jpg", picture, out var jpeg, [new ImageEncodingParam(ImwriteFlags.JpegQuality, JpegQuality)]);
        return new SampledFrame(frame.Index, frame.Timestamp, jpeg, samples);
    }

    /// <summary>The verdict on a stored crop (<see cref="SpotSample.Png"/>): the same as when it was cut. Throws <see cref="InvalidInputException"/> for bytes that are not an image.</summary>
    public SpotClassification Judge(byte[] png)
    {
        using var image = Cv2.ImDecode(png, ImreadModes.Color);
        if (image.Empty())
        {
            throw new InvalidInputException("A stored crop is not a readable image; delete that correction and label the spot again.");
        }
        using var frame = Frame.FromBgr(image);
        using var cropper = new SpotCropper();
        return classifier.Classify(SpotCrops.WholeFrame(frame, cropper))[0];
    }
}
