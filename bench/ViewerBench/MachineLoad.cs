using System.Globalization;

namespace ViewerBench;

/// <summary>How busy the whole machine is, from /proc/stat: CPU time of every process, in core-seconds.</summary>
public static class MachineLoad
{
    public static double BusyCoreSeconds()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..]
            .Select(value => long.Parse(value, CultureInfo.InvariantCulture)).ToArray();
        // user nice system idle iowait irq softirq steal: busy = all but idle and iowait.
        var busy = fields.Take(8).Sum() - fields[3] - fields[4];
        return busy / 100.0;
    }

    public static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];
}
