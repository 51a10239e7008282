using OpenCvSharp;
using SmartSpot.Vision;
using SmartSpot.Vision.Frames;
using SmartSpot.Vision.Pipeline;
using SmartSpot.Vision.Spots;

namespace SmartSpot.Web.Services;

/// <summary>The stored video and mask of an analysis, with the names the operator gave them.</summary>
public sealed record SessionFiles(StoredUpload Video, StoredUpload Mask)
{
    /// <summary>Replaces stored paths in an engine message with the operator's file names.</summary>
    public string Explain(string message) =>
        message.Replace(Video.Path, Video.FileName, StringComparison.Ordinal).Replace(Mask.Path, Mask.FileName, StringComparison.Ordinal);

    /// <summary>Opens video and mask together as the engine will; throws <see cref="InvalidInputException"/> in the operator's words.</summary>
    public (VideoInfo Video, IReadOnlyList<ParkingSpot> Spots) Inspect(PipelineOptions pipeline)
    {
        try
        {
            using var input = AnalysisInput.Open(Video.Path, Mask.Path, pipeline);
            return (input.Source.Info, input.Spots.Spots);
        }
        catch (InvalidInputException error)
        {
            throw new InvalidInputException(Explain(error.Message), error);
        }
        catch (OpenCVException error)
        {
            throw new InvalidInputException($"'{Video.FileName}' or '{Mask.FileName}' could not be read ({error.Message}). Check both files and upload them again.", error);
        }
    }
}
