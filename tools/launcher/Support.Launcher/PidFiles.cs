using System.Globalization;

namespace Support.Launcher;

/// <summary>
/// <c>&lt;run-dir&gt;/&lt;name&gt;.pid</c>: the pid on the first line (what <c>kill $(cat x.pid)</c> and older readers
/// expect), then the start time and the assembly, the identity <c>stop</c> checks before it signals anything.
/// </summary>
public static class PidFiles
{
    public static string PathOf(string runDir, string name) => Path.Combine(runDir, $"{name}.pid");

    public static void Write(string runDir, string name, ProcessIdentity identity)
    {
        Directory.CreateDirectory(runDir);
        File.WriteAllLines(PathOf(runDir, name),
            [identity.Pid.ToString(CultureInfo.InvariantCulture), identity.StartTicks.ToString(CultureInfo.InvariantCulture), identity.Assembly]);
    }

    /// <summary>The identity recorded for <paramref name="name"/>, or null when there is no readable pid file.</summary>
    public static ProcessIdentity? Read(string runDir, string name)
    {
        var file = PathOf(runDir, name);
        if (!File.Exists(file))
        {
            return null;
        }
        var lines = File.ReadAllLines(file);
        return lines.Length >= 3
            && int.TryParse(lines[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            && long.TryParse(lines[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            ? new ProcessIdentity(pid, ticks, lines[2].Trim())
            : null;
    }

    /// <summary>The names that have a pid file in <paramref name="runDir"/>.</summary>
    public static IEnumerable<string> Names(string runDir) =>
        Directory.Exists(runDir) ? Directory.EnumerateFiles(runDir, "*.pid").Select(f => Path.GetFileNameWithoutExtension(f)!).Order() : [];

    /// <summary>
    /// Stops the process recorded for <paramref name="name"/> only if it is still that process (pid, start time and
    /// assembly all match); a pid file left by a process that has ended, or whose pid now belongs to another, is
    /// removed and nothing is signalled. Returns what was done, for the operator.
    /// </summary>
    public static async Task<string> StopAsync(string runDir, string name, TimeSpan grace)
    {
        var file = PathOf(runDir, name);
        var identity = Read(runDir, name);
        if (identity is null)
        {
            if (File.Exists(file))
            {
                File.Delete(file);
                return $"{name}: unreadable pid file removed; nothing signalled";
            }
            return $"{name}: not started by tools/run";
        }
        if (!identity.IsRunning())
        {
            File.Delete(file);
            return $"{name}: pid {identity.Pid} is no longer the process started (ended, or the pid was reused); nothing signalled";
        }
        Signals.Terminate(identity.Pid);
        var deadline = DateTime.UtcNow + grace;
        while (identity.IsRunning() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        if (identity.IsRunning())
        {
            System.Diagnostics.Process.GetProcessById(identity.Pid).Kill(entireProcessTree: true);
        }
        File.Delete(file);
        return $"{name}: stopped (pid {identity.Pid})";
    }
}
