using System.Text.Json.Serialization;
using OpenCvSharp;

namespace SmartSpot.Demo;

/// <summary>One bay of the demo lot: its id (the same as the engine's spot id for the mask) and its white mask rectangle.</summary>
/// <param name="Id">1-based, in the engine's reading order: rows top to bottom, then left to right.</param>
/// <param name="FacesUp">The bay lies above its lane, so a parked car points up; otherwise down.</param>
public sealed record DemoBay(int Id, int Row, int Column, int X, int Y, int Width, int Height, bool FacesUp)
{
    /// <summary>The mask rectangle, in video pixels.</summary>
    [JsonIgnore]
    public Rect Box => new(X, Y, Width, Height);
}
