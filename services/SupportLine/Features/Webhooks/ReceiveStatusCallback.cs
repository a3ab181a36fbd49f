using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Support.SupportLine.Data;
using Support.SupportLine.Domain;

namespace Support.SupportLine.Features.Webhooks;

/// <summary>
/// <c>POST /api/supportline/webhooks/twilio/status</c>: a delivery status callback, signed like the inbound webhook.
/// It moves the message's state forward only (twilio.md §3): a late or out-of-order callback never moves it back. An
/// unknown SID is accepted (200) and ignored, as Twilio expects. Error 21610 marks the number opted out.
/// </summary>
public static partial class ReceiveStatusCallback
{
    public static async Task<IResult> HandleAsync(
        HttpRequest request, SupportLineDbContext db, TimeProvider clock, IOptions<SupportLineOptions> options, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(ReceiveStatusCallback));
        var settings = options.Value;
        var (outcome, form) = await TwilioRequests.ReadAsync(request, settings.StatusCallbackUrl, settings, cancellationToken);
        if (TwilioRequests.Refusal(outcome) is { } refused)
        {
            return refused;
        }
        var sid = form!["MessageSid"] ?? form["SmsSid"];
        var status = Parse(form["MessageStatus"] ?? form["SmsStatus"]);
        if (sid is null || !Sids.IsMessageSid(sid) || status is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "MessageSid and a known MessageStatus are required.");
        }
        int? errorCode = int.TryParse(form["ErrorCode"], out var code) ? code : null;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var message = await db.LockedTextAsync(sid, cancellationToken);
        if (message is null)
        {
            return TwiML.Empty();
        }
        var now = clock.GetUtcNow();
        var moved = message.Advance(status.Value, errorCode, now);
        if (errorCode == 21610 && !await db.OptOuts.AnyAsync(o => o.Phone == message.To, cancellationToken))
        {
            db.OptOuts.Add(new OptOut { Phone = message.To, OptedOutAt = now, Source = "twilio-21610" });
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogStatus(logger, sid, status.Value, moved);
        return TwiML.Empty();
    }

    private static DeliveryStatus? Parse(string? value) => value switch
    {
        "queued" or "accepted" or "scheduled" => DeliveryStatus.Queued,
        "sending" => DeliveryStatus.Sending,
        "sent" => DeliveryStatus.Sent,
        "delivered" or "read" => DeliveryStatus.Delivered,
        "undelivered" => DeliveryStatus.Undelivered,
        "failed" or "canceled" => DeliveryStatus.Failed,
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Status {Status} for outbound text {MessageSid}; applied: {Applied}")]
    private static partial void LogStatus(ILogger logger, string messageSid, DeliveryStatus status, bool applied);
}
