using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;
using Support.SupportLine.Data;
using Support.SupportLine.Domain;
using Support.SupportLine.Features.Outbound;
using Support.SupportLine.Features.Webhooks;

namespace Support.SupportLine.Features.SafeContact;

/// <summary>
/// A worker texts a young person first (a check-in, an appointment), not in answer to them. SL-03: only a confirmed
/// number or one with a duty manager's safety decision (409 otherwise), never an opted-out one; GSM-7, at most 2
/// segments and discreet where the number asks (422 naming <c>body</c>); outside their safe times it is stored and waits
/// for the next one (<c>sendsAt</c> says when). It joins the number's open conversation, if there is one.
/// </summary>
public static class TextYoungPerson
{
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record Request(string? Phone, string? Body);

    public sealed record Response(Guid Id, DeliveryStatus Status, LondonTime SendsAt);

    public static async Task<IResult> HandleAsync(
        Guid id, Request request, ClaimsPrincipal user, SupportLineDbContext db, TimeProvider clock, IOptions<SupportLineOptions> options, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("body", request.Body, 1600);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var (number, refusal) = await SafeContactEndpoints.ContactableNumberAsync(db, id, request.Phone, errors, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        if (Replies.Problem(request.Body!, number!.Discreet, options.Value.ServiceName) is { } problem)
        {
            return errors.Add("body", problem).ToUnprocessable();
        }
        var author = user.ToAuthor(clock);
        var conversationId = await db.Conversations.Where(c => c.Phone == number.Phone && c.Status == ConversationStatus.Open)
            .Select(c => (Guid?)c.Id).SingleOrDefaultAsync(cancellationToken);
        var message = OutboundQueue.Add(db, conversationId, number.Phone, request.Body!, OutboundKind.WorkerText, author.UserId, author.At);
        var preference = await SafeTimes.CurrentPreferenceAsync(db, id, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/supportline/outbox", new Response(message.Id, message.Status, LondonTime.Of(preference?.NextSafeTime(author.At) ?? author.At)));
    }
}
