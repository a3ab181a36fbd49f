using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Support.Messaging.Outbox;
using Support.Messaging.Tests.Data;
using Support.Messaging.Tests.Infrastructure;

namespace Support.Messaging.Tests.Outbox;

public sealed class RelayWakeUpFixture() : MessagingFixture("wakeup")
{
    // The poll would not come round during the test: only the commit's wake-up can get a message out in time.
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Outbox:PollInterval"] = "01:00:00" };

    protected override void ConfigureConsumers(IBusRegistrationConfigurator bus) => bus.AddConsumer<WakeUpProbeConsumer>();
}

public sealed class RelayWakeUpTests(RelayWakeUpFixture fixture) : IClassFixture<RelayWakeUpFixture>
{
    private static readonly TimeSpan WellUnderThePoll = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_saved_outbox_row_is_published_at_once_without_waiting_for_the_poll()
    {
        var id = (await fixture.WriteOutboxAsync(new WakeUpProbe { Index = 1 })).Single();

        await WaitUntilConsumedAsync(id);
    }

    [Fact]
    public async Task A_row_saved_inside_a_transaction_is_published_when_the_transaction_commits()
    {
        Guid id;
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MessagingTestDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            scope.ServiceProvider.GetRequiredService<IOutbox>().Add(new WakeUpProbe { Index = 2 });
            id = db.ChangeTracker.Entries<OutboxMessage>().Single(e => e.State == EntityState.Added).Entity.Id;
            await db.SaveChangesAsync();
            // Saved but not committed: invisible to the relay. Another row committed meanwhile wakes the relay;
            // once that one is consumed the relay has made a pass that would have taken ours had it been visible.
            var other = (await fixture.WriteOutboxAsync(new WakeUpProbe { Index = 3 })).Single();
            await WaitUntilConsumedAsync(other);
            Assert.Equal(0, fixture.Deliveries.Count(Queue, id, DeliveryStage.Consumed));
            await transaction.CommitAsync();
        }

        await WaitUntilConsumedAsync(id);
    }

    private string Queue => fixture.QueueOf<WakeUpProbeConsumer>();

    private async Task WaitUntilConsumedAsync(Guid id)
    {
        var deadline = DateTime.UtcNow + WellUnderThePoll;
        while (fixture.Deliveries.Count(Queue, id, DeliveryStage.Consumed) == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Message {id} was not consumed within {WellUnderThePoll.TotalSeconds} s of the commit.");
            await Task.Delay(20);
        }
    }
}
