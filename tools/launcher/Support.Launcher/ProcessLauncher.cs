using System.Diagnostics;

namespace Support.Launcher;

/// <summary>Starts platform processes: a taken port is refused, the output goes to the spec's log file.</summary>
public static class ProcessLauncher
{
    public static LaunchedProcess Start(LaunchSpec spec)
    {
        if (!File.Exists(spec.Dll))
        {
            throw new LaunchException($"{spec.Dll} is missing: build the solution first.");
        }
        Ports.EnsureFree(spec.Port, spec.Name);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(spec.LogFile))!);
        // sh replaces itself with dotnet (exec), so the pid started is the service's own, and its output goes straight
        // to the log file: the service outlives this launcher without a pipe to a reader that is gone.
        var start = new ProcessStartInfo("/bin/sh", ["-c", "exec \"$@\" >>\"$0\" 2>&1", spec.LogFile, "dotnet", spec.Dll])
        {
            WorkingDirectory = spec.WorkingDirectory,
            UseShellExecute = false,
        };
        foreach (var (key, value) in spec.Environment)
        {
            start.Environment[key] = value;
        }
        start.Environment["ASPNETCORE_URLS"] = spec.BaseAddress.ToString().TrimEnd('/');
        var process = Process.Start(start) ?? throw new LaunchException($"{spec.Name}: could not start dotnet");
        var startTicks = ProcessIdentity.StartTicksOf(process.Id)
            ?? throw new LaunchException($"{spec.Name}: pid {process.Id} ended at once; see {spec.LogFile}");
        return new LaunchedProcess(spec, process, new ProcessIdentity(process.Id, startTicks, spec.Assembly));
    }
}
