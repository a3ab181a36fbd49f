using Microsoft.EntityFrameworkCore;
using Support.SupportLine.Data;
using Support.SupportLine.Domain;

namespace Support.SupportLine.Features.Outbound;

/// <summary>
/// SL-03: texts to a young person follow the safe times they gave. Checked at the moment of sending, so a preference
/// recorded after a text was queued still holds it. Two kinds go at once whatever the hour: the automatic
/// acknowledgement of a text they have just sent, and a worker's reply within <c>Sms:ReplyGraceAfterInbound</c> of
/// their last text (they have the phone in hand). Everything else waits for the next safe time, still pending.
/// </summary>
public static class SafeTimes
{
    public static Task<ContactPreference?> CurrentPreferenceAsync(SupportLineDbContext db, Guid youngPersonId, CancellationToken cancellationToken) =>
        db.ContactPreferences.AsNoTracking().Where(p => p.YoungPersonId == youngPersonId)
            .OrderByDescending(p => p.Version).FirstOrDefaultAsync(cancellationToken);

    /// <summary>When the text may go, if not now; null when it may go now.</summary>
    public static async Task<DateTimeOffset?> HoldUntilAsync(
        SupportLineDbContext db, string to, OutboundKind kind, Guid? conversationId, DateTimeOffset now, TimeSpan replyGrace, CancellationToken cancellationToken)
    {
        if (kind == OutboundKind.AutoReply)
        {
            return null;
        }
        var youngPersonId = await db.YoungPersonPhones.Where(p => p.Phone == to).Select(p => (Guid?)p.YoungPersonId).SingleOrDefaultAsync(cancellationToken);
        if (youngPersonId is null || await CurrentPreferenceAsync(db, youngPersonId.Value, cancellationToken) is not { } preference || preference.IsSafeAt(now))
        {
            return null;
        }
        var sinceTheirText = now - replyGrace;
        if (kind == OutboundKind.WorkerReply && conversationId is not null
            && await db.Conversations.AnyAsync(c => c.Id == conversationId && c.LastInboundAt >= sinceTheirText, cancellationToken))
        {
            return null;
        }
        return preference.NextSafeTime(now);
    }
}
