using Microsoft.Extensions.Options;
using SmartSpot.Vision;
using SmartSpot.Web.Storage;
using SmartSpot.Web.Uploads;

namespace SmartSpot.Tests.Web.Uploads;

public sealed class UploadStoreTests
{
    private readonly string _data = TestPaths.TempDirectory();

    [Fact]
    public async Task SaveVideoAsync_StoresUnderUploadsWithAGeneratedName()
    {
        var sut = Store();

        var upload = await sut.SaveVideoAsync(Mp4(1000), "../../etc/Camera 1.MP4", TestContext.Current.CancellationToken);

        Assert.Equal("Camera 1.MP4", upload.FileName);
        Assert.StartsWith("uploads/", upload.StoredPath);
        Assert.Equal(Path.Combine(_data, "uploads"), Path.GetDirectoryName(sut.FullPath(upload)));
        Assert.DoesNotContain("Camera", upload.StoredPath);
        Assert.EndsWith(".mp4", upload.StoredPath);
        Assert.Equal(1000, new FileInfo(sut.FullPath(upload)).Length);
        Assert.True(File.Exists(Path.Combine(_data, "uploads", UploadsFolder.MarkerFileName)));
    }

    [Fact]
    public async Task SaveVideoAsync_OverTheLimit_RefusesNamingLimitAndFileAndLeavesNothing()
    {
        var sut = Store(new UploadOptions { MaxVideoBytes = 3L * 1024 * 1024 });

        var error = await Assert.ThrowsAsync<InvalidInputException>(() =>
            sut.SaveVideoAsync(Mp4(4 * 1024 * 1024), "long.mp4", TestContext.Current.CancellationToken));

        Assert.Equal("'long.mp4' is larger than the 3 MB limit for a video (SmartSpot:Uploads:MaxVideoBytes). Upload a smaller file or ask the administrator to raise the limit.", error.Message);
        Assert.Empty(Uploaded());
    }

    [Fact]
    public async Task SaveMaskAsync_NotAnImage_RefusesWithTheClientName()
    {
        var sut = Store();

        var error = await Assert.ThrowsAsync<InvalidInputException>(() =>
            sut.SaveMaskAsync(new MemoryStream("not an image"u8.ToArray()), "spots.png", TestContext.Current.CancellationToken));

        Assert.Contains("'spots.png' is not a PNG, JPEG or BMP image", error.Message);
        Assert.DoesNotContain(_data, error.Message);
        Assert.Empty(Uploaded());
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

    [Fact]
    public async Task SaveVideoAsync_PngNamedMp4_RefusesSayingWhatItIs()
    {
        var error = await Assert.ThrowsAsync<InvalidInputException>(() =>
            Store().SaveVideoAsync(new MemoryStream([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[100]]), "clip.mp4", TestContext.Current.CancellationToken));

        Assert.Contains("'clip.mp4' is named like a .mp4 video but its content is a PNG image", error.Message);
        Assert.Empty(Uploaded());
    }

    [Theory]
    [InlineData("clip.avi", new byte[] { (byte)'R', (byte)'I', (byte)'F', (byte)'F', 0, 0, 0, 0, (byte)'A', (byte)'V', (byte)'I', (byte)' ' })]
    [InlineData("clip.mkv", new byte[] { 0x1A, 0x45, 0xDF, 0xA3, 0, 0, 0, 0, 0, 0, 0, 0 })]
    [InlineData("clip.mov", new byte[] { 0, 0, 0, 20, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'q', (byte)'t', 0, 0 })]
    public async Task SaveVideoAsync_ContainerMatchesItsExtension_IsStored(string name, byte[] head)
    {
        var upload = await Store().SaveVideoAsync(new MemoryStream([.. head, .. new byte[50]]), name, TestContext.Current.CancellationToken);

        Assert.Equal(62, upload.Length);
    }

    [Fact]
    public async Task SaveVideoAsync_NameWithBidiOverride_KeepsItWithoutTheOverride()
    {
        var upload = await Store().SaveVideoAsync(Mp4(100), "lot\u202Evia.mp4", TestContext.Current.CancellationToken);

        Assert.Equal("lotvia.mp4", upload.FileName);
    }

    [Fact]
    public async Task SaveVideoAsync_300CharacterName_RefusesSayingItIsTooLong()
    {
        var error = await Assert.ThrowsAsync<InvalidInputException>(() =>
            Store().SaveVideoAsync(Mp4(100), new string('v', 296) + ".mp4", TestContext.Current.CancellationToken));

        Assert.StartsWith("The video's file name is 300 characters long", error.Message);
    }

    [Fact]
    public async Task SaveVideoAsync_ClientStreamCutShort_RefusesAsTheClientsAndKeepsNothing()
    {
        var error = await Assert.ThrowsAsync<InvalidInputException>(() =>
            Store().SaveVideoAsync(new CutShortStream(Mp4(200_000)), "clip.mp4", TestContext.Current.CancellationToken));

        Assert.Contains("ended before the whole file arrived", error.Message);
        Assert.Empty(Uploaded());
    }

    [Fact]
    public async Task SaveVideoAsync_UploadsFolderAlreadyThere_IsNotMarkedAsSmartSpots()
    {
        Directory.CreateDirectory(Path.Combine(_data, "uploads"));

        await Store().SaveVideoAsync(Mp4(100), "clip.mp4", TestContext.Current.CancellationToken);

        Assert.False(UploadsFolder.IsMarked(Path.Combine(_data, "uploads")));
    }

    /// <summary>An MP4-looking stream of <paramref name="length"/> bytes.</summary>
    private static MemoryStream Mp4(int length)
    {
        var bytes = new byte[length];
        ((ReadOnlySpan<byte>)[0, 0, 0, 0x18, .. "ftypisom"u8]).CopyTo(bytes);
        return new MemoryStream(bytes);
    }

    private string[] Uploaded() =>
        Directory.Exists(Path.Combine(_data, "uploads")) ? Directory.GetFiles(Path.Combine(_data, "uploads")).Where(path => !Path.GetFileName(path).StartsWith('.')).ToArray() : [];

    /// <summary>Gives its first bytes, then fails as a cut connection does.</summary>
    private sealed class CutShortStream(Stream inner) : MemoryStream
    {
        private int _reads;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ++_reads < 2 ? await inner.ReadAsync(buffer, cancellationToken) : throw new IOException("Unexpected end of request content.");
    }

    private UploadStore Store(UploadOptions? options = null) =>
        new(Options.Create(new StorageOptions { DataDirectory = _data }), Options.Create(options ?? new UploadOptions()));
}
