// Classifier cost from C#: milliseconds per crop of OnnxSpotClassifier.Classify (crop cutting and the
// ONNX Runtime run) on one thread, at a batch of 16 spots of lot-a's size (69x29), median of 7 rounds
// after a warm-up. The frame is noise, so the figure is the model's cost, not its answer's.
//
// usage: model-speed MODEL.onnx [MODEL.onnx ...]
using System.Diagnostics;
using OpenCvSharp;
using SmartSpot.Vision.Classification;
using SmartSpot.Vision.Frames;
using SmartSpot.Vision.Spots;

if (args.Length == 0)
{
    Console.Error.WriteLine("usage: model-speed MODEL.onnx [MODEL.onnx ...]");
    return 2;
}
const int Batch = 16, RunsPerRound = 200, Rounds = 7;
using var noise = new Mat(new Size(1280, 720), MatType.CV_8UC3);
Cv2.Randu(noise, Scalar.All(0), Scalar.All(255));
using var frame = Frame.FromBgr(noise);
using var cropper = new SpotCropper();
var spots = Enumerable.Range(0, Batch).Select(i => new ParkingSpot(i + 1, new PixelBox(10 + 75 * i, 100, 69, 29), 69 * 29)).ToList();
var crops = new SpotCrops(frame, spots, cropper);
foreach (var model in args)
{
    using var classifier = new OnnxSpotClassifier(new ClassifierOptions { ModelPath = model, Threads = 1 });
    for (var i = 0; i < 20; i++) classifier.Classify(crops);
    var perCrop = new List<double>();
    for (var round = 0; round < Rounds; round++)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < RunsPerRound; i++) classifier.Classify(crops);
        perCrop.Add(clock.Elapsed.TotalMilliseconds / (RunsPerRound * Batch));
    }
    perCrop.Sort();
    Console.WriteLine($"{Path.GetFileName(model)}: {perCrop[Rounds / 2]:0.000} ms/crop (batch {Batch}, 1 thread; rounds {perCrop[0]:0.000}-{perCrop[^1]:0.000})");
}
return 0;
