namespace SmartSpot.Vision.Evaluation;

/// <summary>Counts of true against predicted status, occupied being the positive class.</summary>
public sealed record ConfusionMatrix(int FreeAsFree, int FreeAsOccupied, int OccupiedAsFree, int OccupiedAsOccupied)
{
    public int Total => FreeAsFree + FreeAsOccupied + OccupiedAsFree + OccupiedAsOccupied;

    public double Accuracy => Ratio(FreeAsFree + OccupiedAsOccupied, Total);

    /// <summary>Of the crops called occupied, the share that were.</summary>
    public double Precision => Ratio(OccupiedAsOccupied, OccupiedAsOccupied + FreeAsOccupied);

    /// <summary>Of the occupied crops, the share called occupied.</summary>
    public double Recall => Ratio(OccupiedAsOccupied, OccupiedAsOccupied + OccupiedAsFree);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
