using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Support.Messaging.Outbox;
using Support.Messaging.Tests.Data;
using Support.Messaging.Tests.Infrastructure;
using Support.Testing;

namespace Support.Messaging.Tests.Outbox;

public sealed class DeadLetterFixture() : MessagingFixture("dead-letters")
{
    protected override void ConfigureConsumers(IBusRegistrationConfigurator bus)
    {
    }

    // A long backoff: before this fix, one failing row paused the whole relay for its backoff on every pass.
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Outbox:InitialBackoff"] = "00:00:30",
        ["Outbox:MaxBackoff"] = "00:01:00",
    };

    /// <summary>Writes a row the relay can never publish, as a deployment that lost a contract would leave it.</summary>
    public async Task<Guid> InsertUnpublishableAsync(string messageType, string payload)
    {
        var id = NewId.NextGuid();
        await using var db = CreateDbContext();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO msgtest.outbox_messages (id, message_type, payload, occurred_at, attempts, next_attempt_at)
            VALUES ({id}, {messageType}, {payload}::jsonb, now(), 0, now())
            """);
        return id;
    }
}

public sealed class DeadLetterTests(DeadLetterFixture fixture) : IClassFixture<DeadLetterFixture>
{
    [Fact]
    public async Task An_unknown_type_or_unreadable_payload_is_set_aside_and_the_rest_are_published_without_pause()
    {
        var probeUrn = MessageTypeRegistry.UrnOf(typeof(DeadLetterProbe));
        var unknown = await fixture.InsertUnpublishableAsync(probeUrn.Replace("dead-letter-probe", "no-such-contract", StringComparison.Ordinal), """{"index": 1}""");
        var unreadable = await fixture.InsertUnpublishableAsync(probeUrn, """{"index": "not a number"}""");
        var good = await fixture.WriteOutboxAsync(new DeadLetterProbe { Index = 1 }, new DeadLetterProbe { Index = 2 });

        // Well inside the 30-second backoff that used to stall the relay behind the bad rows.
        await Eventually.TrueAsync(async () => (await fixture.OutboxRowsAsync(good)).All(r => r.SentAt is not null),
            TimeSpan.FromSeconds(10), "the good rows to be published past the bad ones");
        var dead = await Eventually.GetAsync(async () =>
        {
            var rows = await fixture.OutboxRowsAsync([unknown, unreadable]);
            return rows.All(r => r.DeadAt is not null) ? rows : null;
        }, TimeSpan.FromSeconds(10), "both bad rows to be set aside");

        Assert.All(dead, r => Assert.Null(r.SentAt));
        Assert.All(dead, r => Assert.Equal(1, r.Attempts));
        Assert.Contains("no-such-contract", dead.Single(r => r.Id == unknown).LastError, StringComparison.Ordinal);
        // The error names where the payload broke, never what it holds.
        Assert.Contains(nameof(DeadLetterProbe), dead.Single(r => r.Id == unreadable).LastError, StringComparison.Ordinal);
        Assert.DoesNotContain("not a number", dead.Single(r => r.Id == unreadable).LastError, StringComparison.Ordinal);

        var monitor = fixture.Services.GetRequiredService<OutboxMonitor>();
        await using (var db = fixture.CreateDbContext())
        {
            var backlog = await monitor.MeasureAsync(db, TimeProvider.System, CancellationToken.None);
            Assert.Equal(2, backlog.Dead);
            Assert.Equal(0, backlog.Pending);
        }
        var ready = await fixture.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == "outbox");
        var outbox = ready.Entries["outbox"];
        Assert.Equal(HealthStatus.Degraded, outbox.Status);
        Assert.Equal(2L, outbox.Data["dead"]);

        // The operator fixes the payload and re-queues the row; it is published, the other stays set aside.
        await using (var db = fixture.CreateDbContext())
        {
            var fixedPayload = """{"index": 3}""";
            await db.Database.ExecuteSqlAsync($"UPDATE msgtest.outbox_messages SET payload = {fixedPayload}::jsonb WHERE id = {unreadable}");
        }
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            var operations = scope.ServiceProvider.GetRequiredService<OutboxOperations<MessagingTestDbContext>>();
            Assert.Equal(2, (await operations.DeadAsync(CancellationToken.None)).Count);
            Assert.Equal(1, await operations.RequeueAsync(unreadable, CancellationToken.None));
            Assert.Equal(0, await operations.RequeueAsync(good[0], CancellationToken.None));
        }
        await Eventually.TrueAsync(async () => (await fixture.OutboxRowAsync(unreadable)).SentAt is not null,
            TimeSpan.FromSeconds(10), "the re-queued row to be published");
        Assert.NotNull((await fixture.OutboxRowAsync(unknown)).DeadAt);
    }

    [Fact]
    public async Task The_outbox_refuses_a_type_without_a_message_urn()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.WriteOutboxAsync(new UnnamedProbe { Index = 1 }));

        Assert.Contains(nameof(UnnamedProbe), error.Message, StringComparison.Ordinal);
        await using var db = fixture.CreateDbContext();
        Assert.Equal(0, await db.Set<OutboxMessage>().CountAsync(r => r.MessageType.Contains("unnamed")));
    }
}
