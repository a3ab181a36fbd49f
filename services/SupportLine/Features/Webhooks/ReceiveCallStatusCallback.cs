using Microsoft.Extensions.Options;
using Support.SupportLine.Data;
using Support.SupportLine.Domain;

namespace Support.SupportLine.Features.Webhooks;

/// <summary>
/// <c>POST /api/supportline/webhooks/twilio/call-status</c>: a placed call's progress (initiated, ringing, answered,
/// completed, or busy, no-answer, canceled, failed), signed like the inbound webhook against
/// <c>Sms:CallStatusCallbackUrl</c>. It moves the call forward only, as delivery callbacks move a text: Twilio's
/// callbacks can arrive late and out of order. An unknown SID is accepted (200) and ignored, as Twilio expects.
/// </summary>
public static partial class ReceiveCallStatusCallback
{
    public static async Task<IResult> HandleAsync(
        HttpRequest request, SupportLineDbContext db, TimeProvider clock, IOptions<SupportLineOptions> options, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var (outcome, form) = await TwilioRequests.ReadAsync(request, settings.CallStatusCallbackUrl, settings, cancellationToken);
        if (TwilioRequests.Refusal(outcome) is { } refused)
        {
            return refused;
        }
        var sid = form!["CallSid"];
        var status = form["CallStatus"];
        if (sid is null || !Sids.IsCallSid(sid) || !CallStatuses.IsKnown(status))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "CallSid and a known CallStatus are required.");
        }
        int? duration = int.TryParse(form["CallDuration"], out var seconds) && seconds >= 0 ? seconds : null;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var call = await db.LockedCallAsync(sid, cancellationToken);
        if (call is null)
        {
            return TwiML.Empty();
        }
        var moved = call.Advance(status!, duration, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogStatus(loggers.CreateLogger(typeof(ReceiveCallStatusCallback)), sid, status!, moved);
        return TwiML.Empty();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Status {Status} for outbound call {CallSid}; applied: {Applied}")]
    private static partial void LogStatus(ILogger logger, string callSid, string status, bool applied);
}
