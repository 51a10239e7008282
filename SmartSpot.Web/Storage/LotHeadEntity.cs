namespace SmartSpot.Web.Storage;

/// <summary>The head a lot's analyses use (calibration), one per lot at most; deleting it (undo) returns the lot to the generic model.</summary>
public sealed class LotHeadEntity
{
    public Guid LotId { get; set; }

    /// <summary>New with every calibration, so a correction says which head judged it.</summary>
    public Guid HeadId { get; set; }

    /// <summary>The head as <c>lot-head.json</c> (<see cref="SmartSpot.Vision.Calibration.LotHeadFile"/>).</summary>
    public required string Json { get; set; }

    /// <summary>Who calibrated, as the audit log names them.</summary>
    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
