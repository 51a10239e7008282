using System.Globalization;

namespace DashboardBench;

/// <summary>CPU time used so far by a process and its live children (the ffmpeg decoders the server starts), from /proc.</summary>
public static class ProcessTreeCpu
{
    private static readonly double TicksPerSecond = 100; // USER_HZ, 100 on Linux x86-64

    public static TimeSpan Of(int pid) =>
        TimeSpan.FromSeconds(Directory.EnumerateDirectories("/proc")
            .Select(directory => Path.GetFileName(directory))
            .Where(name => name.All(char.IsAsciiDigit))
            .Select(ReadStat)
            .Where(stat => stat is { } s && (s.Pid == pid || s.ParentPid == pid))
            .Sum(stat => stat!.Value.Ticks) / TicksPerSecond);

    /// <summary>pid, parent pid and utime + stime of one /proc/PID/stat (fields 4, 14 and 15, after the parenthesised name).</summary>
    private static (int Pid, int ParentPid, long Ticks)? ReadStat(string pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (int.Parse(pid, CultureInfo.InvariantCulture), int.Parse(fields[1], CultureInfo.InvariantCulture),
                long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture));
        }
        catch (IOException)
        {
            return null; // the process ended while we looked
        }
    }
}
