using SmartSpot.Vision.Calibration;

namespace SmartSpot.Web.Corrections;

/// <summary>The head a lot's analyses use, with when and by whom it was fitted.</summary>
/// <param name="HeadId">New with every calibration: the corrections it judged carry it.</param>
public sealed record AppliedHead(Guid HeadId, LotHead Head, DateTimeOffset CalibratedAt, string CalibratedBy);
