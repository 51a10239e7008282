// Reads every frame of a video with the engine's frame source and nothing else (ffmpeg decoding into the pipe,
// frames read into pooled buffers): the baseline that shows how much of `smartspot analyze`'s time is getting frames.
using SmartSpot.Vision.Frames;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: decode-only VIDEO");
    return 2;
}
using var source = new VideoFileFrameSource(args[0]);
var frames = 0;
await foreach (var frame in source.ReadAsync(CancellationToken.None))
{
    frame.Dispose();
    frames++;
}
Console.WriteLine($"{frames} frames");
return 0;
