using System.Diagnostics;
using Support.Bench.Load;
using Support.Bench.Platform;
using Support.Bench.Reporting;

namespace Support.Bench.Benchmarks;

/// <summary>
/// Start-to-ready time: one extra instance of each service is started from the same assembly, working directory and
/// environment as the running one (read from /proc), on the running port + 10000 and without migrations, and timed
/// from process start until <c>/health/ready</c> answers 200. It is killed straight after; while it lives it also
/// consumes from the service's queues, which is harmless when nothing is being published.
/// </summary>
public sealed class StartupBenchmark(BenchSettings settings) : IBenchmark
{
    public static readonly Target ReadySeconds = Target.Max(3);
    private const int PortOffset = 10000;
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    public string Name => "startup";
    public string Title => "Start-to-ready time of a second instance of each service";

    public IEnumerable<(string Name, Target? Target)> PlannedFigures =>
        PlatformProcess.ServiceNames.Select(n => ($"startup.ready_s.{n}", (Target?)ReadySeconds));

    public async Task RunAsync(Report report, CancellationToken cancellationToken)
    {
        using var client = BenchHttp.CreateClient(TimeSpan.FromSeconds(2));
        foreach (var name in PlatformProcess.ServiceNames)
        {
            var figure = $"startup.ready_s.{name}";
            var running = PlatformProcess.Find(settings.DataDir, name, out var problem);
            if (running is null)
            {
                report.NotMeasured(Name, figure, ReadySeconds, problem!);
                continue;
            }
            try
            {
                // "After infrastructure is up": the running instance being ready means its database and broker are.
                await PlatformHealth.EnsureReadyAsync(cancellationToken, PlatformHealth.Ready(RunningUri(running)));
                var (live, ready) = await MeasureAsync(running, client, cancellationToken);
                report.Add(Name, figure, ready, 2, ReadySeconds);
                report.Info(Name, $"startup.live_s.{name}", live, 2, "first 200 from /health/live");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                report.NotMeasured(Name, figure, ReadySeconds, e.Message);
            }
        }
    }

    private static async Task<(double Live, double Ready)> MeasureAsync(PlatformProcess running, HttpClient client, CancellationToken cancellationToken)
    {
        var environment = running.Environment();
        var port = RunningUri(running).Port + PortOffset;
        // The platform's launcher refuses a taken port, naming who holds it.
        Support.Launcher.Ports.EnsureFree(port, $"startup benchmark ({running.Name})");
        var baseUri = new Uri($"http://127.0.0.1:{port}");

        var start = new ProcessStartInfo(running.Executable())
        {
            WorkingDirectory = running.WorkingDirectory(),
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in running.CommandLine().Skip(1))
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment.Clear();
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        start.Environment["ASPNETCORE_URLS"] = baseUri.ToString().TrimEnd('/');
        start.Environment["Database__MigrateOnStartup"] = "false";

        var output = new OutputTail(20);
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);

        var started = Clock.Now;
        process.Start();
        try
        {
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var deadline = Clock.After(started, GiveUpAfter);
            double? live = null;
            while (true)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"exited with code {process.ExitCode}: {output}");
                }
                if (Clock.Now > deadline)
                {
                    throw new TimeoutException($"not ready after {GiveUpAfter.TotalSeconds:0} s: {output}");
                }
                if (live is null && await IsOkAsync(client, new Uri(baseUri, "/health/live"), cancellationToken))
                {
                    live = Clock.SecondsBetween(started, Clock.Now);
                }
                if (await IsOkAsync(client, new Uri(baseUri, "/health/ready"), cancellationToken))
                {
                    var ready = Clock.SecondsBetween(started, Clock.Now);
                    // What answered must be the instance started here, never something else on the port.
                    if (Support.Launcher.Ports.ListenerOf(port) != process.Id)
                    {
                        throw new InvalidOperationException($"port {port} was answered by another process than the instance started (pid {process.Id})");
                    }
                    return (live ?? ready, ready);
                }
                await Task.Delay(PollInterval, cancellationToken);
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
            using var exit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(exit.Token);
        }
    }

    private static Uri RunningUri(PlatformProcess running) => new(running.Environment()["ASPNETCORE_URLS"].Split(';')[0]);

    private static async Task<bool> IsOkAsync(HttpClient client, Uri uri, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.GetAsync(uri, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>The last lines a starting process printed, for the error message when it fails.</summary>
    private sealed class OutputTail(int lines)
    {
        private readonly Queue<string> _lines = new();

        public void Add(string? line)
        {
            if (line is null)
            {
                return;
            }
            lock (_lines)
            {
                _lines.Enqueue(line);
                while (_lines.Count > lines)
                {
                    _lines.Dequeue();
                }
            }
        }

        /// <summary>The first exception message in the tail (the cause), else the last line; one line, at most 200 characters.</summary>
        public override string ToString()
        {
            lock (_lines)
            {
                var line = _lines.Select(l => l.Trim()).FirstOrDefault(l => l.Contains("Exception", StringComparison.Ordinal))
                    ?? _lines.LastOrDefault()?.Trim() ?? "no output";
                return line.Length <= 200 ? line : line[..200] + "...";
            }
        }
    }
}
