using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Support.ServiceDefaults.Jobs;

namespace Support.Deployment.Tests;

/// <summary>The metrics behind the SupportDeadlineJobStalled alert (k8s/base/monitoring/alert-rules.yaml).</summary>
public sealed class JobHeartbeatTests
{
    [Fact]
    public void A_job_is_overdue_only_by_the_time_past_its_own_interval()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 0, 0, 0, TimeSpan.Zero));
        using var services = new ServiceCollection().AddMetrics().AddSingleton<TimeProvider>(clock).AddSingleton<JobHeartbeat>().BuildServiceProvider();
        var heartbeat = services.GetRequiredService<JobHeartbeat>();
        var scopes = services.GetRequiredService<IServiceScopeFactory>();

        scopes.ReportJobPass("missing.return-interview-overdue", TimeSpan.FromMinutes(1));
        heartbeat.PassCompleted("leavingcare.handover-alerts", TimeSpan.FromHours(4));
        clock.Advance(TimeSpan.FromMinutes(12));

        var observed = Observe(services);
        Assert.Equal(720, observed[("support.jobs.last_pass_age", "missing.return-interview-overdue")]);
        Assert.Equal(660, observed[("support.jobs.overdue", "missing.return-interview-overdue")]);
        Assert.Equal(720, observed[("support.jobs.last_pass_age", "leavingcare.handover-alerts")]);
        Assert.Equal(0, observed[("support.jobs.overdue", "leavingcare.handover-alerts")]);

        // A new pass resets the clock.
        scopes.ReportJobPass("missing.return-interview-overdue", TimeSpan.FromMinutes(1));
        Assert.Equal(0, Observe(services)[("support.jobs.last_pass_age", "missing.return-interview-overdue")]);
    }

    private static Dictionary<(string, string), double> Observe(IServiceProvider services)
    {
        var meterFactory = services.GetRequiredService<IMeterFactory>();
        var values = new Dictionary<(string, string), double>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == JobHeartbeat.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            var job = tags.ToArray().Single(t => t.Key == "job_name").Value as string ?? "";
            values[(instrument.Name, job)] = value;
        });
        _ = meterFactory;
        listener.Start();
        listener.RecordObservableInstruments();
        return values;
    }
}
