using System.Diagnostics;
using System.Globalization;

namespace Support.Launcher;

internal static class Signals
{
    /// <summary>SIGTERM, so ASP.NET Core shuts down cleanly (the relay finishes its pass, connections close).</summary>
    public static void Terminate(int pid)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", pid.ToString(CultureInfo.InvariantCulture)])
        {
            UseShellExecute = false,
            RedirectStandardError = true,
        });
        kill?.WaitForExit();
    }
}
