using Support.SupportLine.Data;
using Support.SupportLine.Domain;

namespace Support.SupportLine.Features.Outbound;

/// <summary>Stages a text in the caller's transaction; <see cref="OutboundDispatcher"/> hands it to Twilio after commit.</summary>
public static class OutboundQueue
{
    public static OutboundSms Add(SupportLineDbContext db, Guid? conversationId, string to, string body, OutboundKind kind, string requestedBy, DateTimeOffset now, Guid? commandId = null)
    {
        var message = new OutboundSms
        {
            Id = Guid.CreateVersion7(now), ConversationId = conversationId, To = to, Body = body, Kind = kind,
            RequestedBy = requestedBy, RequestedAt = now, CommandId = commandId,
        };
        db.OutboundMessages.Add(message);
        return message;
    }
}
