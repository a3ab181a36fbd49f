using System.Diagnostics;
using System.Globalization;

namespace Support.Launcher;

internal static class Signals
{
    /// <summary>SIGTERM, so ASP.NET Core shuts down cleanly (the relay finishes its pass, connections close).</summary>
    public static void Terminate(int pid) => Send(pid, "TERM");

    /// <summary>SIGSTOP and SIGCONT: the process is frozen and thawed (a long pause, as under a stalled VM).</summary>
    public static void Freeze(int pid) => Send(pid, "STOP");

    public static void Thaw(int pid) => Send(pid, "CONT");

    private static void Send(int pid, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-" + signal, pid.ToString(CultureInfo.InvariantCulture)])
        {
            UseShellExecute = false,
            RedirectStandardError = true,
        });
        kill?.WaitForExit();
    }
}
