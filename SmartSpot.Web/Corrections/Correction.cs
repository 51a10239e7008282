using SmartSpot.Vision.Classification;

namespace SmartSpot.Web.Corrections;

/// <summary>An operator's label for one spot on one frame of a lot's analysis, with what the models said then (its crop is fetched apart).</summary>
/// <param name="Frame">Zero-based frame number in the analysis's video.</param>
/// <param name="Time">Video time of the frame.</param>
/// <param name="Generic">The generic model's verdict on the crop.</param>
/// <param name="GenericConfidence">Its calibrated confidence, 0.5 to 1.</param>
/// <param name="Verdict">The verdict of the model the lot used then (its head, when <paramref name="Calibrated"/>).</param>
/// <param name="HeadId">The lot head that judged it; null under the generic model.</param>
/// <param name="CreatedBy">Who labelled it, as the audit log names them.</param>
public sealed record Correction(
    Guid Id, Guid LotId, Guid SessionId, int SpotId, SpotStatus Label, int Frame, TimeSpan Time,
    SpotStatus Generic, float GenericConfidence, SpotStatus Verdict, Guid? HeadId, string CreatedBy, DateTimeOffset CreatedAt)
{
    public bool Calibrated => HeadId is not null;

    /// <summary>The model the lot used then agreed with the operator.</summary>
    public bool Agreed => Verdict == Label;
}
