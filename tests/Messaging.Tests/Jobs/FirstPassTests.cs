using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Support.Messaging.Jobs;

namespace Support.Messaging.Tests.Jobs;

/// <summary>
/// A job's first pass waits until the host has started and then <see cref="PeriodicJob.FirstPassDelaySetting"/>, so the
/// jobs' first query compilations no longer run inside the host's start nor beside its first readiness check (issue 17,
/// Referrals ready 2.66-2.88 s before, 1.99-2.58 s after). A job that opts out (the outbox relay) passes once started.
/// No database or broker: the jobs here only record when they ran.
/// </summary>
public sealed class FirstPassTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A_job_first_passes_after_the_host_has_started_and_the_first_pass_delay_on_its_clock()
    {
        using var host = Build(Delay);
        await host.StartAsync();
        try
        {
            var delayed = host.Services.GetRequiredService<DelayedJob>();
            var first = await delayed.FirstPass.Task.WaitAsync(TimeSpan.FromSeconds(30));

            Assert.True(first.HostHadStarted, "the first pass ran while the host was still starting");
            Assert.True(first.At >= Delay, $"the first pass ran {first.At.TotalMilliseconds:F0} ms after the start, inside the {Delay.TotalMilliseconds:F0} ms delay");
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task A_job_that_opts_out_of_the_delay_first_passes_once_the_host_has_started_before_the_delayed_ones()
    {
        using var host = Build(TimeSpan.FromSeconds(5));
        await host.StartAsync();
        try
        {
            var prompt = await host.Services.GetRequiredService<PromptJob>().FirstPass.Task.WaitAsync(TimeSpan.FromSeconds(30));
            var delayed = host.Services.GetRequiredService<DelayedJob>().FirstPass.Task;

            Assert.True(prompt.HostHadStarted, "the first pass ran while the host was still starting");
            Assert.False(delayed.IsCompleted, "the delayed job passed before its delay was up");
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-00:00:02")]
    public async Task An_unreadable_or_negative_first_pass_delay_stops_the_start_naming_the_setting(string value)
    {
        using var host = Build(value);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());
        Assert.Contains(PeriodicJob.FirstPassDelaySetting, refused.Message);
        Assert.False(host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.IsCancellationRequested);
    }

    [Fact]
    public void An_absent_first_pass_delay_is_the_default_and_zero_turns_it_off()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection().Build();
        Assert.Equal(PeriodicJob.DefaultFirstPassDelay, PeriodicJob.ReadFirstPassDelay(configuration));
        configuration[PeriodicJob.FirstPassDelaySetting] = "00:00:00";
        Assert.Equal(TimeSpan.Zero, PeriodicJob.ReadFirstPassDelay(configuration));
    }

    private static IHost Build(TimeSpan firstPassDelay) => Build(firstPassDelay.ToString());

    private static IHost Build(string firstPassDelay)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration[PeriodicJob.FirstPassDelaySetting] = firstPassDelay;
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ILogger>(NullLogger.Instance);
        builder.Services.AddSingleton<DelayedJob>();
        builder.Services.AddSingleton<PromptJob>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DelayedJob>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<PromptJob>());
        return builder.Build();
    }

    /// <summary>When a first pass ran, counted from the job's construction, and whether the host had started by then.</summary>
    public readonly record struct Pass(TimeSpan At, bool HostHadStarted);

    public abstract class RecordingJob(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, TimeProvider clock, ILogger logger)
        : PeriodicJob(scopes, clock, logger)
    {
        private readonly long _created = Stopwatch.GetTimestamp();

        public TaskCompletionSource<Pass> FirstPass { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override TimeSpan Interval => TimeSpan.FromHours(1);

        protected override Task<JobPass> RunPassAsync(CancellationToken cancellationToken)
        {
            FirstPass.TrySetResult(new Pass(Stopwatch.GetElapsedTime(_created), lifetime.ApplicationStarted.IsCancellationRequested));
            return Task.FromResult(JobPass.Done);
        }
    }

    public sealed class DelayedJob(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, TimeProvider clock, ILogger logger)
        : RecordingJob(scopes, lifetime, clock, logger);

    public sealed class PromptJob(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, TimeProvider clock, ILogger logger)
        : RecordingJob(scopes, lifetime, clock, logger)
    {
        protected override bool DelaysFirstPass => false;
    }
}
