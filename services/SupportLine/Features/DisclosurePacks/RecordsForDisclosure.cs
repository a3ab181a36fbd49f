using Microsoft.EntityFrameworkCore;
using Support.Contracts.Registry;
using Support.Registry;
using Support.SupportLine.Data;

namespace Support.SupportLine.Features.DisclosurePacks;

/// <summary>
/// The support line's part of a disclosure pack (REC-10): every conversation linked to the young person, and every text
/// in it both ways word for word. A text a worker marked as their views (SL-07) is also an item of their own words
/// (issue 16 item 4). Texts of a conversation never linked to them are not theirs to disclose.
/// </summary>
public sealed class RecordsForDisclosure(SupportLineDbContext db) : IDisclosureContributor
{
    public async Task<IReadOnlyList<DisclosedRecord>> RecordsAsync(Guid youngPersonId, CancellationToken cancellationToken)
    {
        var conversations = await db.Conversations.AsNoTracking().Where(c => c.YoungPersonId == youngPersonId)
            .OrderBy(c => c.OpenedAt).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        var ids = conversations.Select(c => c.Id).ToList();
        var inbound = await db.InboundMessages.AsNoTracking().Where(m => m.ConversationId != null && ids.Contains(m.ConversationId.Value))
            .OrderBy(m => m.ReceivedAt).ThenBy(m => m.Id).ToListAsync(cancellationToken);
        var outbound = await db.OutboundMessages.AsNoTracking().Where(m => m.ConversationId != null && ids.Contains(m.ConversationId.Value))
            .OrderBy(m => m.RequestedAt).ThenBy(m => m.Id).ToListAsync(cancellationToken);

        var records = new List<DisclosedRecord>();
        records.AddRange(conversations.Select(c => Disclosed.Record($"conversation:{c.Id}", DisclosedSections.ServiceRecords, c.OpenedAt,
            c.AssignedTo, null, c.OpenedAt,
            ("record", "Support-line conversation"), ("phone", c.Phone), ("kind", c.Kind.ToString()), ("status", c.Status.ToString()),
            ("closedBy", c.ClosedBy), ("closeReason", c.CloseReason))));
        records.AddRange(inbound.Select(m => Disclosed.Record($"text-in:{m.Id}", DisclosedSections.ServiceRecords, m.ReceivedAt, null, null, m.ReceivedAt,
            ("record", "Text received"), ("conversation", $"conversation:{m.ConversationId}"), ("text", m.Body))));
        records.AddRange(outbound.Select(m => Disclosed.Record($"text-out:{m.Id}", DisclosedSections.ServiceRecords, m.RequestedAt, m.RequestedBy, null,
            m.RequestedAt,
            ("record", "Text sent"), ("conversation", $"conversation:{m.ConversationId}"), ("kind", m.Kind.ToString()), ("text", m.Body),
            ("delivery", m.Status.ToString()))));
        records.AddRange(inbound.Where(m => m.MarkedAsViewsAt is not null).Select(m => Disclosed.Record($"views:{m.Id}", DisclosedSections.OwnWords,
            m.ReceivedAt, m.MarkedAsViewsBy, null, m.MarkedAsViewsAt,
            ("source", "Support line"), ("inOwnWords", m.Body))));
        return records;
    }
}
