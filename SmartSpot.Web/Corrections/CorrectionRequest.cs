using SmartSpot.Vision;
using SmartSpot.Vision.Classification;

namespace SmartSpot.Web.Corrections;

/// <summary>The body of <c>POST /api/sessions/{id}/corrections</c>: <c>{"spotId": 3, "label": "free", "frame": 120}</c>.</summary>
/// <param name="Label">"free" or "occupied" (any case): what the spot is on that frame.</param>
/// <param name="Frame">The frame number; absent = the frame the analysis analysed last (the one its page shows).</param>
public sealed record CorrectionRequest(int? SpotId, string? Label, int? Frame)
{
    /// <summary>The spot and label; throws <see cref="InvalidInputException"/> saying what to send.</summary>
    public (int SpotId, SpotStatus Label) Checked()
    {
        if (SpotId is not { } spot) throw new InvalidInputException("Give the spot's \"spotId\" (its number on the analysis's page).");
        return Label?.Trim().ToLowerInvariant() switch
        {
            "free" => (spot, SpotStatus.Free),
            "occupied" => (spot, SpotStatus.Occupied),
            _ => throw new InvalidInputException($"The \"label\" must be \"free\" or \"occupied\"; it was {(Label is null ? "missing" : $"\"{Label}\"")}."),
        };
    }
}
