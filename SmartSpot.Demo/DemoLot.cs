namespace SmartSpot.Demo;

/// <summary>The files of a generated demo lot: the video, its spot mask and the true status of every bay in every frame.</summary>
public sealed record DemoLot(string VideoPath, string MaskPath, string GroundTruthPath);
