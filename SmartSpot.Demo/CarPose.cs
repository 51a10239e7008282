using OpenCvSharp;

namespace SmartSpot.Demo;

/// <summary>A car's centre in frame pixels and its heading in radians (0 = nose right, positive turns clockwise on screen).</summary>
internal readonly record struct CarPose(Point2d Centre, double Heading);
