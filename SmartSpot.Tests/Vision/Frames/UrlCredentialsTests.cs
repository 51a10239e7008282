using SmartSpot.Vision.Frames;

namespace SmartSpot.Tests.Vision.Frames;

public sealed class UrlCredentialsTests
{
    [Theory]
    [InlineData("rtsp://admin:s3cret@10.0.0.7:554/stream1", "rtsp://***@10.0.0.7:554/stream1")]
    [InlineData("rtsps://viewer@cam.local/live", "rtsps://***@cam.local/live")]
    [InlineData("http://cam.local/video.cgi?user=admin&password=s3cret&res=hd", "http://cam.local/video.cgi?user=***&password=***&res=hd")]
    [InlineData("https://cam.local/live.m3u8?token=abc123", "https://cam.local/live.m3u8?token=***")]
    [InlineData("[tcp @ 0x55] Connection to tcp://u:p@10.0.0.7:554 failed: Connection refused", "[tcp @ 0x55] Connection to tcp://***@10.0.0.7:554 failed: Connection refused")]
    [InlineData("http://cam.local/live.ts", "http://cam.local/live.ts")]
    [InlineData("/videos/lot@night.mp4", "/videos/lot@night.mp4")]
    public void Mask_HidesUserInfoAndSecretQueryValues(string text, string masked)
    {
        Assert.Equal(masked, UrlCredentials.Mask(text));
    }

    [Theory]
    [InlineData("rtsp://cam/1", true)]
    [InlineData("RTSPS://cam/1", true)]
    [InlineData("http://cam/1.ts", true)]
    [InlineData("https://cam/live.m3u8", true)]
    [InlineData("/data/lot.mp4", false)]
    [InlineData("file:lot.mp4", false)]
    [InlineData("ftp://host/lot.mp4", false)]
    public void IsStreamUrl_TellsStreamsFromFiles(string text, bool isStream)
    {
        Assert.Equal(isStream, UrlCredentials.IsStreamUrl(text));
    }
}
