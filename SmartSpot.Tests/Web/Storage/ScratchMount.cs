using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace SmartSpot.Tests.Web.Storage;

/// <summary>A small tmpfs of its own (the tests run as root in CI), to make a disk that fills up or turns read-only; skips the test where mounting is not allowed.</summary>
public sealed class ScratchMount : IDisposable
{
    private ScratchMount(string path) => Path = path;

    public string Path { get; }

    public static ScratchMount Create(string size)
    {
        var path = TestPaths.TempDirectory();
        Assert.SkipUnless(Run("mount", "-t", "tmpfs", "-o", $"size={size}", "tmpfs", path), "mounting a tmpfs is not allowed here (the tests need root for it)");
        return new ScratchMount(path);
    }

    public void MakeReadOnly() => Assert.True(Run("mount", "-o", "remount,ro", Path), "could not remount the tmpfs read-only");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Run("umount", "-l", Path);
    }

    private static bool Run(string command, params string[] arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
