namespace SmartSpot.Web.Lots;

/// <summary>How the lot's analyses run, where it differs from the server's defaults.</summary>
/// <param name="Speed">Playback speed of a new analysis of the lot (see <c>AnalysisSpeed</c>: 0 = as fast as possible); null = SmartSpot:Analysis:DefaultSpeed.</param>
public sealed record LotSettings(double? Speed = null)
{
    public static LotSettings Default { get; } = new();
}
