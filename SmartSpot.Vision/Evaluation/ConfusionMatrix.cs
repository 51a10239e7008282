using SmartSpot.Vision.Classification;

namespace SmartSpot.Vision.Evaluation;

/// <summary>Counts of true against predicted status, occupied being the positive class.</summary>
public sealed record ConfusionMatrix(int FreeAsFree, int FreeAsOccupied, int OccupiedAsFree, int OccupiedAsOccupied)
{
    /// <summary>The matrix of these verdicts.</summary>
    public static ConfusionMatrix Of(IReadOnlyCollection<CropVerdict> verdicts)
    {
        int Count(SpotStatus truth, SpotStatus said) => verdicts.Count(verdict => verdict.Truth == truth && verdict.Verdict.Status == said);
        return new ConfusionMatrix(Count(SpotStatus.Free, SpotStatus.Free), Count(SpotStatus.Free, SpotStatus.Occupied),
            Count(SpotStatus.Occupied, SpotStatus.Free), Count(SpotStatus.Occupied, SpotStatus.Occupied));
    }

    public int Total => FreeAsFree + FreeAsOccupied + OccupiedAsFree + OccupiedAsOccupied;

    public double Accuracy => Ratio(FreeAsFree + OccupiedAsOccupied, Total);

    /// <summary>Of the crops called occupied, the share that were.</summary>
    public double Precision => Ratio(OccupiedAsOccupied, OccupiedAsOccupied + FreeAsOccupied);

    /// <summary>Of the occupied crops, the share called occupied.</summary>
    public double Recall => Ratio(OccupiedAsOccupied, OccupiedAsOccupied + OccupiedAsFree);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
