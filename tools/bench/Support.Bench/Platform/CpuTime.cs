using System.Globalization;

namespace Support.Bench.Platform;

/// <summary>
/// CPU time (user plus system) each part of the platform used, read from /proc: the services and the gateway through
/// their pid files, PostgreSQL and RabbitMQ as the sum over every process of theirs (a backend per connection; the
/// services' pools keep theirs open, so little is lost when one ends). Two snapshots give what a phase cost each part.
/// </summary>
public sealed class CpuTime
{
    /// <summary>The kernel's USER_HZ: /proc/*/stat counts in these ticks on every Linux .NET runs on.</summary>
    private const double TicksPerSecond = 100;

    private static readonly IReadOnlyDictionary<string, string> Servers = new Dictionary<string, string>
    {
        ["postgres"] = "postgres",
        ["beam.smp"] = "rabbitmq",
    };

    private readonly Dictionary<string, double> _seconds;

    private CpuTime(Dictionary<string, double> seconds) => _seconds = seconds;

    /// <summary>Every part's CPU seconds now; a platform process that is not running is left out.</summary>
    public static CpuTime Take(string dataDir)
    {
        var seconds = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var name in PlatformProcess.AllNames)
        {
            if (PlatformProcess.Find(dataDir, name, out _) is { } process && Read(process.Pid) is { } used)
            {
                seconds[name] = used.Seconds;
            }
        }
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid) && Read(pid) is { } used
                && Servers.TryGetValue(used.Command, out var server))
            {
                seconds[server] = seconds.GetValueOrDefault(server) + used.Seconds;
            }
        }
        return new CpuTime(seconds);
    }

    /// <summary>What each part used between <paramref name="before"/> and this snapshot, in seconds, largest first.</summary>
    public IReadOnlyList<(string Part, double Seconds)> Since(CpuTime before) =>
        [.. _seconds.Where(p => before._seconds.ContainsKey(p.Key))
            .Select(p => (p.Key, Math.Max(0, p.Value - before._seconds[p.Key])))
            .OrderByDescending(p => p.Item2)];

    private static (string Command, double Seconds)? Read(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null; // the process ended between listing and reading
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
        // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split after the last ')'.
        var open = stat.IndexOf('(', StringComparison.Ordinal);
        var close = stat.LastIndexOf(')');
        if (open < 0 || close < open)
        {
            return null;
        }
        var fields = stat[(close + 2)..].Split(' ');
        // After the command: state is field 0, utime field 11 and stime field 12 (proc(5) fields 14 and 15).
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return (stat[(open + 1)..close], ticks / TicksPerSecond);
    }
}

/// <summary>
/// What a phase of a benchmark cost in CPU, per operation: each part of the platform (<see cref="CpuTime"/>), their
/// total, and the benchmark's own process, which runs on the same cores. Started before the phase, ended after it,
/// reported when the benchmark reports. A phase run in slices that alternate with another (the gateway benchmark's two
/// paths) is counted by resuming it for each slice: what runs between its slices is not counted.
/// </summary>
public sealed class CpuPerOperation
{
    private readonly string _dataDir;
    private readonly Dictionary<string, double> _platform = new(StringComparer.Ordinal);
    private CpuTime? _platformBefore;
    private TimeSpan _ownBefore;
    private TimeSpan _own;
    private bool _counted;

    private CpuPerOperation(string dataDir) => _dataDir = dataDir;

    public static CpuPerOperation Start(string dataDir)
    {
        var cpu = new CpuPerOperation(dataDir);
        cpu.Resume();
        return cpu;
    }

    /// <summary>A phase counted only in its slices: nothing is counted until <see cref="Resume"/>.</summary>
    public static CpuPerOperation Paused(string dataDir) => new(dataDir);

    /// <summary>Counts from now until the next <see cref="End"/>.</summary>
    public void Resume()
    {
        if (_platformBefore is not null)
        {
            throw new InvalidOperationException("Already counting: End() the slice first.");
        }
        _platformBefore = CpuTime.Take(_dataDir);
        _ownBefore = Environment.CpuUsage.TotalTime;
    }

    /// <summary>Ends the phase (or the slice): what happens after this (checks, reporting) is not counted.</summary>
    public void End()
    {
        var before = _platformBefore ?? throw new InvalidOperationException("Not counting: Resume() first.");
        foreach (var (part, seconds) in CpuTime.Take(_dataDir).Since(before))
        {
            _platform[part] = _platform.GetValueOrDefault(part) + seconds;
        }
        _own += Environment.CpuUsage.TotalTime - _ownBefore;
        _platformBefore = null;
        _counted = true;
    }

    /// <summary>Reports <c>{prefix}.{part}</c> for every part that used CPU, <c>{prefix}.total</c> and <c>{prefix}.benchmark</c>, in ms an operation.</summary>
    public void Report(Reporting.Report report, string benchmark, string prefix, long operations, int decimals, string totalNote, string ownNote)
    {
        if (!_counted || _platformBefore is not null)
        {
            throw new InvalidOperationException("End() the phase before reporting it.");
        }
        foreach (var (part, seconds) in _platform.Where(p => p.Value > 0).OrderByDescending(p => p.Value))
        {
            report.Info(benchmark, $"{prefix}.{part}", seconds * 1000 / operations, decimals);
        }
        report.Info(benchmark, $"{prefix}.total", _platform.Values.Sum() * 1000 / operations, decimals, totalNote);
        report.Info(benchmark, $"{prefix}.benchmark", _own.TotalMilliseconds / operations, decimals, ownNote);
    }
}
