using SmartSpot.Vision.Frames;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Vision.Classification;

/// <summary>
/// The spots to classify in one frame. A classifier asks for their pixels at its own input size; nothing is cut until
/// it asks. Lent for the duration of <see cref="ISpotClassifier.Classify"/> only: the frame moves on afterwards.
/// </summary>
public sealed class SpotCrops(Frame frame, IReadOnlyList<ParkingSpot> spots, SpotCropper cropper)
{
    /// <summary>The spots, in the order their crops and verdicts come.</summary>
    public IReadOnlyList<ParkingSpot> Spots { get; } = spots;

    public int Count => Spots.Count;

    /// <summary>
    /// Every crop as docs/model.md says: [Count, 3, height, width], planar B, G, R floats 0-255, in a buffer the cropper
    /// reuses frame after frame (no per-frame allocation): valid until the next call.
    /// </summary>
    public Memory<float> ToTensor(int width, int height) => cropper.Write(frame, Spots, width, height);

    /// <summary>The whole of <paramref name="frame"/> as the one crop (spot 1): a crop image read from a file.</summary>
    public static SpotCrops WholeFrame(Frame frame, SpotCropper cropper) =>
        new(frame, [new ParkingSpot(1, new PixelBox(0, 0, frame.Size.Width, frame.Size.Height), frame.Size.Width * frame.Size.Height)], cropper);

    /// <summary>Some of these spots, of the same frame (for a second classifier that judges only those).</summary>
    public SpotCrops Of(IReadOnlyList<ParkingSpot> spots) => new(frame, spots, cropper);
}
