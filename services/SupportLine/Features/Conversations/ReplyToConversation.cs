using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;
using Support.SupportLine.Data;
using Support.SupportLine.Domain;
using Support.SupportLine.Features.Outbound;
using Support.SupportLine.Features.Webhooks;

namespace Support.SupportLine.Features.Conversations;

/// <summary>
/// A worker's reply (SL-02, SL-03). It ends the wait, and the wait is recorded as a response time. The text must be
/// GSM-7, at most 2 segments, and must not name the service in a discreet conversation (422 naming <c>body</c>); a
/// number that opted out gets nothing (409). The text is stored and sent by the dispatcher.
/// </summary>
public static class ReplyToConversation
{
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record Request(string? Body);

    public static async Task<IResult> HandleAsync(
        Guid id, Request request, ClaimsPrincipal user, SupportLineDbContext db, TimeProvider clock, IOptions<SupportLineOptions> options, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("body", request.Body, 1600);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var conversation = await db.Conversations.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (conversation is null)
        {
            return TypedResults.NotFound();
        }
        if (conversation.Status != ConversationStatus.Open)
        {
            return Conflicts.Problem("The conversation is closed.");
        }
        if (Replies.Problem(request.Body!, conversation.Discreet, options.Value.ServiceName) is { } problem)
        {
            return errors.Add("body", problem).ToUnprocessable();
        }
        if (await db.OptOuts.AnyAsync(o => o.Phone == conversation.Phone, cancellationToken))
        {
            return Conflicts.Problem("This number opted out (STOP): nothing can be sent until they text START.");
        }
        var author = user.ToAuthor(clock);
        var message = OutboundQueue.Add(db, conversation.Id, conversation.Phone, request.Body!, OutboundKind.WorkerReply, author.UserId, author.At);
        if (conversation.Answered(author.At) is { } waited)
        {
            db.ResponseTimes.Add(new ResponseTime
            {
                Id = Guid.CreateVersion7(author.At), ConversationId = conversation.Id, WaitingSince = author.At - waited,
                AnsweredAt = author.At, AnsweredBy = author.UserId, Seconds = waited.TotalSeconds,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/supportline/conversations/{id}", new { message.Id, message.Status });
    }
}
