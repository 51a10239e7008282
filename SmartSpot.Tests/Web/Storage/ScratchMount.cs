using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace SmartSpot.Tests.Web.Storage;

/// <summary>A small tmpfs of its own (the tests run as root in CI), to make a disk that fills up or turns read-only; skips the test where mounting is not allowed.</summary>
public sealed class ScratchMount : IDisposable
{
    private readonly List<string> _binds = [];

    private ScratchMount(string path) => Path = path;

    public string Path { get; }

    public static ScratchMount Create(string size)
    {
        var path = TestPaths.TempDirectory();
        Assert.SkipUnless(Run("mount", "-t", "tmpfs", "-o", $"size={size}", "tmpfs", path), "mounting a tmpfs is not allowed here (the tests need root for it)");
        return new ScratchMount(path);
    }

    /// <summary>Makes the whole mount read-only (nothing may be open for writing on it).</summary>
    public void MakeReadOnly() => Assert.True(Run("mount", "-o", "remount,ro", Path), "could not remount the tmpfs read-only");

    /// <summary>Makes one folder of the mount read-only while the rest (an open database) stays writable: a read-only bind mount over it.</summary>
    public void MakeReadOnly(string folder)
    {
        Directory.CreateDirectory(folder);
        Assert.True(Run("mount", "--bind", folder, folder) && Run("mount", "-o", "remount,ro,bind", folder), $"could not make {folder} read-only");
        _binds.Add(folder);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _binds.ForEach(folder => Run("umount", "-l", folder));
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
