using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenCvSharp;
using SmartSpot.Vision.Classification;
using SmartSpot.Web.Auth;
using SmartSpot.Web.Auth.ApiKeys;
using SmartSpot.Web.Corrections;

namespace SmartSpot.Tests.Web.Api;

/// <summary>
/// Corrections and calibration through the API on the drawn four-spot lot (spot 2 taken from frame 10 of 30): each
/// label re-decodes its frame from the stored video and judges the crop with the shipped model.
/// </summary>
public sealed class CorrectionsApiTests(CorrectionsApiTests.App app) : IClassFixture<CorrectionsApiTests.App>
{
    private readonly SmartSpotAppFactory _sut = app.Factory;

    private readonly TestLot _lot = app.Lot;

    private HttpClient Client => app.Client;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Post_Viewer_IsRefusedAndNothingIsStored()
    {
        var (session, lot) = await AnalysedLotAsync();
        using var viewer = _sut.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        viewer.DefaultRequestHeaders.Add(ApiKeySecret.HeaderName, await _sut.CreateKeyAsync(UserRoles.Viewer));

        using var refused = await viewer.PostAsJsonAsync($"/api/sessions/{session}/corrections", new { spotId = 2, label = "free" }, Cancel);
        using var calibrate = await viewer.PostAsync($"/api/lots/{lot}/calibration", null, Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, calibrate.StatusCode);
        Assert.Empty(await ListAsync(lot, viewer));
    }

    [Fact]
    public async Task Post_Operator_StoresTheCropLabelFrameAndVerdictsAndTheLotListsIt()
    {
        var (session, lot) = await AnalysedLotAsync();
        var before = await GetLotAsync(lot);

        var correction = await CorrectAsync(session, spotId: 2, "free");

        // Before any check the accuracy is unknown, not a number from elsewhere.
        Assert.Equal(JsonValueKind.Null, before.GetProperty("camera").GetProperty("accuracy").GetProperty("measured").ValueKind);
        Assert.Equal(0, before.GetProperty("camera").GetProperty("accuracy").GetProperty("checks").GetInt32());
        // No frame given: the last analysed frame, where spot 2 holds a car.
        Assert.Equal((2, "Free", _lot.FrameCount - 1), (correction.GetProperty("spotId").GetInt32(), correction.GetProperty("label").GetString(), correction.GetProperty("frame").GetInt32()));
        Assert.Equal(session, correction.GetProperty("sessionId").GetGuid());
        Assert.Contains(correction.GetProperty("generic").GetString(), (string[])["Free", "Occupied"]);
        Assert.Equal(JsonValueKind.Null, correction.GetProperty("headId").ValueKind);
        var listed = await ListAsync(lot, Client);
        Assert.Equal([correction.GetProperty("id").GetGuid()], listed.Select(item => item.GetProperty("id").GetGuid()));
        using var crop = Cv2.ImDecode(await Client.GetByteArrayAsync($"/api/lots/{lot}/corrections/{correction.GetProperty("id")}/crop.png", Cancel), ImreadModes.Color);
        Assert.Equal(new Size(40, 60), crop.Size());
        Assert.True(Cv2.Mean(crop).Val0 > 150, "the crop is the bay with the drawn car in it");
        // One check: the measured accuracy is whether the model agreed with it.
        var accuracy = (await GetLotAsync(lot)).GetProperty("camera").GetProperty("accuracy");
        Assert.Equal(1, accuracy.GetProperty("checks").GetInt32());
        Assert.Equal(correction.GetProperty("agreed").GetBoolean() ? 1.0 : 0.0, accuracy.GetProperty("measured").GetDouble());
    }

    [Theory]
    [InlineData("""{"spotId":9,"label":"free"}""", "has no spot 9; its spots are 1, 2, 3, 4")]
    [InlineData("""{"spotId":2,"label":"free","frame":30}""", "past the end of the video: it has 30 frames (0 to 29)")]
    [InlineData("""{"spotId":2,"label":"free","frame":-1}""", "frames count from 0")]
    [InlineData("""{"spotId":2,"label":"maybe"}""", "must be \"free\" or \"occupied\"")]
    [InlineData("""{"label":"free"}""", "Give the spot's \"spotId\"")]
    [InlineData("""{"spotId":"two"}""", "malformed or a field has the wrong type at $.spotId")]
    public async Task Post_BadCorrection_Returns400SayingWhatIsWrong(string body, string message)
    {
        var (session, lot) = await app.UntouchedLot.Value;

        using var response = await Client.PostAsync($"/api/sessions/{session}/corrections", new StringContent(body, Encoding.UTF8, "application/json"), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("detail").GetString());
        Assert.Empty(await ListAsync(lot, Client));
    }

    [Fact]
    public async Task Post_UnknownSession_Returns404()
    {
        using var response = await Client.PostAsJsonAsync($"/api/sessions/{Guid.NewGuid()}/corrections", new { spotId = 1, label = "free" }, Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Delete_Correction_RemovesItAndASecondDeleteIs404()
    {
        var (session, lot) = await AnalysedLotAsync();
        var correction = await CorrectAsync(session, spotId: 1, "free", frame: 3);

        using var deleted = await Client.DeleteAsync($"/api/lots/{lot}/corrections/{correction.GetProperty("id")}", Cancel);
        using var again = await Client.DeleteAsync($"/api/lots/{lot}/corrections/{correction.GetProperty("id")}", Cancel);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Empty(await ListAsync(lot, Client));
    }

    [Fact]
    public async Task Calibrate_TooFewLabels_Returns400SayingHowManyOfWhichClassAreNeeded()
    {
        var (session, lot) = await AnalysedLotAsync();
        using var none = await Client.PostAsync($"/api/lots/{lot}/calibration", null, Cancel);
        await CorrectAsync(session, spotId: 1, "free", frame: 5);
        await CorrectAsync(session, spotId: 2, "occupied", frame: 20);

        using var few = await Client.PostAsync($"/api/lots/{lot}/calibration", null, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("no labels yet", await DetailAsync(none));
        Assert.Equal(HttpStatusCode.BadRequest, few.StatusCode);
        Assert.Contains("has 1 free and 1 occupied. Label 4 free and 4 occupied more", await DetailAsync(few));
        Assert.Equal(JsonValueKind.Null, (await GetLotAsync(lot)).GetProperty("camera").GetProperty("calibration").ValueKind);
    }

    [Fact]
    public async Task Calibrate_EnoughLabels_GivesTheLotAHeadItsAnalysesUseAndUndoReturnsToTheGenericModel()
    {
        var (session, lot) = await CalibratedLotAsync();

        var camera = (await GetLotAsync(lot)).GetProperty("camera");
        var head = camera.GetProperty("calibration");
        Assert.Equal(11, head.GetProperty("labels").GetInt32());
        Assert.InRange(head.GetProperty("genericAccuracy").GetDouble(), 0, 1);
        Assert.InRange(head.GetProperty("calibratedAccuracy").GetDouble(), 0, 1);
        Assert.Equal("calibrated", camera.GetProperty("accuracy").GetProperty("model").GetString());
        // The new head has not been checked yet: its measured accuracy is unknown.
        Assert.Equal(JsonValueKind.Null, camera.GetProperty("accuracy").GetProperty("measured").ValueKind);

        // The lot's next analysis runs with the head (the shipped models plus the head on their embedding).
        using var started = await Client.PostAsync($"/api/lots/{lot}/sessions", null, Cancel);
        var rerun = await _sut.WaitForAsync((await started.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid(), "Completed", "Failed");
        Assert.Equal("Completed", rerun.GetProperty("status").GetString());
        var checkedByHead = await CorrectAsync(session, spotId: 4, "free", frame: 6);
        Assert.Equal(head.GetProperty("headId").GetGuid(), checkedByHead.GetProperty("headId").GetGuid());

        using var undone = await Client.DeleteAsync($"/api/lots/{lot}/calibration", Cancel);
        using var again = await Client.DeleteAsync($"/api/lots/{lot}/calibration", Cancel);

        Assert.Equal(HttpStatusCode.OK, undone.StatusCode);
        camera = (await GetLotAsync(lot)).GetProperty("camera");
        Assert.Equal(JsonValueKind.Null, camera.GetProperty("calibration").ValueKind);
        Assert.Equal("generic", camera.GetProperty("accuracy").GetProperty("model").GetString());
        Assert.Equal(11, camera.GetProperty("accuracy").GetProperty("checks").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task Analyse_HeadFittedOnAnEarlierModel_IsFittedAgainOnTheStoredCorrectionsAndTheAnalysisRuns()
    {
        var (session, lot) = await CalibratedLotAsync();
        // The shipped model is updated: the stored head now names a model this server no longer has.
        var repository = _sut.Services.GetRequiredService<CalibrationRepository>();
        var current = (await repository.HeadAsync(lot, Cancel))!;
        var earlier = await repository.SaveHeadAsync(lot, current.Head with { Model = new ModelIdentity(new string('0', 64), "spot-classifier.onnx") }, "admin", Cancel);

        using var started = await Client.PostAsync($"/api/lots/{lot}/sessions", null, Cancel);
        var rerun = await _sut.WaitForAsync((await started.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid(), "Completed", "Failed");

        Assert.Equal("Completed", rerun.GetProperty("status").GetString());
        var refitted = (await repository.HeadAsync(lot, Cancel))!;
        Assert.NotEqual(earlier.HeadId, refitted.HeadId);
        Assert.True(refitted.Head.Model.IsSameModel(current.Head.Model), "the new head reads the current model");
        Assert.Equal(LotCalibrator.RefittedBy, refitted.CalibratedBy);
        Assert.Equal(11, refitted.Head.CrossValidation.Labels);
    }

    /// <summary>One app for the class; every test makes a lot of its own.</summary>
    public sealed class App : IAsyncDisposable
    {
        // Analyses judge drawn frames by brightness; corrections and calibration use the shipped model, as they always do.
        public SmartSpotAppFactory Factory { get; } = new(TestPaths.TempDirectory(), services: services => services.AddTransient<ISpotClassifier, BrightnessClassifier>());

        public TestLot Lot { get; } = TestLot.Write(TestPaths.TempDirectory());

        public HttpClient Client => field ??= Factory.CreateClient();

        /// <summary>An analysed lot that no test stores a correction on (for the refusals).</summary>
        public Lazy<Task<(Guid Session, Guid Lot)>> UntouchedLot => field ??= new(() => AnalyseAsync(Factory, Lot));

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await Factory.DisposeAsync();
        }
    }

    private Task<(Guid Session, Guid Lot)> AnalysedLotAsync() => AnalyseAsync(_sut, _lot);

    /// <summary>The drawn lot analysed, eleven of its crops labelled, and calibrated on them.</summary>
    private async Task<(Guid Session, Guid Lot)> CalibratedLotAsync()
    {
        var (session, lot) = await AnalysedLotAsync();
        await LabelElevenCropsAsync(session);
        using var calibrated = await Client.PostAsync($"/api/lots/{lot}/calibration", null, Cancel);
        Assert.Equal(HttpStatusCode.OK, calibrated.StatusCode);
        return (session, lot);
    }

    /// <summary>The drawn lot uploaded with its mask (a lot of its own) and analysed to the end.</summary>
    private static async Task<(Guid Session, Guid Lot)> AnalyseAsync(SmartSpotAppFactory factory, TestLot lot)
    {
        var session = await factory.StartAsync(lot.VideoPath, lot.MaskPath);
        var done = await factory.WaitForAsync(session, "Completed");
        return (session, done.GetProperty("lotId").GetGuid());
    }

    /// <summary>Five labels of spot 2 taken (frames 12-28) and six of free spots: enough of each class to calibrate on.</summary>
    private async Task LabelElevenCropsAsync(Guid session)
    {
        foreach (var frame in new[] { 12, 16, 20, 24, 28 }) await CorrectAsync(session, spotId: 2, "occupied", frame);
        foreach (var (spot, frame) in new[] { (1, 4), (3, 8), (4, 12), (1, 20), (3, 26), (2, 2) }) await CorrectAsync(session, spot, "free", frame);
    }

    private async Task<JsonElement> CorrectAsync(Guid session, int spotId, string label, int? frame = null)
    {
        using var response = await Client.PostAsJsonAsync($"/api/sessions/{session}/corrections", new { spotId, label, frame }, Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync(Cancel)}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
    }

    private static async Task<List<JsonElement>> ListAsync(Guid lot, HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/lots/{lot}/corrections", Cancel)).EnumerateArray().ToList();

    private async Task<JsonElement> GetLotAsync(Guid lot) => await Client.GetFromJsonAsync<JsonElement>($"/api/lots/{lot}", Cancel);

    private static async Task<string> DetailAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("detail").GetString() ?? "";
}
