using SmartSpot.Vision.Frames;

namespace SmartSpot.Tests.Vision.Frames;

/// <summary>FFmpeg's own words (copied from its stderr) become one sentence saying what is wrong and what to do.</summary>
public sealed class FfmpegErrorsTests
{
    [Theory]
    [InlineData("[tcp @ 0x55a4] Connection to tcp://127.0.0.1:554?timeout=0 failed: Connection refused", "connection refused")]
    [InlineData("[http @ 0x5612] HTTP error 401 Unauthorized|http://cam/x: Server returned 401 Unauthorized (authorization failed)", "401 Unauthorized")]
    [InlineData("http://cam/x: Server returned 403 Forbidden (access denied)", "403 Forbidden")]
    [InlineData("http://cam/x: Server returned 404 Not Found", "404 Not Found")]
    [InlineData("[tcp @ 0x5612] Failed to resolve hostname nocam.invalid: Name or service not known", "host")]
    [InlineData("http://10.0.0.9/x: Connection timed out", "did not answer in time")]
    [InlineData("[mov,mp4,m4a,3gp,3g2,mj2 @ 0x5564] moov atom not found|file:/v/lot.mp4: Invalid data found when processing input", "truncated")]
    [InlineData("file:/v/notes.txt: Invalid data found when processing input", "not a video")]
    [InlineData("Decoder (codec hevc) not found for input stream #0:0", "(hevc) that FFmpeg cannot decode")]
    [InlineData("Stream map '0:v:0' matches no streams.", "no video track")]
    [InlineData("[h264 @ 0x55ec] [IMGUTILS @ 0x7ffe] Picture size 15008x15008 exceeds specified max pixel count 33177600, see the documentation", "15008x15008 (225,240,064 pixels), over the limit of 33,177,600 pixels")]
    [InlineData("ftp://x/y: Protocol not found", "protocol")]
    public void Explain_KnownFailure_SaysWhatIsWrong(string stderr, string expected)
    {
        var message = FfmpegErrors.Explain(stderr.Split('|'), "the-source", 33_177_600);

        Assert.Contains(expected, message);
        Assert.Contains("the-source", message);
    }

    [Fact]
    public void Explain_UnknownFailure_QuotesFfmpegsLastWordsMasked()
    {
        var message = FfmpegErrors.Explain(["  Metadata:", "[rtsp @ 0x55] method DESCRIBE failed for rtsp://admin:pw@cam/x: 503 Service Unavailable"], "rtsp://***@cam/x", 1);

        Assert.Equal("FFmpeg could not read 'rtsp://***@cam/x': method DESCRIBE failed for rtsp://***@cam/x: 503 Service Unavailable", message);
    }
}
