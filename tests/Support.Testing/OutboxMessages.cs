using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Support.Messaging;
using Support.Messaging.Outbox;

namespace Support.Testing;

/// <summary>What a service's outbox holds: the events its requests and jobs wrote, whether or not a relay sent them.</summary>
public static class OutboxMessages
{
    /// <summary>The messages of type <typeparamref name="T"/> in written order, filtered in memory (jsonb LIKE does not work).</summary>
    public static async Task<List<T>> OutboxAsync<T>(this DbContext db, Func<T, bool>? where = null) where T : class
    {
        var urn = MessageTypeRegistry.UrnOf(typeof(T));
        var rows = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.MessageType == urn).OrderBy(m => m.Sequence).ToListAsync();
        return rows.Select(r => JsonSerializer.Deserialize<T>(r.Payload, MessagingJson.Options)!).Where(m => where?.Invoke(m) ?? true).ToList();
    }
}
