using System.Collections.Concurrent;
using MassTransit;

namespace Support.Testing;

/// <summary>
/// Every delivery a service host has finished consuming (successfully or with a fault), by queue and message id:
/// the observable effect a test waits on when a message is meant to change nothing (a duplicate, a message with no
/// finding). Waiting for "the queue to drain" instead is unreliable: consumers run concurrently and the management
/// API samples its counts. Connect it to the host's bus with <see cref="ConnectTo"/>.
/// </summary>
public sealed class ConsumedDeliveries : IConsumeObserver
{
    private readonly ConcurrentDictionary<(string Queue, Guid MessageId), int> _counts = new();

    public static ConsumedDeliveries ConnectTo(IBus bus)
    {
        var observer = new ConsumedDeliveries();
        bus.ConnectConsumeObserver(observer);
        return observer;
    }

    /// <summary>How many deliveries of <paramref name="messageId"/> the consumer of <paramref name="queue"/> has finished.</summary>
    public int Count(string queue, Guid messageId) => _counts.GetValueOrDefault((queue, messageId));

    /// <summary>Waits (with a deadline) until the consumer of <paramref name="queue"/> has finished <paramref name="deliveries"/> deliveries of the message.</summary>
    public Task WaitForAsync(string queue, Guid messageId, int deliveries = 1, TimeSpan? timeout = null) =>
        Eventually.TrueAsync(() => Task.FromResult(Count(queue, messageId) >= deliveries), timeout,
            $"{deliveries} deliveries of {messageId} to be consumed from {queue} (seen {Count(queue, messageId)})");

    Task IConsumeObserver.PreConsume<T>(ConsumeContext<T> context) => Task.CompletedTask;

    Task IConsumeObserver.PostConsume<T>(ConsumeContext<T> context)
    {
        Record(context);
        return Task.CompletedTask;
    }

    Task IConsumeObserver.ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
    {
        Record(context);
        return Task.CompletedTask;
    }

    private void Record(ConsumeContext context)
    {
        if (context.MessageId is { } id && context.ReceiveContext.InputAddress is { } address)
        {
            _counts.AddOrUpdate((address.AbsolutePath.Split('/')[^1], id), 1, (_, n) => n + 1);
        }
    }
}
