using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.SupportLine;
using Support.Messaging.Outbox;
using Support.Registry;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;
using Support.SupportLine.Data;
using Support.SupportLine.Domain;

namespace Support.SupportLine.Features.Conversations;

/// <summary>
/// SL-05: linking an anonymous conversation to a registered young person is an explicit, audited step. SL-07: a worker
/// marks a text from the young person as their views, in their own words; <c>YoungPersonViewsRecorded</c> carries it
/// to the Referrals chronology and the LeavingCare handover pack with the date it was sent. Each text is marked once.
/// </summary>
public static class YoungPersonsWords
{
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record IdentifyRequest(Guid? YoungPersonId);

    public static async Task<IResult> IdentifyAsync(Guid id, IdentifyRequest request, SupportLineDbContext db, IAccessLog accessLog, CancellationToken ct)
    {
        var errors = new ValidationErrors().Required("youngPersonId", request.YoungPersonId);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var conversation = await db.Conversations.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (conversation is null)
        {
            return TypedResults.NotFound();
        }
        if (!await db.Set<KnownYoungPerson>().AnyAsync(p => p.Id == request.YoungPersonId, ct))
        {
            return errors.Add("youngPersonId", "No registered young person has this id.").ToUnprocessable();
        }
        if (conversation.YoungPersonId is { } linked && linked != request.YoungPersonId)
        {
            return Conflicts.Problem("This conversation is already linked to another young person.");
        }
        conversation.IdentifyAs(ConversationKind.YoungPerson, request.YoungPersonId);
        await db.SaveChangesAsync(ct);
        // The link is who-knows-what-about-whom: it is written to the access log like a read (REC-08).
        await accessLog.RecordAsync(AccessSubjects.YoungPerson, [request.YoungPersonId!.Value], "supportline-link", ct);
        return TypedResults.NoContent();
    }

    public static async Task<IResult> MarkAsViewsAsync(
        Guid id, Guid messageId, ClaimsPrincipal user, SupportLineDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        var conversation = await db.Conversations.SingleOrDefaultAsync(c => c.Id == id, ct);
        var message = await db.InboundMessages.SingleOrDefaultAsync(m => m.Id == messageId && m.ConversationId == id, ct);
        if (conversation is null || message is null)
        {
            return TypedResults.NotFound();
        }
        if (conversation.YoungPersonId is not { } youngPersonId)
        {
            return Conflicts.Problem("Link the conversation to the young person first (SL-05).");
        }
        if (conversation.Kind != ConversationKind.YoungPerson)
        {
            return Conflicts.Problem("Only a young person's own texts are their views.");
        }
        if (message.MarkedAsViewsAt is not null)
        {
            return Conflicts.Problem("This text is already recorded as the young person's views.");
        }
        var author = user.ToAuthor(clock);
        message.MarkedAsViewsAt = author.At;
        message.MarkedAsViewsBy = author.UserId;
        outbox.Add(new YoungPersonViewsRecorded
        {
            ViewsId = message.Id,
            YoungPersonId = youngPersonId,
            Words = message.Body,
            SaidAt = message.ReceivedAt,
            Method = "text message",
            RecordedBy = author.UserId,
            OccurredAt = author.At,
        });
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
