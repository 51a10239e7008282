using System.Text.Json.Nodes;
using SmartSpot.Vision;
using SmartSpot.Vision.Calibration;
using SmartSpot.Vision.Classification;

namespace SmartSpot.Tests.Vision.Calibration;

public sealed class LotHeadFileTests
{
    private static readonly ModelIdentity Model = new("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "lot.onnx");

    private static LotHead FittedHead()
    {
        var random = new Random(11);
        var examples = Enumerable.Range(0, 60).Select(i =>
        {
            var truth = i % 2 == 0 ? SpotStatus.Free : SpotStatus.Occupied;
            var embedding = new[] { (float)random.NextDouble() + (truth == SpotStatus.Occupied ? 0.6f : 0f), (float)random.NextDouble(), (float)random.NextDouble() * 50 };
            return new CalibrationExample(new SpotClassification(SpotStatus.Occupied, 0.8f) { Embedding = embedding }, truth, $"s{i % 12}");
        }).ToList();
        return new LotHeadTrainer(new CalibrationOptions { L2 = 0.5 }).Fit(examples, Model);
    }

    private static string Written(LotHead head)
    {
        var path = Path.Combine(TestPaths.TempDirectory(), "lot-head.json");
        LotHeadFile.Write(path, head);
        return path;
    }

    [Fact]
    public void Read_WrittenHead_DecidesExactlyAsTheFittedOne()
    {
        var head = FittedHead();

        var sut = LotHeadFile.Read(Written(head));

        var random = new Random(12);
        for (var i = 0; i < 50; i++)
        {
            var generic = new SpotClassification(SpotStatus.Free, 0.6f) { Embedding = new[] { (float)random.NextDouble() * 2, (float)random.NextDouble(), (float)random.NextDouble() * 50 } };
            Assert.Equal(head.Apply(generic).Status, sut.Apply(generic).Status);
            Assert.Equal(head.Apply(generic).Confidence, sut.Apply(generic).Confidence);
        }
        Assert.Equal(head.Model, sut.Model);
        Assert.Equal(head.Options, sut.Options);
        Assert.Equal(head.CrossValidation, sut.CrossValidation);
    }

    [Fact]
    public void EnsureReads_AnotherModel_RefusesNamingBoth()
    {
        var sut = LotHeadFile.Read(Written(FittedHead()));
        var other = new ModelIdentity("f".PadRight(64, 'e'), "other.onnx");

        var error = Assert.Throws<InvalidInputException>(() => sut.EnsureReads(other, 3));

        Assert.Contains("lot.onnx", error.Message);
        Assert.Contains("other.onnx", error.Message);
        sut.EnsureReads(Model with { File = "renamed.onnx" }, 3);
    }

    [Fact]
    public void EnsureReads_SameModelOtherEmbeddingLength_Refuses()
    {
        var sut = LotHeadFile.Read(Written(FittedHead()));

        var error = Assert.Throws<InvalidInputException>(() => sut.EnsureReads(Model, 256));

        Assert.Contains("embeddings of 3 floats, but its model gives 256", error.Message);
    }

    public static TheoryData<string, string> DamagedFiles => new()
    {
        { "not json {", "not valid JSON" },
        { """{"format": "something-else", "version": 1}""", "is not a lot head" },
        { """{"format": "smartspot-lot-head", "version": 99}""", "has version 99" },
        { """{"format": "smartspot-lot-head", "version": 1, "head": {}}""", "a part is missing" },
    };

    [Theory]
    [MemberData(nameof(DamagedFiles))]
    public void Read_DamagedOrForeignFile_SaysWhatIsWrong(string content, string message)
    {
        var path = Path.Combine(TestPaths.TempDirectory(), "lot-head.json");
        File.WriteAllText(path, content);

        var error = Assert.Throws<InvalidInputException>(() => LotHeadFile.Read(path));

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Read_WeightsOfAnotherLengthThanTheScaling_SaysItIsDamaged()
    {
        var path = Written(FittedHead());
        var document = JsonNode.Parse(File.ReadAllText(path))!;
        document["head"]!["decision"]!["weights"]!.AsArray().Add(1.0);
        File.WriteAllText(path, document.ToJsonString());

        var error = Assert.Throws<InvalidInputException>(() => LotHeadFile.Read(path));

        Assert.Contains("differ in length", error.Message);
    }

    [Fact]
    public void Read_MissingFile_SaysHowToMakeOne()
    {
        var error = Assert.Throws<InvalidInputException>(() => LotHeadFile.Read(Path.Combine(TestPaths.TempDirectory(), "lot-head.json")));

        Assert.Contains("smartspot calibrate", error.Message);
    }
}
