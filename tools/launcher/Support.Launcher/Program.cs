using System.Globalization;
using Support.Launcher;

// tools/run's launcher. usage:
//   Support.Launcher start <run-dir> <spec-file>   start what is not running, wait until every process is ready
//   Support.Launcher stop <run-dir> [name...]      stop what this launcher started (all by default)
//   Support.Launcher status <run-dir>
// The spec file has one line per process, tab-separated: "process<TAB>name<TAB>port<TAB>dll<TAB>working-dir<TAB>log",
// followed by that process's "env<TAB>KEY=VALUE" lines.
var grace = TimeSpan.FromSeconds(15);
try
{
    return args switch
    {
        ["start", var runDir, var specFile] => await StartAsync(runDir, ReadSpecs(specFile)),
        ["stop", var runDir, .. var names] => await StopAsync(runDir, names),
        ["status", var runDir] => Status(runDir),
        _ => Usage(),
    };
}
catch (LaunchException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

async Task<int> StartAsync(string runDir, IReadOnlyList<LaunchSpec> specs)
{
    var started = new List<LaunchedProcess>();
    try
    {
        foreach (var spec in specs)
        {
            if (PidFiles.Read(runDir, spec.Name) is { } recorded && recorded.IsRunning())
            {
                var listener = Ports.ListenerOf(spec.Port);
                if (listener != recorded.Pid)
                {
                    throw new LaunchException($"{spec.Name}: the process started earlier (pid {recorded.Pid}) runs, but port {spec.Port} is not its own; run tools/run stop first.");
                }
                Console.WriteLine($"{spec.Name} already running (pid {recorded.Pid})");
                continue;
            }
            var process = ProcessLauncher.Start(spec);
            started.Add(process);
            PidFiles.Write(runDir, spec.Name, process.Identity);
        }
        await Task.WhenAll(started.Select(p => p.WaitUntilReadyAsync(TimeSpan.FromSeconds(120))));
        foreach (var process in started)
        {
            Console.WriteLine($"{process.Spec.Name} ready on {process.Spec.BaseAddress} (pid {process.Identity.Pid})");
        }
        return 0;
    }
    catch (LaunchException)
    {
        // Leave nothing half-started behind: what this run started is stopped again.
        foreach (var process in started)
        {
            await process.StopAsync(grace);
            File.Delete(PidFiles.PathOf(runDir, process.Spec.Name));
        }
        throw;
    }
}

async Task<int> StopAsync(string runDir, string[] names)
{
    foreach (var name in names.Length > 0 ? names : PidFiles.Names(runDir).ToArray())
    {
        Console.WriteLine(await PidFiles.StopAsync(runDir, name, grace));
    }
    return 0;
}

int Status(string runDir)
{
    foreach (var name in PidFiles.Names(runDir))
    {
        var identity = PidFiles.Read(runDir, name);
        Console.WriteLine(identity is not null && identity.IsRunning() ? $"{name} running (pid {identity.Pid})" : $"{name} stopped (stale pid file)");
    }
    return 0;
}

static List<LaunchSpec> ReadSpecs(string file)
{
    var specs = new List<LaunchSpec>();
    Dictionary<string, string>? environment = null;
    foreach (var line in File.ReadAllLines(file).Where(l => l.Length > 0))
    {
        var fields = line.Split('\t');
        switch (fields)
        {
            case ["process", var name, var port, var dll, var directory, var log]:
                environment = new Dictionary<string, string>(StringComparer.Ordinal);
                specs.Add(new LaunchSpec(name, dll, directory, int.Parse(port, CultureInfo.InvariantCulture), environment, log));
                break;
            case ["env", var pair] when environment is not null && pair.IndexOf('=', StringComparison.Ordinal) > 0:
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                environment[pair[..equals]] = pair[(equals + 1)..];
                break;
            default:
                throw new LaunchException($"{file}: cannot read the line starting '{fields[0]}'");
        }
    }
    return specs;
}

static int Usage()
{
    Console.Error.WriteLine("usage: Support.Launcher start <run-dir> <spec-file> | stop <run-dir> [name...] | status <run-dir>");
    return 2;
}
