namespace SmartSpot.Web.Components.Occupancy;

/// <summary>What <see cref="LiveFrame"/> needs from a running analysis: its newest frame and a nudge when there is a newer one.</summary>
public interface IJpegFrameFeed
{
    /// <summary>The newest annotated frame; null before the first.</summary>
    JpegFrame? Latest { get; }

    /// <summary>Calls <paramref name="onNewFrame"/> (from any thread) whenever <see cref="Latest"/> may have changed.</summary>
    IDisposable Subscribe(Action onNewFrame);

    /// <summary>Marks a viewer as present, so the analysis encodes frames; dispose when the viewer leaves.</summary>
    IDisposable Watch();
}
