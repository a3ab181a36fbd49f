using System.Collections.Concurrent;
using MassTransit;

namespace Support.Messaging.Tests.Infrastructure;

public enum DeliveryStage
{
    /// <summary>The endpoint began consuming the message (before any consumer code ran).</summary>
    Started,
    /// <summary>The endpoint finished consuming the message without an exception.</summary>
    Consumed,
    /// <summary>The endpoint's consumer threw.</summary>
    Faulted,
    /// <summary>A plain (non-idempotent) consumer's body ran.</summary>
    Handled,
}

public sealed record Delivery(long Sequence, string Queue, Guid MessageId, DeliveryStage Stage);

/// <summary>
/// Every delivery every endpoint of one test host saw, in order. It is fed by <see cref="DeliveryObserver"/> (which
/// sees a delivery whatever the consumer then does with it, so a duplicate the inbox absorbed still shows here) and
/// by plain consumers.
/// </summary>
public sealed class DeliveryLog
{
    private readonly ConcurrentQueue<Delivery> _entries = new();
    private long _sequence;

    public void Record(string queue, Guid messageId, DeliveryStage stage) =>
        _entries.Enqueue(new Delivery(Interlocked.Increment(ref _sequence), queue, messageId, stage));

    public IReadOnlyList<Delivery> Entries => [.. _entries.OrderBy(e => e.Sequence)];

    public IReadOnlyList<Delivery> For(string queue, DeliveryStage stage) =>
        [.. Entries.Where(e => e.Queue == queue && e.Stage == stage)];

    public int Count(string queue, Guid messageId, DeliveryStage stage) =>
        _entries.Count(e => e.Queue == queue && e.MessageId == messageId && e.Stage == stage);
}

/// <summary>Records each delivery at each receive endpoint, under the endpoint's queue name.</summary>
public sealed class DeliveryObserver(DeliveryLog log) : IConsumeObserver
{
    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Record(context, DeliveryStage.Started);

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class => Record(context, DeliveryStage.Consumed);

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Record(context, DeliveryStage.Faulted);

    private Task Record(ConsumeContext context, DeliveryStage stage)
    {
        log.Record(QueueOf(context.ReceiveContext.InputAddress), context.MessageId ?? Guid.Empty, stage);
        return Task.CompletedTask;
    }

    /// <summary>The queue an input address such as <c>rabbitmq://host/vhost/queue?bind=...</c> reads from.</summary>
    public static string QueueOf(Uri inputAddress) => inputAddress.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1];
}
