using Microsoft.EntityFrameworkCore;
using Support.ServiceDefaults.Time;
using Support.SupportLine.Data;

namespace Support.SupportLine.Features.Conversations;

/// <summary>One conversation with every text both ways, each with its triage and why (audited, REC-08).</summary>
public static class GetConversation
{
    public static async Task<IResult> HandleAsync(Guid id, SupportLineDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var conversation = await db.Conversations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (conversation is null)
        {
            return TypedResults.NotFound();
        }
        var inbound = await db.InboundMessages.AsNoTracking().Where(m => m.ConversationId == id).ToListAsync(cancellationToken);
        var outbound = await db.OutboundMessages.AsNoTracking().Where(m => m.ConversationId == id).ToListAsync(cancellationToken);
        var messages = inbound
            .Select(m => (At: m.ReceivedAt, View: new MessageView(m.Id, "inbound", m.Body, LondonTime.Of(m.ReceivedAt), m.Category, m.MatchedRules, m.TriageVersion, null, null, null)))
            .Concat(outbound.Select(m => (At: m.RequestedAt, View: new MessageView(m.Id, "outbound", m.Body, LondonTime.Of(m.RequestedAt), null, [], null, m.Status, m.ErrorCode, m.RequestedBy))))
            .OrderBy(m => m.At)
            .Select(m => m.View)
            .ToList();
        var optedOut = await db.OptOuts.AnyAsync(o => o.Phone == conversation.Phone, cancellationToken);
        var referrals = await db.ConversationReferrals.AsNoTracking().Where(r => r.ConversationId == id).OrderBy(r => r.ReferredAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(new ConversationView(
            ConversationSummary.Of(conversation, clock.GetUtcNow()), conversation.Phone, conversation.Discreet, optedOut,
            conversation.CloseReason, conversation.ClosedBy, messages, [.. referrals.Select(ConversationReferralView.Of)]));
    }
}
