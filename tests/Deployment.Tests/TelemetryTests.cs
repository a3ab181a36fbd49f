using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Support.ServiceDefaults;

namespace Support.Deployment.Tests;

/// <summary>
/// OpenTelemetry is registered only where a collector is configured (ServiceDefaults.AddSupportTelemetry, README): with
/// nothing to export to it recorded every request's trace for no reader, a fifth of Referrals' CPU a request.
/// </summary>
public sealed class TelemetryTests
{
    [Fact]
    public void Without_a_collector_no_tracer_or_meter_provider_is_registered()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());

        var registered = builder.AddSupportTelemetry();
        using var host = builder.Build();

        Assert.False(registered);
        Assert.Null(host.Services.GetService<TracerProvider>());
        Assert.Null(host.Services.GetService<MeterProvider>());
    }

    [Fact]
    public void With_a_collector_configured_traces_and_metrics_are_registered()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:4317" });

        var registered = builder.AddSupportTelemetry();
        using var host = builder.Build();

        Assert.True(registered);
        Assert.NotNull(host.Services.GetService<TracerProvider>());
        Assert.NotNull(host.Services.GetService<MeterProvider>());
    }
}
