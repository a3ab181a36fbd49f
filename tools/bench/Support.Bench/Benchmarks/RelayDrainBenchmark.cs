using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Support.Bench.Load;
using Support.Bench.Relay;
using Support.Bench.Reporting;
using Support.Contracts.Registry;
using Support.Messaging.Outbox;

namespace Support.Bench.Benchmarks;

/// <summary>
/// How fast one outbox relay empties a backlog. A scratch database gets the outbox table, a scratch vhost gets the
/// message type's fanout exchange with five durable queues bound (as many as the services that consume
/// <see cref="YoungPersonRegistered"/>, so the broker routes and stores each message as on the platform). The
/// production relay runs in a host wired like a service's; the rows are inserted in one COPY while it is idle, and
/// the clock runs from the COPY's commit until no row is pending. Database and vhost are dropped afterwards.
/// </summary>
public sealed class RelayDrainBenchmark(BenchSettings settings) : IBenchmark
{
    public static readonly Target MessagesPerSecond = Target.Min(1000);
    private const int BoundQueues = 5;
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);

    public string Name => "relay";
    public string Title => "Outbox relay drain rate (production OutboxRelay, scratch database and vhost)";

    public IEnumerable<(string Name, Target? Target)> PlannedFigures => [("relay.messages_per_s", MessagesPerSecond)];

    private int Rows => settings.Quick ? 10_000 : 50_000;

    public async Task RunAsync(Report report, CancellationToken cancellationToken)
    {
        var batchSize = new OutboxRelayOptions().BatchSize;
        var suffix = $"{DateTime.UtcNow:yyyyMMddHHmmss}_{Random.Shared.Next(1000):000}";
        var (username, password) = RelayHost.Credentials(settings.RabbitMq);
        var exchange = $"{typeof(YoungPersonRegistered).Namespace}:{nameof(YoungPersonRegistered)}";

        await using var database = await ScratchDatabase.CreateAsync(settings.PostgresAdmin, $"support_bench_{suffix}", cancellationToken);
        await using var vhost = await ScratchVhost.CreateAsync(settings.RabbitMqManagement, username, password, $"support-bench-{suffix}", cancellationToken);
        await vhost.DeclareFanoutExchangeAsync(exchange, cancellationToken);
        for (var i = 0; i < BoundQueues; i++)
        {
            await vhost.DeclareBoundQueueAsync(exchange, QueueName(i), cancellationToken);
        }
        report.Note($"scratch database {database.Name}, vhost {vhost.Name}, {BoundQueues} queues bound to {exchange}, relay batch size {batchSize} (the default)");

        using var host = RelayHost.Build(database.ConnectionString, settings.RabbitMq, vhost.Name, batchSize);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<BenchDbContext>().Database.EnsureCreatedAsync(cancellationToken);
        }
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await host.StartAsync(cancellationToken);
        long seeded, drained, pending, failed;
        try
        {
            var seeding = Clock.Now;
            await OutboxSeeder.SeedAsync(database.ConnectionString, Rows, cancellationToken);
            seeded = Clock.Now;
            report.Info(Name, "relay.copy_rows_per_s", Rows / Clock.SecondsBetween(seeding, seeded), 0, $"{Rows} rows in one binary COPY");

            var deadline = Clock.After(seeded, GiveUpAfter);
            while ((pending = await OutboxSeeder.PendingAsync(dataSource, cancellationToken)) > 0 && Clock.Now < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
            }
            drained = Clock.Now;
            failed = await OutboxSeeder.FailedAttemptsAsync(dataSource, cancellationToken);
        }
        finally
        {
            // Hosted services stop in reverse order of registration, which stops the bus before the relay; a publish
            // in flight would then fail and be logged. Stop the relay first.
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            foreach (var relay in host.Services.GetServices<IHostedService>().OfType<OutboxRelay<BenchDbContext>>())
            {
                await relay.StopAsync(stopping.Token);
            }
            await host.StopAsync(stopping.Token);
        }

        var seconds = Clock.SecondsBetween(seeded, drained);
        var published = Rows - pending;
        report.Add(Name, "relay.messages_per_s", published / seconds, 0, MessagesPerSecond,
            pending == 0 ? null : $"INCOMPLETE: {pending} rows still pending after {GiveUpAfter.TotalSeconds:0} s");
        report.Info(Name, "relay.drain_s", seconds, 1, $"{published} of {Rows} messages published and confirmed");
        report.Info(Name, "relay.rows_with_failed_publish", failed, 0,
            failed == 0 ? null : "the broker refused or dropped publishes during the run (an outage?): the rate includes backoff");
        // The relay kept going until it was stopped; everything marked sent by then must be in every queue.
        var sent = Rows - await OutboxSeeder.PendingAsync(dataSource, cancellationToken);
        report.Info(Name, "relay.queue_depth", await SettledQueueDepthAsync(vhost, sent, cancellationToken), 0,
            $"messages in {QueueName(0)} after the relay stopped; {sent} rows were marked sent");
    }

    /// <summary>The management statistics lag a few seconds; wait (up to 10 s) for the count to reach what was published.</summary>
    private static async Task<long> SettledQueueDepthAsync(ScratchVhost vhost, long expected, CancellationToken cancellationToken)
    {
        var deadline = Clock.After(Clock.Now, TimeSpan.FromSeconds(10));
        long depth;
        while ((depth = await vhost.QueueDepthAsync(QueueName(0), cancellationToken)) < expected && Clock.Now < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }
        return depth;
    }

    private static string QueueName(int index) => $"bench-consumer-{index + 1}";
}
