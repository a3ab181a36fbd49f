using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Support.Messaging.Outbox;
using Support.ServiceDefaults.Health;
using Support.Messaging.Tests.Infrastructure;
using Support.Testing;
using Xunit.Abstractions;

namespace Support.Messaging.Tests.Outbox;

public sealed class BrokerOutageFixture() : MessagingFixture("outage")
{
    protected override void ConfigureConsumers(IBusRegistrationConfigurator bus) => bus.AddConsumer<OutageProbeConsumer>();
}

/// <summary>
/// Stops the shared local broker for 30 s: <c>tools/test</c> runs this category on its own, after every other test.
/// </summary>
[Trait("Category", "BrokerOutage")]
public sealed class BrokerOutageTests(BrokerOutageFixture fixture, ITestOutputHelper output) : IClassFixture<BrokerOutageFixture>
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_broker_stopped_for_30_seconds_then_restarted_loses_nothing()
    {
        // The topology exists and messages flow before the outage.
        var before = (await fixture.WriteOutboxAsync(new OutageProbe { Index = 0 })).Single();
        await Eventually.TrueAsync(async () => await fixture.EffectCountAsync(before) == 1,
            TimeSpan.FromSeconds(60), "a message relayed before the outage to be applied");

        var written = new List<Guid>();
        var stopped = false;
        try
        {
            await BrokerControlAsync("stop_app");
            stopped = true;
            var outage = Stopwatch.StartNew();
            // Requests keep committing state changes (and so outbox rows) while the broker is away.
            var index = 1;
            while (outage.Elapsed < Outage)
            {
                written.AddRange(await fixture.WriteOutboxAsync(new OutageProbe { Index = index++ }, new OutageProbe { Index = index++ }));
                await Task.Delay(TimeSpan.FromSeconds(2));
            }

            var during = await fixture.OutboxRowsAsync(written);
            foreach (var row in during)
            {
                output.WriteLine($"{row.Sequence}: attempts {row.Attempts}, next {row.NextAttemptAt:HH:mm:ss.fff}, error {row.LastError}");
            }
            Assert.Equal(written.Count, during.Count);
            Assert.All(during, r => Assert.Null(r.SentAt));
            // The relay kept trying, recorded why it failed, and kept the rows.
            // (Rows behind it may not have been tried yet: the relay retries the oldest ready rows first.)
            Assert.True(during[0].Attempts > 1, $"The oldest row written during the outage should have been retried, not given up on (attempts: {during[0].Attempts}).");
            Assert.NotNull(during[0].LastError);
            await using (var db = fixture.CreateDbContext())
            {
                var backlog = await fixture.Services.GetRequiredService<OutboxMonitor>().MeasureAsync(db, TimeProvider.System, CancellationToken.None);
                Assert.Equal(written.Count, backlog.Pending);
                // Nothing was set aside for the outage: a broker that is down for everyone only delays rows.
                Assert.Equal(0, backlog.Dead);
            }
            // The broker is reported but does not gate readiness: the service keeps taking the writes its outbox holds.
            var ready = await fixture.Services.GetRequiredService<HealthCheckService>()
                .CheckHealthAsync(r => r.Tags.Contains(HealthTags.Ready));
            Assert.NotEqual(HealthStatus.Unhealthy, ready.Status);
            Assert.Contains(ready.Entries, e => e.Key == "bus" && e.Value.Status == HealthStatus.Degraded);

            await BrokerControlAsync("start_app");
            stopped = false;
        }
        finally
        {
            if (stopped)
            {
                await BrokerControlAsync("start_app");
            }
        }

        var restarted = Stopwatch.StartNew();
        await Eventually.TrueAsync(async () => (await fixture.EffectCountsAsync(written)).Values.All(n => n > 0),
            TimeSpan.FromSeconds(90), "every message written during the outage to be applied after the restart");
        output.WriteLine(RecoveryTimes.Append("RabbitMQ stopped for 30 s",
            $"{written.Count} messages written during the outage all applied {restarted.Elapsed.TotalSeconds:0.0} s after the restart"));
        await Eventually.TrueAsync(async () => (await fixture.OutboxRowsAsync(written)).All(r => r.SentAt is not null),
            TimeSpan.FromSeconds(30), "every row to be marked sent");

        Assert.All(await fixture.EffectCountsAsync(written), e => Assert.Equal(1, e.Value));
        var queue = fixture.QueueOf<OutageProbeConsumer>();
        Assert.All(written, id => Assert.True(fixture.Deliveries.Count(queue, id, DeliveryStage.Consumed) >= 1));
    }

    private async Task BrokerControlAsync(string command)
    {
        var control = Environment.GetEnvironmentVariable("SUPPORT_TEST_BROKER_CTL")
            ?? $"'{Path.Combine(TestEnvironment.RepositoryRoot, "tools", "infra")}' rabbitmqctl";
        var start = new ProcessStartInfo("/bin/bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"{control} {command}");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start /bin/bash.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        output.WriteLine($"{control} {command}: exit {process.ExitCode} {await stdout} {await stderr}");
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{control} {command}' exited with {process.ExitCode}: {await stderr}");
        }
    }
}
