using System.Globalization;
using System.Text;

namespace Support.Bench.Platform;

/// <summary>A process started by <c>tools/run</c>, found through its pid file and read through /proc.</summary>
public sealed record PlatformProcess(string Name, int Pid)
{
    /// <summary>The names <c>tools/run</c> writes pid files for, services first.</summary>
    public static readonly IReadOnlyList<string> ServiceNames = ["referrals", "outreach", "missing", "therapy", "leavingcare", "supportline"];
    public static readonly IReadOnlyList<string> AllNames = [.. ServiceNames, "gateway"];

    /// <summary>The running process, or null with the reason when there is none.</summary>
    public static PlatformProcess? Find(string dataDir, string name, out string? problem)
    {
        var runDir = Path.Combine(dataDir, "run");
        problem = null;
        // The launcher's pid file and identity check: a pid reused by another process is never measured as the service.
        if (Support.Launcher.PidFiles.Read(runDir, name) is not { } identity)
        {
            problem = $"no pid file {Support.Launcher.PidFiles.PathOf(runDir, name)}";
            return null;
        }
        if (!identity.IsRunning())
        {
            problem = $"pid {identity.Pid} from {Support.Launcher.PidFiles.PathOf(runDir, name)} is no longer the process tools/run started";
            return null;
        }
        var pid = identity.Pid;
        return new PlatformProcess(name, pid);
    }

    /// <summary>Resident set size (VmRSS) in MiB.</summary>
    public double ResidentMiB()
    {
        var line = File.ReadLines($"/proc/{Pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kib = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return kib / 1024.0;
    }

    public IReadOnlyDictionary<string, string> Environment()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in ReadNulSeparated("environ"))
        {
            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                environment[entry[..equals]] = entry[(equals + 1)..];
            }
        }
        return environment;
    }

    public IReadOnlyList<string> CommandLine() => ReadNulSeparated("cmdline");

    public string Executable() => new FileInfo($"/proc/{Pid}/exe").LinkTarget ?? throw new InvalidOperationException($"cannot read /proc/{Pid}/exe");

    public string WorkingDirectory() => new DirectoryInfo($"/proc/{Pid}/cwd").LinkTarget ?? throw new InvalidOperationException($"cannot read /proc/{Pid}/cwd");

    private string[] ReadNulSeparated(string file) =>
        Encoding.UTF8.GetString(File.ReadAllBytes($"/proc/{Pid}/{file}")).Split('\0', StringSplitOptions.RemoveEmptyEntries);
}
