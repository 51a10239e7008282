using System.Runtime.InteropServices;
using OpenCvSharp;

namespace SmartSpot.Vision.Frames;

/// <summary>
/// Keeps OpenCV's and FFmpeg's own console chatter ("moov atom not found", WARN lines) off stderr:
/// the engine reports bad input itself, in one clear message.
/// </summary>
internal static partial class NativeVideoLogging
{
    private const string FfmpegQuiet = "-8";
    private static readonly Lazy<bool> Silenced = new(Silence);

    /// <summary>Call before the first VideoCapture: FFmpeg reads its log level once, when OpenCV registers it.</summary>
    public static void EnsureSilenced() => _ = Silenced.Value;

    private static bool Silence()
    {
        if (Environment.GetEnvironmentVariable("OPENCV_FFMPEG_LOGLEVEL") is null)
        {
            SetNativeEnvironment("OPENCV_FFMPEG_LOGLEVEL", FfmpegQuiet, overwrite: 0);
        }
        Cv2.SetLogLevel(LogLevel.SILENT);
        return true;
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetNativeEnvironment(string name, string value, int overwrite);
}
