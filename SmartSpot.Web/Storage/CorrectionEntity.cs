using SmartSpot.Vision.Classification;

namespace SmartSpot.Web.Storage;

/// <summary>
/// An operator's word on one spot of one frame of a lot's analysis: the label, the crop the classifier saw (a small PNG,
/// kept in the row so it goes wherever the row goes), and what the models said about it then.
/// </summary>
public sealed class CorrectionEntity
{
    public Guid Id { get; set; }

    public Guid LotId { get; set; }

    /// <summary>The analysis whose frame was labelled; not a foreign key, the correction outlives a re-run.</summary>
    public Guid SessionId { get; set; }

    public int SpotId { get; set; }

    /// <summary>What the operator says the spot is.</summary>
    public SpotStatus Label { get; set; }

    /// <summary>Zero-based frame number in the analysis's video.</summary>
    public int Frame { get; set; }

    /// <summary>Video time of the frame, in seconds.</summary>
    public double FrameSeconds { get; set; }

    /// <summary>The generic (shipped accurate) model's verdict on the crop.</summary>
    public SpotStatus GenericStatus { get; set; }

    /// <summary>Its calibrated confidence, 0.5 to 1.</summary>
    public float GenericConfidence { get; set; }

    /// <summary>The verdict of the model in use for the lot then: the lot's head when <see cref="HeadId"/> is set, else the generic one.</summary>
    public SpotStatus VerdictStatus { get; set; }

    /// <summary>The lot head (<see cref="LotHeadEntity.HeadId"/>) in use when the label was given; null under the generic model.</summary>
    public Guid? HeadId { get; set; }

    /// <summary>The crop as a PNG: the spot's box, or its outline warped upright, before resizing.</summary>
    public required byte[] Crop { get; set; }

    /// <summary>Who gave the label, as the audit log names them.</summary>
    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
