using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Support.ServiceDefaults.Jobs;

/// <summary>
/// When each deadline job last completed a pass, as metrics (meter <c>Support.Jobs</c>): <c>support.jobs.last_pass_age</c>
/// and <c>support.jobs.overdue</c> (how far past its own interval the next pass is), per <c>job_name</c>. A breached
/// deadline is never silent only while its job runs (MIS-02, LC-01); the k8s alert fires at 10 minutes overdue.
/// </summary>
public sealed class JobHeartbeat : IDisposable
{
    public const string MeterName = "Support.Jobs";

    private readonly ConcurrentDictionary<string, (DateTimeOffset At, TimeSpan Interval)> _passes = new();
    private readonly Meter _meter;

    public JobHeartbeat(IMeterFactory meters, TimeProvider clock)
    {
        _meter = meters.Create(MeterName);
        _meter.CreateObservableGauge("support.jobs.last_pass_age",
            () => _passes.Select(p => Measure((clock.GetUtcNow() - p.Value.At).TotalSeconds, p.Key)),
            unit: "s", description: "Seconds since the job last completed a pass");
        _meter.CreateObservableGauge("support.jobs.overdue",
            () => _passes.Select(p => Measure(Math.Max(0, (clock.GetUtcNow() - p.Value.At - p.Value.Interval).TotalSeconds), p.Key)),
            unit: "s", description: "Seconds the job's next pass is late by, beyond its interval");
        Clock = clock;
    }

    private TimeProvider Clock { get; }

    /// <summary>Records a completed pass of <paramref name="job"/>, which runs every <paramref name="interval"/>.</summary>
    public void PassCompleted(string job, TimeSpan interval) => _passes[job] = (Clock.GetUtcNow(), interval);

    public void Dispose() => _meter.Dispose();

    private static Measurement<double> Measure(double seconds, string job) => new(seconds, new KeyValuePair<string, object?>("job_name", job));
}

public static class JobHeartbeatExtensions
{
    /// <summary>For background jobs, which hold a scope factory: records a completed pass when the heartbeat is registered.</summary>
    public static void ReportJobPass(this IServiceScopeFactory scopes, string job, TimeSpan interval)
    {
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetService<JobHeartbeat>()?.PassCompleted(job, interval);
    }
}
