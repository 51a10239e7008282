using SmartSpot.Vision.Classification;

namespace SmartSpot.Vision.Evaluation;

/// <summary>One labelled crop and what the classifier said of it.</summary>
/// <param name="Path">The crop's file, relative to the evaluated folder (e.g. <c>empty/cam1/12.jpg</c>).</param>
public sealed record CropVerdict(string Path, SpotStatus Truth, SpotClassification Verdict)
{
    public bool IsRight => Verdict.Status == Truth;
}
