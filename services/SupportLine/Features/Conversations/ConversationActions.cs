using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;
using Support.SupportLine.Data;
using Support.SupportLine.Domain;

namespace Support.SupportLine.Features.Conversations;

/// <summary>Assign, close with a reason, and the alert and outbound lists of the duty inbox.</summary>
public static class ConversationActions
{
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record AssignRequest(string? UserId);

    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record CloseRequest(string? Reason);

    /// <summary>To a named worker, or to the duty worker when <c>userId</c> is null.</summary>
    public static async Task<IResult> AssignAsync(Guid id, AssignRequest request, SupportLineDbContext db, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().MaxLength("userId", request.UserId, 200);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var conversation = await db.Conversations.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (conversation is null)
        {
            return TypedResults.NotFound();
        }
        conversation.AssignTo(string.IsNullOrWhiteSpace(request.UserId) ? null : request.UserId.Trim());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>A conversation flagged as immediate danger is never closed while its last text is unanswered (twilio.md §7).</summary>
    public static async Task<IResult> CloseAsync(Guid id, CloseRequest request, ClaimsPrincipal user, SupportLineDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("reason", request.Reason, 1000);
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
            return Conflicts.Problem("The conversation is already closed.");
        }
        if (conversation.Urgency == TriageCategory.ImmediateDanger && conversation.AwaitingReplySince is not null)
        {
            return Conflicts.Problem("A conversation in immediate danger is not closed before a person has answered.");
        }
        var author = user.ToAuthor(clock);
        conversation.Close(author.UserId, request.Reason!.Trim(), author.At);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<IResult> ListAlertsAsync(SupportLineDbContext db, CancellationToken cancellationToken)
    {
        var alerts = await db.Alerts.AsNoTracking().Where(a => a.AcknowledgedAt == null).OrderByDescending(a => a.RaisedAt).Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok(alerts.Select(a => new AlertView(a.Id, a.ConversationId, a.InboundSmsId, a.Kind, a.Reason, LondonTime.Of(a.RaisedAt))).ToList());
    }

    /// <summary>Every text the line sent or tried to send, newest first: in development this is the local outbox.</summary>
    public static async Task<IResult> ListOutboundAsync(SupportLineDbContext db, CancellationToken cancellationToken)
    {
        var sent = await db.OutboundMessages.AsNoTracking().OrderByDescending(m => m.RequestedAt).Take(200).ToListAsync(cancellationToken);
        return TypedResults.Ok(sent.Select(m => new OutboundView(m.Id, m.ConversationId, m.To, m.Body, m.Kind, m.Status, m.ErrorCode, m.TwilioSid, LondonTime.Of(m.RequestedAt))).ToList());
    }
}
