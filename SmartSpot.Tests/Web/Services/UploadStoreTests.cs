using Microsoft.Extensions.Options;
using SmartSpot.Vision;
using SmartSpot.Web.Data;
using SmartSpot.Web.Services;

namespace SmartSpot.Tests.Web.Services;

public sealed class UploadStoreTests
{
    private readonly string _data = TestPaths.TempDirectory();

    [Fact]
    public async Task SaveVideoAsync_StoresUnderUploadsWithAGeneratedName()
    {
        var sut = Store();

        var upload = await sut.SaveVideoAsync(new MemoryStream(new byte[1000]), "../../etc/Camera 1.MP4", TestContext.Current.CancellationToken);

        Assert.Equal("Camera 1.MP4", upload.FileName);
        Assert.Equal(Path.Combine(_data, "uploads"), Path.GetDirectoryName(upload.Path));
        Assert.DoesNotContain("Camera", upload.Path);
        Assert.EndsWith(".mp4", upload.Path);
        Assert.Equal(1000, new FileInfo(upload.Path).Length);
    }

    [Fact]
    public async Task SaveVideoAsync_OverTheLimit_RefusesNamingLimitAndFileAndLeavesNothing()
    {
        var sut = Store(new UploadOptions { MaxVideoBytes = 3L * 1024 * 1024 });

        var error = await Assert.ThrowsAsync<InvalidInputException>(() =>
            sut.SaveVideoAsync(new MemoryStream(new byte[4 * 1024 * 1024]), "long.mp4", TestContext.Current.CancellationToken));

        Assert.Equal("'long.mp4' is larger than the 3 MB limit for a video (SmartSpot:Uploads:MaxVideoBytes). Upload a smaller file or ask the administrator to raise the limit.", error.Message);
        Assert.Empty(Directory.GetFiles(Path.Combine(_data, "uploads")));
    }

    [Fact]
    public async Task SaveMaskAsync_NotAnImage_RefusesWithTheClientName()
    {
        var sut = Store();

        var error = await Assert.ThrowsAsync<InvalidInputException>(() =>
            sut.SaveMaskAsync(new MemoryStream("not an image"u8.ToArray()), "spots.png", TestContext.Current.CancellationToken));

        Assert.Contains("'spots.png' is not a PNG, JPEG or BMP image", error.Message);
        Assert.DoesNotContain(_data, error.Message);
        Assert.Empty(Directory.GetFiles(Path.Combine(_data, "uploads")));
    }

    [Theory]
    [InlineData("mask.gif")]
    [InlineData("mask")]
    public async Task SaveMaskAsync_WrongExtension_ListsTheAcceptedOnes(string name)
    {
        var sut = Store();

        var error = await Assert.ThrowsAsync<InvalidInputException>(() =>
            sut.SaveMaskAsync(new MemoryStream([1, 2, 3]), name, TestContext.Current.CancellationToken));

        Assert.Contains(".png, .jpg, .jpeg, .bmp", error.Message);
    }

    [Theory]
    [InlineData(2L * 1024 * 1024 * 1024, "2 GB")]
    [InlineData(20L * 1024 * 1024, "20 MB")]
    [InlineData(1536L * 1024, "1.5 MB")]
    [InlineData(30_000, "30,000 bytes")]
    public void FormatBytes_NamesLimitsReadably(long bytes, string expected) => Assert.Equal(expected, UploadStore.FormatBytes(bytes));

    private UploadStore Store(UploadOptions? options = null) =>
        new(Options.Create(new StorageOptions { DataDirectory = _data }), Options.Create(options ?? new UploadOptions()));
}
