namespace SmartSpot.Vision.Frames;

/// <summary>The state of a live stream's connection, for display: immutable, replaced on every change.</summary>
/// <param name="Since">When the stream went live, or when it dropped (for Reconnecting and Offline).</param>
/// <param name="LastError">Why the stream last dropped, or why the last reconnection failed; credentials masked. Null until the first drop.</param>
/// <param name="Reconnects">Times the stream came back after a drop (each one a gap in the frames).</param>
public sealed record StreamConnection(StreamStatus Status, DateTimeOffset Since, string? LastError, int Reconnects);
