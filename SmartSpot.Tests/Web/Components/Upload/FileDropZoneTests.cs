using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using SmartSpot.Web.Components.Upload;

namespace SmartSpot.Tests.Web.Components.Upload;

public sealed class FileDropZoneTests : MudTestContext
{
    private IBrowserFile? _chosen;
    private int _changes;

    private IRenderedComponent<FileDropZone> RenderZone(long maxBytes = 1024) => Render<FileDropZone>(parameters => parameters
        .Add(zone => zone.Label, "Video")
        .Add(zone => zone.Extensions, [".mp4", ".avi"])
        .Add(zone => zone.MaxBytes, maxBytes)
        .Add(zone => zone.TestId, "video-input")
        .Add(zone => zone.FileChanged, file =>
        {
            _chosen = file;
            _changes++;
        }));

    [Fact]
    public void Render_NoFile_PutsTestIdOnTheFileInput()
    {
        var sut = RenderZone();

        Assert.Equal("file", sut.Find("[data-testid=video-input]").GetAttribute("type"));
        Assert.Equal(".mp4,.avi", sut.Find("input[type=file]").GetAttribute("accept"));
    }

    [Fact]
    public void Upload_WrongType_SaysWhatIsAcceptedAndChoosesNothing()
    {
        var sut = RenderZone();

        sut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("not a video", "notes.txt"));

        var error = sut.Find("[data-testid=video-input-error]").TextContent;
        Assert.Contains("notes.txt", error);
        Assert.Contains(".mp4, .avi", error);
        Assert.Null(_chosen);
        Assert.Equal(1, _changes);
    }

    [Fact]
    public void Upload_TooLarge_SaysTheSizeAndTheLimit()
    {
        var sut = RenderZone(maxBytes: 1024);

        sut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(new byte[4096], "lot.mp4"));

        var error = sut.Find("[data-testid=video-input-error]").TextContent;
        Assert.Contains("4 KB", error);
        Assert.Contains("1 KB limit", error);
        Assert.Null(_chosen);
    }

    [Fact]
    public void Upload_EmptyFile_SaysItIsEmpty()
    {
        var sut = RenderZone();

        sut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary([], "lot.avi"));

        Assert.Contains("“lot.avi” is empty", sut.Find("[data-testid=video-input-error]").TextContent);
        Assert.Null(_chosen);
    }

    [Fact]
    public void Upload_AcceptedFile_ReportsItAndShowsNameAndSize()
    {
        var sut = RenderZone(maxBytes: 10_000);

        sut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(new byte[2048], "Lot.MP4"));
        sut.Render(parameters => parameters.Add(zone => zone.File, _chosen));

        Assert.Equal("Lot.MP4", _chosen?.Name);
        Assert.Empty(sut.FindAll("[data-testid=video-input-error]"));
        Assert.Contains("Lot.MP4 · 2 KB", sut.Find("[data-testid=video-input-file]").TextContent);
    }

    [Fact]
    public void Render_WithProgress_ShowsTheProgressBar()
    {
        var sut = Render<FileDropZone>(parameters => parameters
            .Add(zone => zone.Label, "Mask")
            .Add(zone => zone.Extensions, [".png"])
            .Add(zone => zone.MaxBytes, 1024)
            .Add(zone => zone.Progress, 0.5));

        Assert.Equal("50", sut.Find(".mud-progress-linear").GetAttribute("aria-valuenow"));
    }
}
