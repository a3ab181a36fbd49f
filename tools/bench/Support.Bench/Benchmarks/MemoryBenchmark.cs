using Support.Bench.Platform;
using Support.Bench.Reporting;

namespace Support.Bench.Benchmarks;

/// <summary>
/// Resident memory (VmRSS) of every platform process. Run twice: before any load ("idle", judged against the
/// target) and after the load benchmarks ("after_load", for information).
/// </summary>
public sealed class MemoryBenchmark(BenchSettings settings, string phase) : IBenchmark
{
    public static readonly Target IdleServiceRss = Target.Max(150);

    public string Name => "memory";
    public string Title => $"Memory, {phase.Replace('_', ' ')} (VmRSS from /proc/<pid>/status, MiB)";

    private bool Judged => phase == "idle";

    public IEnumerable<(string Name, Target? Target)> PlannedFigures =>
        PlatformProcess.AllNames.Select(n => (FigureName(n), TargetFor(n)));

    public Task RunAsync(Report report, CancellationToken cancellationToken)
    {
        foreach (var name in PlatformProcess.AllNames)
        {
            var process = PlatformProcess.Find(settings.DataDir, name, out var problem);
            if (process is null)
            {
                report.NotMeasured(Name, FigureName(name), TargetFor(name), problem!);
                continue;
            }
            var rss = process.ResidentMiB();
            if (TargetFor(name) is { } target)
            {
                report.Add(Name, FigureName(name), rss, 1, target);
            }
            else
            {
                report.Info(Name, FigureName(name), rss, 1, name == "gateway" ? "the target is for services" : null);
            }
        }
        return Task.CompletedTask;
    }

    private string FigureName(string process) => $"memory.{phase}_rss_mb.{process}";

    private Target? TargetFor(string process) => Judged && process != "gateway" ? IdleServiceRss : null;
}
