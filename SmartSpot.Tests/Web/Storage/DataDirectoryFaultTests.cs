using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SmartSpot.Web.Storage;

namespace SmartSpot.Tests.Web.Storage;

/// <summary>A data directory that fills up or turns read-only: clear answers, nothing half-stored, no server path.</summary>
public sealed class DataDirectoryFaultTests
{
    private readonly TestLot _lot = TestLot.Write(TestPaths.TempDirectory());

    [Fact]
    public async Task Upload_DiskFull_Returns507SayingToFreeSpaceAndKeepsNoPartialFile()
    {
        using var disk = ScratchMount.Create("3m");
        var bigVideo = Path.Combine(TestPaths.TempDirectory(), "long.avi");
        await File.WriteAllBytesAsync(bigVideo, [.. "RIFF"u8, 0, 0, 0, 0, .. "AVI "u8, .. new byte[6 * 1024 * 1024]], TestContext.Current.CancellationToken);
        await using var sut = new SmartSpotAppFactory(disk.Path);

        using var response = await sut.UploadAsync(bigVideo, _lot.MaskPath);

        Assert.Equal(HttpStatusCode.InsufficientStorage, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("error").GetString();
        Assert.Contains("data directory is full", error);
        Assert.DoesNotContain(disk.Path, error);
        Assert.DoesNotContain(Directory.GetFiles(Path.Combine(disk.Path, "uploads")), path => !Path.GetFileName(path).StartsWith('.'));
    }

    [Fact]
    public async Task Upload_DataDirectoryTurnedReadOnly_Returns503SayingToMakeItWritable()
    {
        using var disk = ScratchMount.Create("16m");
        await using var sut = new SmartSpotAppFactory(disk.Path);
        await sut.CreateClient().GetStringAsync("/healthz", TestContext.Current.CancellationToken);
        disk.MakeReadOnly(Path.Combine(disk.Path, "uploads"));

        using var response = await sut.UploadAsync(_lot.VideoPath, _lot.MaskPath);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("error").GetString();
        Assert.Contains("cannot be written to", error);
        Assert.DoesNotContain(disk.Path, error);
    }

    [Fact]
    public async Task Start_ReadOnlyDataDirectory_ExitsWith73NamingTheDirectory()
    {
        using var disk = ScratchMount.Create("1m");
        disk.MakeReadOnly();

        var (exitCode, stdout, stderr) = await WebProcess.RunAsync(disk.Path, TimeSpan.FromSeconds(60));

        Assert.Equal(StartupRefusedException.ExitCode, exitCode);
        Assert.StartsWith($"error: SmartSpot cannot use its data directory '{disk.Path}'", stderr);
        Assert.Contains("read-only", stderr);
        Assert.DoesNotContain("   at ", stderr + stdout);
    }

    [Fact]
    public void StorageException_FromDiskFullAndReadOnlyErrors_TellsThemApart()
    {
        Assert.True(StorageException.From(new IOException("No space left on device", 28))!.IsFull);
        Assert.False(StorageException.From(new IOException("Read-only file system", 30))!.IsFull);
        Assert.False(StorageException.From(new UnauthorizedAccessException("denied"))!.IsFull);
        Assert.Null(StorageException.From(new IOException("Not a directory", 20)));
    }
}
