using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Support.ServiceDefaults.Correlation;

namespace Support.Messaging.Outbox;

/// <summary>
/// The only way a handler announces a state change. <see cref="Add{T}"/> stages the message in the current
/// DbContext; it is written by the same <c>SaveChangesAsync</c> as the change itself and published later by the relay.
/// Handlers never publish state-changing events to the bus directly.
/// </summary>
public interface IOutbox
{
    void Add<T>(T message) where T : class;
}

internal sealed class EfOutbox<TContext>(TContext db, TimeProvider clock) : IOutbox where TContext : DbContext
{
    public void Add<T>(T message) where T : class
    {
        var now = clock.GetUtcNow();
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            Id = Guid.CreateVersion7(now),
            MessageType = MessageTypeRegistry.UrnOf(typeof(T)),
            Payload = JsonSerializer.Serialize(message, MessagingJson.Options),
            CorrelationId = CorrelationId.Current,
            TraceParent = Activity.Current?.Id,
            OccurredAt = now,
            NextAttemptAt = now,
        });
    }
}
