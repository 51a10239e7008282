namespace SmartSpot.Web.Sessions;

/// <summary>Where a session's video and mask come from.</summary>
public enum SessionKind
{
    /// <summary>Files the operator uploaded, kept under the data directory's uploads folder.</summary>
    Upload,

    /// <summary>The synthetic demo lot, generated in the data directory's demo folder (again if it is gone).</summary>
    Demo,

    /// <summary>A live camera stream (RTSP or HTTP) and an uploaded mask: runs until stopped.</summary>
    Stream,
}
