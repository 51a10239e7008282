// Writes labelled bay crops of demo lots for training: OUT/empty/*.jpg and OUT/occupied/*.jpg,
// named <seed><frame>_<bay>.jpg. The seeds of the shipped demo and of the tests' demo (DemoSeeds.Reserved)
// are refused, so that no check of the model ever sees a training picture.
//
// usage: demo-crops OUT [SEED ...]   (default seeds 7 and 11; 40 s each, every 40th frame)
using OpenCvSharp;
using SmartSpot.Vision.Classification;
using SmartSpot.Demo;
using SmartSpot.Vision.Spots;

if (args.Length < 1)
{
    Console.Error.WriteLine("usage: demo-crops OUT [SEED ...]");
    return 2;
}
const int FrameStep = 40;
var output = args[0];
var seeds = args.Length > 1 ? args[1..].Select(int.Parse).ToArray() : [7, 11];
if (seeds.Where(DemoSeeds.Reserved.Contains).ToList() is [var reserved, ..])
{
    Console.Error.WriteLine($"seed {reserved} is kept out of training (the shipped demo's or the tests'): pick another");
    return 2;
}
foreach (var label in new[] { "empty", "occupied" })
{
    Directory.CreateDirectory(Path.Combine(output, label));
}
var written = 0;
foreach (var seed in seeds)
{
    var lot = new DemoLotGenerator(new DemoLotOptions { Seed = seed, DurationSeconds = 40 })
        .EnsureGenerated(Path.Combine(Path.GetTempPath(), $"smartspot-demo-crops-{seed}"));
    var truth = DemoGroundTruth.Load(lot.GroundTruthPath);
    var bays = SpotMap.Load(lot.MaskPath, new SpotMapOptions()).Spots;
    using var video = new VideoCapture(lot.VideoPath);
    using var frame = new Mat();
    for (var index = 0; video.Read(frame); index++)
    {
        if (index % FrameStep != 0) continue;
        foreach (var bay in bays)
        {
            var label = truth.StatusOf(index, bay.Id) == SpotStatus.Free ? "empty" : "occupied";
            using var crop = new Mat(frame, new Rect(bay.Box.X, bay.Box.Y, bay.Box.Width, bay.Box.Height));
            Cv2.ImWrite(Path.Combine(output, label, $"{seed:000}{index:00000}_{bay.Id}.jpg"), crop, new ImageEncodingParam(ImwriteFlags.JpegQuality, 92));
            written++;
        }
    }
}
Console.WriteLine($"{written} crops in {output}");
return 0;
