using Microsoft.EntityFrameworkCore;
using MassTransit;
using Microsoft.Extensions.Logging;
using Support.Messaging.Inbox;
using Support.Messaging.Tests.Data;

namespace Support.Messaging.Tests.Infrastructure;

/// <summary>An idempotent consumer whose only change is one <see cref="Effect"/> row per applied message.</summary>
public abstract class EffectConsumer<TMessage>(MessagingTestDbContext db, TimeProvider clock, ILogger logger)
    : IdempotentConsumer<TMessage, MessagingTestDbContext>(db, clock, logger)
    where TMessage : class
{
    protected override Task HandleAsync(ConsumeContext<TMessage> context)
    {
        Db.Effects.Add(new Effect { MessageId = context.MessageId!.Value, Consumer = ConsumerName, AppliedAt = Clock.GetUtcNow() });
        return Task.CompletedTask;
    }
}

[InboxName("test.crash-probe")]
public sealed class CrashProbeConsumer(MessagingTestDbContext db, TimeProvider clock, ILogger<CrashProbeConsumer> logger)
    : EffectConsumer<CrashProbe>(db, clock, logger);

[InboxName("test.outage-probe")]
public sealed class OutageProbeConsumer(MessagingTestDbContext db, TimeProvider clock, ILogger<OutageProbeConsumer> logger)
    : EffectConsumer<OutageProbe>(db, clock, logger);

[InboxName("test.duplicate-probe")]
public sealed class DuplicateProbeConsumer(MessagingTestDbContext db, TimeProvider clock, ILogger<DuplicateProbeConsumer> logger, DeliveryLog deliveries)
    : EffectConsumer<DuplicateProbe>(db, clock, logger)
{
    public static readonly TimeSpan HoldLimit = TimeSpan.FromSeconds(15);

    protected override async Task HandleAsync(ConsumeContext<DuplicateProbe> context)
    {
        if (context.Message.HoldUntilCopyArrives)
        {
            // This delivery has inserted its inbox row and not committed: wait (bounded) until the copy is being
            // consumed too, so the copy's insert meets the uncommitted key. The test checks that the overlap happened.
            var queue = DeliveryObserver.QueueOf(context.ReceiveContext.InputAddress);
            var deadline = DateTime.UtcNow + HoldLimit;
            while (deliveries.Count(queue, context.MessageId!.Value, DeliveryStage.Started) < 2 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20, context.CancellationToken);
            }
        }
        await base.HandleAsync(context);
    }
}

[InboxName("test.poison-probe")]
public sealed class PoisonProbeConsumer(MessagingTestDbContext db, TimeProvider clock, ILogger<PoisonProbeConsumer> logger)
    : EffectConsumer<PoisonProbe>(db, clock, logger)
{
    protected override Task HandleAsync(ConsumeContext<PoisonProbe> context) =>
        context.Message.Poison ? throw new InvalidOperationException("This message can never be applied.") : base.HandleAsync(context);
}

/// <summary>
/// Does part of its work (a row through SQL, a row through the change tracker, both saved) and then fails: the inbox
/// transaction must roll all of it back, and leave no inbox row, so the retry or the error queue sees a clean slate.
/// </summary>
[InboxName("test.partial-work-probe")]
public sealed class PartialWorkProbeConsumer(MessagingTestDbContext db, TimeProvider clock, ILogger<PartialWorkProbeConsumer> logger)
    : EffectConsumer<PartialWorkProbe>(db, clock, logger)
{
    protected override async Task HandleAsync(ConsumeContext<PartialWorkProbe> context)
    {
        var id = context.MessageId!.Value;
        await Db.Database.ExecuteSqlAsync(
            $"INSERT INTO msgtest.effects (message_id, consumer, applied_at) VALUES ({id}, {"partial-sql"}, {Clock.GetUtcNow()})");
        await base.HandleAsync(context);
        await Db.SaveChangesAsync();
        throw new InvalidOperationException("Failed after partial work.");
    }
}

[InboxName("test.topology-probe")]
public sealed class TopologyProbeConsumer(MessagingTestDbContext db, TimeProvider clock, ILogger<TopologyProbeConsumer> logger)
    : EffectConsumer<TopologyProbe>(db, clock, logger);

/// <summary>Deliberately not idempotent: records every delivery, so a message published twice shows twice.</summary>
public sealed class BulkProbeConsumer(DeliveryLog deliveries) : IConsumer<BulkProbe>
{
    public Task Consume(ConsumeContext<BulkProbe> context)
    {
        deliveries.Record(DeliveryObserver.QueueOf(context.ReceiveContext.InputAddress), context.MessageId!.Value, DeliveryStage.Handled);
        return Task.CompletedTask;
    }
}

public sealed class WakeUpProbeConsumer : IConsumer<WakeUpProbe>
{
    public Task Consume(ConsumeContext<WakeUpProbe> context) => Task.CompletedTask;
}
