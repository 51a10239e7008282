using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using SmartSpot.Vision;
using SmartSpot.Vision.Frames;

namespace SmartSpot.Tests.Vision.Frames;

/// <summary>Live streams served by ffmpeg on 127.0.0.1: drops, stalls, refusals. Nothing leaves the machine.</summary>
public sealed class LiveStreamFrameSourceTests
{
    private static readonly FrameSourceOptions Quick = new()
    {
        Live = new LiveStreamOptions { StallSeconds = 2, ConnectTimeoutSeconds = 5, OfflineAfterSeconds = 2 },
    };

    private static async Task WaitUntilAsync(Func<bool> condition, string what, double seconds = 20)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(seconds), $"timed out waiting until {what}");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    private static void AssertNothingLeft(LiveStreamFrameSource sut)
    {
        Assert.Equal(0, sut.BuffersInUse);
        Assert.All(sut.ProcessIds, id => Assert.True(ProcessTable.IsGone(id), $"ffmpeg {id} is still in the process table"));
    }

    /// <summary>Reads until <paramref name="enough"/> says so, in the background; the frames as (index, time, follows a gap).</summary>
    private static (Task Reading, ConcurrentQueue<(int Index, TimeSpan Time, bool FollowsGap)> Frames) ReadInBackground(
        LiveStreamFrameSource sut, Func<IReadOnlyCollection<(int, TimeSpan, bool FollowsGap)>, bool> enough)
    {
        var frames = new ConcurrentQueue<(int, TimeSpan, bool)>();
        var reading = Task.Run(async () =>
        {
            await foreach (var frame in sut.ReadAsync(TestContext.Current.CancellationToken))
            {
                using (frame) frames.Enqueue((frame.Index, frame.Timestamp, frame.FollowsGap));
                if (enough(frames)) break;
            }
        }, TestContext.Current.CancellationToken);
        return (reading, frames);
    }

    [Fact]
    public async Task ReadAsync_ServerKilledThenBack_GoesReconnectingAndOfflineThenLiveWithTheGapMarked()
    {
        using var server = new LiveStreamServer();
        using var sut = new LiveStreamFrameSource(server.Url, Quick);
        var states = new ConcurrentQueue<StreamConnection>();
        sut.ConnectionChanged += states.Enqueue;
        var (reading, frames) = ReadInBackground(sut, seen => seen.Count(frame => frame.FollowsGap) == 1 && seen.Last().FollowsGap is false && seen.Count > 40);

        await WaitUntilAsync(() => frames.Count >= 15, "15 frames came");
        server.Kill();
        await WaitUntilAsync(() => sut.Connection.Status == StreamStatus.Offline, "the stream is offline");
        var offline = sut.Connection;
        server.Start();
        await reading.WaitAsync(TimeSpan.FromSeconds(120), TestContext.Current.CancellationToken);

        Assert.Equal((160, 120, 30.0, true), (sut.Info.Width, sut.Info.Height, sut.Info.Fps, sut.Info.IsLive));
        Assert.Contains(states, state => state.Status == StreamStatus.Reconnecting);
        Assert.Contains("connection refused", offline.LastError);
        Assert.Equal((StreamStatus.Live, 1), (sut.Connection.Status, sut.Connection.Reconnects));
        var list = frames.ToList();
        var gap = list.FindIndex(frame => frame.FollowsGap);
        Assert.True(list[gap].Time - list[gap - 1].Time >= TimeSpan.FromSeconds(2), $"the timestamps jump by {list[gap].Time - list[gap - 1].Time} over the gap");
        Assert.Equal(list.Select(frame => frame.Index).Order(), list.Select(frame => frame.Index));
        AssertNothingLeft(sut);
    }

    [Fact]
    public async Task ReadAsync_StreamStalls_RestartsFfmpegAndSaysItStalled()
    {
        using var server = new LiveStreamServer();
        using var sut = new LiveStreamFrameSource(server.Url, Quick);
        var (reading, frames) = ReadInBackground(sut, seen => seen.Any(frame => frame.FollowsGap));

        await WaitUntilAsync(() => frames.Count >= 10, "10 frames came");
        server.Freeze();
        await WaitUntilAsync(() => sut.Connection.Status != StreamStatus.Live, "the stall is noticed");
        var stalled = sut.Connection;
        server.Kill();
        server.Start();
        await reading.WaitAsync(TimeSpan.FromSeconds(120), TestContext.Current.CancellationToken);

        Assert.Contains("stalled", stalled.LastError);
        AssertNothingLeft(sut);
    }

    [Fact]
    public async Task ReadAsync_Cancelled_EndsTheProcessAndReturnsEveryBuffer()
    {
        using var server = new LiveStreamServer();
        using var sut = new LiveStreamFrameSource(server.Url, Quick);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var read = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var frame in sut.ReadAsync(cancel.Token))
            {
                frame.Dispose();
                if (++read == 5) await cancel.CancelAsync();
            }
        });

        Assert.Equal(5, read);
        AssertNothingLeft(sut);
    }

    [Fact]
    public void Dispose_BeforeReading_EndsTheFirstConnection()
    {
        using var server = new LiveStreamServer();
        var sut = new LiveStreamFrameSource(server.Url, Quick);

        sut.Dispose();

        AssertNothingLeft(sut);
    }

    [Fact]
    public void Open_NothingListens_SaysConnectionRefused()
    {
        var url = $"http://127.0.0.1:{LiveStreamServer.FreePort()}/live.ts";

        var error = Assert.Throws<InvalidInputException>(() => new LiveStreamFrameSource(url, Quick));

        Assert.Contains("connection refused", error.Message);
    }

    [Fact]
    public async Task Open_CameraRefusesTheCredentials_Says401WithoutShowingThePassword()
    {
        using var camera = new TcpListener(IPAddress.Loopback, 0);
        camera.Start();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var answering = Task.Run(async () =>
        {
            // FFmpeg asks again with the credentials after the first 401: every request gets one.
            while (!stop.IsCancellationRequested)
            {
                using var client = await camera.AcceptTcpClientAsync(stop.Token);
                var stream = client.GetStream();
                await stream.ReadAtLeastAsync(new byte[4096], 1, throwOnEndOfStream: false, stop.Token);
                await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"camera\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"), stop.Token);
            }
        }, TestContext.Current.CancellationToken);
        var url = $"http://admin:s3cret@127.0.0.1:{((IPEndPoint)camera.LocalEndpoint).Port}/video?token=abc123";

        var error = Assert.Throws<InvalidInputException>(() => new LiveStreamFrameSource(url, Quick));
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => answering);

        Assert.Contains("401", error.Message);
        Assert.DoesNotContain("s3cret", error.Message);
        Assert.DoesNotContain("abc123", error.Message);
    }

    [Fact]
    public async Task Open_ServerNeverAnswers_SaysItDidNotAnswerInTime()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var holding = Task.Run(async () => await silent.AcceptTcpClientAsync(TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
        var url = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/live.ts";

        var error = Assert.Throws<InvalidInputException>(() => new LiveStreamFrameSource(url, Quick));
        (await holding).Dispose();

        Assert.Contains("in time", error.Message);
    }
}
