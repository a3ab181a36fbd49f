using System.Globalization;
using System.Text;

namespace Support.Launcher;

/// <summary>
/// Who a process is, beyond its pid (pids are reused): its start time in clock ticks since boot (field 22 of
/// <c>/proc/&lt;pid&gt;/stat</c>) and the assembly it runs. A pid file holds this, so <c>stop</c> never signals a process
/// that merely inherited a recorded pid.
/// </summary>
public sealed record ProcessIdentity(int Pid, long StartTicks, string Assembly)
{
    /// <summary>The start time of <paramref name="pid"/>, or null if it does not exist.</summary>
    public static long? StartTicksOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) is in parentheses and may contain spaces: count fields after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[19], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>The command line of <paramref name="pid"/>, arguments separated by spaces; empty if unreadable.</summary>
    public static string CommandLineOf(int pid)
    {
        try
        {
            return Encoding.UTF8.GetString(File.ReadAllBytes($"/proc/{pid}/cmdline")).Replace('\0', ' ').Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    /// <summary>True while the recorded process itself is running: same pid, same start time, running the same assembly.</summary>
    public bool IsRunning() =>
        StartTicksOf(Pid) == StartTicks && CommandLineOf(Pid).Contains(Assembly, StringComparison.Ordinal);
}
