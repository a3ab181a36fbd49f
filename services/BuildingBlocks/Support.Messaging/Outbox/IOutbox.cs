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

internal sealed class EfOutbox<TContext>(TContext db, TimeProvider clock, MessageTypeRegistry types) : IOutbox where TContext : DbContext
{
    public void Add<T>(T message) where T : class
    {
        // Refused here, in the handler's own request, rather than written and set aside by the relay later: a type the
        // relay cannot resolve could never be published.
        if (!types.IsRegistered(typeof(T)))
        {
            throw new InvalidOperationException(
                $"{typeof(T).Name} cannot go through the outbox: it has no [MessageUrn] or its assembly is not registered with AddSupportMessaging.");
        }
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
