using Microsoft.EntityFrameworkCore;
using Support.SupportLine.Data;
using Support.SupportLine.Domain;

namespace Support.SupportLine.Features.Conversations;

/// <summary>
/// The duty inbox (SL-02, SL-03): open conversations, most urgent first, then longest waiting first (twilio.md §7: not
/// first-in-first-out). <c>?mine=true</c> shows only those routed to the caller (OUT-07).
/// </summary>
public static class ListConversations
{
    public static async Task<IResult> HandleAsync(bool? mine, System.Security.Claims.ClaimsPrincipal user, SupportLineDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var query = db.Conversations.AsNoTracking().Where(c => c.Status == ConversationStatus.Open);
        if (mine == true)
        {
            var me = user.FindFirst(Support.ServiceDefaults.Auth.SupportAuthentication.SubjectClaim)?.Value;
            query = query.Where(c => c.AssignedTo == me);
        }
        var open = await query.ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return Results.Ok(open
            .OrderByDescending(c => c.Urgency)
            .ThenBy(c => c.AwaitingReplySince ?? DateTimeOffset.MaxValue)
            .ThenBy(c => c.LastInboundAt)
            .Select(c => ConversationSummary.Of(c, now))
            .ToList());
    }
}
